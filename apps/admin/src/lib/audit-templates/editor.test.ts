import { AUDIT_TEMPLATE_LIBRARY } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  addSection,
  blankDefinition,
  duplicateItem,
  duplicateSection,
  itemStep,
  missingTranslations,
  moveItem,
  normalizeDefinition,
  removeItem,
  removeSection,
  restoreItem,
  restoreSection,
  sameDefinition,
  setDefaultLocale,
  setItemGuidance,
  setItemMeasure,
  setItemText,
  setLocaleOffered,
  type Definition,
} from './editor';

function ids(d: Definition): string[][] {
  return d.sections.map((s) => s.items.map((i) => i.id));
}

const quarterly = AUDIT_TEMPLATE_LIBRARY.find((t) => t.key === 'quarterly_service')!.definition;

/** Two sections: a (x, y) and b (z). */
function small(): Definition {
  let d = blankDefinition('checklist');
  d = addItem(d, 0).definition;
  d = addSection(d).definition;
  return d;
}

describe('audit template editor', () => {
  it('gives new sections and items ids nobody uses yet', () => {
    const d = small();
    expect(d.sections.map((s) => s.id)).toEqual(['section_1', 'section_2']);
    expect(ids(d)).toEqual([['item_1', 'item_2'], ['item_3']]);
    const copy = duplicateSection(d, 0);
    expect(copy.index).toBe(1);
    expect(copy.definition.sections[1]!.id).toBe('section_3');
    expect(ids(copy.definition)).toEqual([['item_1', 'item_2'], ['item_4', 'item_5'], ['item_3']]);
    const item = duplicateItem(d, { section: 1, item: 0 });
    expect(item.at).toEqual({ section: 1, item: 1 });
    expect(ids(item.definition)[1]).toEqual(['item_3', 'item_4']);
  });

  it('a new item takes the scale of the item above it', () => {
    const d = blankDefinition('scorecard');
    const { definition, at } = addItem(d, 0);
    expect(definition.sections[0]!.items[at.item]!.scale).toEqual({ points: 5 });
  });

  it('steps items within a section and across its edges, never emptying a section', () => {
    const d = small();
    expect(itemStep(d, { section: 0, item: 0 }, 'up')).toBeNull();
    expect(itemStep(d, { section: 0, item: 0 }, 'down')).toEqual({ section: 0, item: 1 });
    expect(itemStep(d, { section: 0, item: 1 }, 'down')).toEqual({ section: 1, item: 0 });
    // z is section b's only item: it stays.
    expect(itemStep(d, { section: 1, item: 0 }, 'up')).toBeNull();
    const moved = moveItem(d, { section: 0, item: 1 }, { section: 1, item: 0 });
    expect(ids(moved)).toEqual([['item_1'], ['item_2', 'item_3']]);
    expect(itemStep(moved, { section: 1, item: 0 }, 'up')).toEqual({ section: 0, item: 1 });
    expect(ids(moveItem(moved, { section: 1, item: 0 }, { section: 0, item: 1 }))).toEqual(ids(d));
    expect(ids(moveItem(d, { section: 0, item: 0 }, { section: 0, item: 1 }))).toEqual([
      ['item_2', 'item_1'],
      ['item_3'],
    ]);
  });

  it('puts a removed item or section back where it was', () => {
    const d = small();
    const removed = removeItem(d, { section: 0, item: 0 });
    expect(ids(removed.definition)).toEqual([['item_2'], ['item_3']]);
    const back = restoreItem(removed.definition, removed.removed!);
    expect(back.at).toEqual({ section: 0, item: 0 });
    expect(ids(back.definition)).toEqual(ids(d));
    const gone = removeSection(d, 0);
    expect(ids(gone.definition)).toEqual([['item_3']]);
    expect(restoreSection(gone.definition, gone.removed!)).toEqual(d);
  });

  it('saves trimmed texts in offered languages only, and no empty guidance', () => {
    let d = blankDefinition('checklist');
    d = setItemText(d, { section: 0, item: 0 }, 'en', '  Hours published ');
    d = setItemText(d, { section: 0, item: 0 }, 'sr', '');
    d = setItemGuidance(d, { section: 0, item: 0 }, 'en', '   ');
    d = setLocaleOffered(d, 'ru', false);
    d = setItemText(d, { section: 0, item: 0 }, 'ru', 'Часы');
    const saved = normalizeDefinition(d);
    expect(saved.sections[0]!.items[0]!.text).toEqual({ en: 'Hours published' });
    expect('guidance' in saved.sections[0]!.items[0]!).toBe(false);
    expect(sameDefinition(d, saved)).toBe(true);
    expect(sameDefinition(d, setItemText(d, { section: 0, item: 0 }, 'en', 'Other'))).toBe(false);
  });

  it('keeps the default language offered', () => {
    const d = blankDefinition('checklist');
    expect(setLocaleOffered(d, 'en', false)).toBe(d);
    const sl = setDefaultLocale(setLocaleOffered(d, 'sl', false), 'sl');
    expect(sl.defaultLocale).toBe('sl');
    expect(sl.locales).toContain('sl');
  });

  it('sets and clears a measure', () => {
    const d = blankDefinition('checklist');
    const at = { section: 0, item: 0 };
    const withMeasure = setItemMeasure(d, at, 'top_reasons');
    expect(withMeasure.sections[0]!.items[0]!.measure).toBe('top_reasons');
    expect('measure' in setItemMeasure(withMeasure, at, null).sections[0]!.items[0]!).toBe(false);
  });

  it('counts missing translations of text, and of guidance only when some exists', () => {
    const item = quarterly.sections[0]!.items[0]!;
    expect(missingTranslations(item, quarterly.locales)).toBe(0);
    const partial = { ...item, text: { en: 'x' }, guidance: { en: 'y', sr: 'z' } };
    expect(missingTranslations(partial, quarterly.locales)).toBe(4 + 3);
    expect(missingTranslations({ ...partial, guidance: undefined }, quarterly.locales)).toBe(4);
  });
});
