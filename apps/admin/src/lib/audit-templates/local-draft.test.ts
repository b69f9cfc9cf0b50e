import { AUDIT_TEMPLATE_LIBRARY } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { setItemWeight } from './editor';
import { clearTemplateDraft, readTemplateDraft, templateDraftKey, writeTemplateDraft } from './local-draft';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const definition = AUDIT_TEMPLATE_LIBRARY[0]!.definition;

describe('local template drafts', () => {
  it('keeps and gives back unsaved work, a weight being typed included', () => {
    const storage = memoryStorage();
    const draft = {
      name: 'Audit',
      definition: setItemWeight(definition, { section: 0, item: 0 }, Number.NaN),
      savedAt: '2026-01-01T10:00:00.000Z',
      baseUpdatedAt: '2026-01-01T09:00:00.000Z',
    };
    expect(writeTemplateDraft(storage, 't1', draft)).toBe(true);
    const read = readTemplateDraft(storage, 't1');
    expect(read?.definition.sections[0]?.items[0]?.weight).toBeNaN();
    expect(read?.definition.sections[1]).toEqual(definition.sections[1]);
    clearTemplateDraft(storage, 't1');
    expect(readTemplateDraft(storage, 't1')).toBeNull();
  });

  it('removes an entry it cannot read instead of trusting it', () => {
    const storage = memoryStorage();
    storage.setItem(templateDraftKey('t2'), JSON.stringify({ name: 'x', definition: { sections: 'no' } }));
    expect(readTemplateDraft(storage, 't2')).toBeNull();
    expect(storage.map.has(templateDraftKey('t2'))).toBe(false);
  });

  it('says when the browser refuses to keep it', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(
      writeTemplateDraft(full, 't3', {
        name: 'x',
        definition,
        savedAt: '2026-01-01T00:00:00Z',
        baseUpdatedAt: '',
      }),
    ).toBe(false);
  });
});
