/**
 * Every change the template builder makes to an audit template's definition, as pure functions:
 * each takes the definition and returns a new one, leaving the old untouched (so undo is keeping
 * the old value). Nothing here checks validity: the builder shows problems from `problems.ts`.
 */
import {
  LOCALES,
  type AuditMeasure,
  type AuditScale,
  type AuditTemplateDefinition,
  type AuditTemplateItem,
  type AuditTemplateKind,
  type AuditTemplateSection,
  type Locale,
  type LocalizedText,
} from '@rapport/contracts';
import { uniqueCode } from '../surveys/codes';

export type Definition = AuditTemplateDefinition;
export type Item = AuditTemplateItem;
export type Section = AuditTemplateSection;

/** Where an item is: its section and its place in that section (both 0-based). */
export interface ItemAt {
  section: number;
  item: number;
}

function itemIds(d: Definition): string[] {
  return d.sections.flatMap((s) => s.items.map((i) => i.id));
}

function sectionIds(d: Definition): string[] {
  return d.sections.map((s) => s.id);
}

/** `base_1`, `base_2`… — the first free one (ids are codes: answers and actions refer to them). */
function nextId(base: string, taken: string[]): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** A new item: pass/fail, weight 1, N/A not allowed, not critical, no text yet. */
export function newItem(taken: string[]): Item {
  return {
    id: nextId('item', taken),
    text: {},
    scale: 'pass_fail',
    weight: 1,
    naAllowed: false,
    critical: false,
  };
}

/**
 * A blank definition to start from: one section with one item, offered in every language (the
 * shipped content is), English by default. A scorecard rates on 5 points, a checklist passes or fails.
 */
export function blankDefinition(kind: AuditTemplateKind): Definition {
  const item = newItem([]);
  return {
    locales: [...LOCALES],
    defaultLocale: 'en',
    passThreshold: 80,
    criticalPolicy: kind === 'scorecard' ? 'zero' : 'flag',
    sections: [
      {
        id: 'section_1',
        title: {},
        weight: 1,
        items: [kind === 'scorecard' ? { ...item, scale: { points: 5 } } : item],
      },
    ],
  };
}

// ── Small immutable helpers ────────────────────────────────────────────────

function mapSection(d: Definition, index: number, change: (s: Section) => Section): Definition {
  const s = d.sections[index];
  if (!s) return d;
  const sections = [...d.sections];
  sections[index] = change(s);
  return { ...d, sections };
}

function mapItem(d: Definition, at: ItemAt, change: (i: Item) => Item): Definition {
  return mapSection(d, at.section, (s) => {
    const i = s.items[at.item];
    if (!i) return s;
    const items = [...s.items];
    items[at.item] = change(i);
    return { ...s, items };
  });
}

function withText(text: LocalizedText | undefined, locale: Locale, value: string): LocalizedText {
  return { ...text, [locale]: value };
}

function moveInArray<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return [...list];
  next.splice(to, 0, moved);
  return next;
}

// ── The template as a whole ────────────────────────────────────────────────

export function setPassThreshold(d: Definition, value: number): Definition {
  return { ...d, passThreshold: value };
}

export function setCriticalPolicy(d: Definition, policy: Definition['criticalPolicy']): Definition {
  return { ...d, criticalPolicy: policy };
}

/** Offers a language or stops offering it; the default language is always offered. */
export function setLocaleOffered(d: Definition, locale: Locale, offered: boolean): Definition {
  if (!offered && locale === d.defaultLocale) return d;
  const locales = LOCALES.filter((l) => (l === locale ? offered : d.locales.includes(l)));
  return { ...d, locales };
}

/** Makes a language the default, offering it too. */
export function setDefaultLocale(d: Definition, locale: Locale): Definition {
  return { ...setLocaleOffered(d, locale, true), defaultLocale: locale };
}

// ── Sections ───────────────────────────────────────────────────────────────

/** Adds a section with one new item at the end; returns where it went. */
export function addSection(d: Definition): { definition: Definition; index: number } {
  const section: Section = {
    id: nextId('section', sectionIds(d)),
    title: {},
    weight: 1,
    items: [newItem(itemIds(d))],
  };
  return { definition: { ...d, sections: [...d.sections, section] }, index: d.sections.length };
}

export interface RemovedSection {
  index: number;
  section: Section;
}

export function removeSection(
  d: Definition,
  index: number,
): { definition: Definition; removed: RemovedSection | null } {
  const section = d.sections[index];
  if (!section) return { definition: d, removed: null };
  return {
    definition: { ...d, sections: d.sections.filter((_, i) => i !== index) },
    removed: { index, section },
  };
}

/** Puts a removed section back where it was (ids made unique again if others took them meanwhile). */
export function restoreSection(d: Definition, removed: RemovedSection): Definition {
  const taken = itemIds(d);
  const items = removed.section.items.map((item) => {
    const id = uniqueCode(item.id, taken);
    taken.push(id);
    return { ...item, id };
  });
  const section = { ...removed.section, id: uniqueCode(removed.section.id, sectionIds(d)), items };
  const sections = [...d.sections];
  sections.splice(Math.min(removed.index, sections.length), 0, section);
  return { ...d, sections };
}

/** A copy of a section right after it, with new ids for it and its items. */
export function duplicateSection(d: Definition, index: number): { definition: Definition; index: number } {
  const section = d.sections[index];
  if (!section) return { definition: d, index };
  const taken = itemIds(d);
  const items = section.items.map((item) => {
    const id = nextId('item', taken);
    taken.push(id);
    return structuredClone({ ...item, id });
  });
  const copy: Section = {
    ...structuredClone(section),
    id: nextId('section', sectionIds(d)),
    items,
  };
  const sections = [...d.sections];
  sections.splice(index + 1, 0, copy);
  return { definition: { ...d, sections }, index: index + 1 };
}

export function moveSection(d: Definition, from: number, to: number): Definition {
  if (!d.sections[from] || to < 0 || to >= d.sections.length) return d;
  return { ...d, sections: moveInArray(d.sections, from, to) };
}

export function setSectionTitle(d: Definition, index: number, locale: Locale, value: string): Definition {
  return mapSection(d, index, (s) => ({ ...s, title: withText(s.title, locale, value) }));
}

export function setSectionWeight(d: Definition, index: number, weight: number): Definition {
  return mapSection(d, index, (s) => ({ ...s, weight }));
}

// ── Items ──────────────────────────────────────────────────────────────────

/** Adds a new item at the end of a section; returns where it went. */
export function addItem(d: Definition, section: number): { definition: Definition; at: ItemAt } {
  const s = d.sections[section];
  if (!s) return { definition: d, at: { section, item: 0 } };
  // A new item in a section of rated items is rated the same way: sections are usually one kind.
  const last = s.items[s.items.length - 1];
  const item = { ...newItem(itemIds(d)), ...(last ? { scale: last.scale } : {}) };
  return {
    definition: mapSection(d, section, (x) => ({ ...x, items: [...x.items, item] })),
    at: { section, item: s.items.length },
  };
}

export interface RemovedItem {
  at: ItemAt;
  item: Item;
}

export function removeItem(
  d: Definition,
  at: ItemAt,
): { definition: Definition; removed: RemovedItem | null } {
  const item = d.sections[at.section]?.items[at.item];
  if (!item) return { definition: d, removed: null };
  return {
    definition: mapSection(d, at.section, (s) => ({ ...s, items: s.items.filter((_, i) => i !== at.item) })),
    removed: { at, item },
  };
}

/** Puts a removed item back (at the end of the last section when its section is gone). */
export function restoreItem(d: Definition, removed: RemovedItem): { definition: Definition; at: ItemAt } {
  const item = { ...removed.item, id: uniqueCode(removed.item.id, itemIds(d)) };
  const section = Math.min(removed.at.section, d.sections.length - 1);
  const s = d.sections[section];
  if (!s) return { definition: d, at: removed.at };
  const index = section === removed.at.section ? Math.min(removed.at.item, s.items.length) : s.items.length;
  const items = [...s.items];
  items.splice(index, 0, item);
  return { definition: mapSection(d, section, (x) => ({ ...x, items })), at: { section, item: index } };
}

/** A copy of an item right after it, with a new id. */
export function duplicateItem(d: Definition, at: ItemAt): { definition: Definition; at: ItemAt } {
  const item = d.sections[at.section]?.items[at.item];
  if (!item) return { definition: d, at };
  const copy = structuredClone({ ...item, id: nextId('item', itemIds(d)) });
  const definition = mapSection(d, at.section, (s) => {
    const items = [...s.items];
    items.splice(at.item + 1, 0, copy);
    return { ...s, items };
  });
  return { definition, at: { section: at.section, item: at.item + 1 } };
}

/**
 * Where an item goes one step up or down: within its section, and past the section's edge to the
 * end of the previous section or the start of the next one; null at the template's first or last
 * place. A section keeps at least one item, so its only item does not leave it.
 *
 * @example
 * itemStep(d, { section: 1, item: 0 }, 'up') // { section: 0, item: <last + 1 of section 0> }
 */
export function itemStep(d: Definition, at: ItemAt, direction: 'up' | 'down'): ItemAt | null {
  const s = d.sections[at.section];
  if (!s || !s.items[at.item]) return null;
  if (direction === 'up') {
    if (at.item > 0) return { section: at.section, item: at.item - 1 };
    const previous = d.sections[at.section - 1];
    if (!previous || s.items.length === 1) return null;
    return { section: at.section - 1, item: previous.items.length };
  }
  if (at.item < s.items.length - 1) return { section: at.section, item: at.item + 1 };
  const next = d.sections[at.section + 1];
  if (!next || s.items.length === 1) return null;
  return { section: at.section + 1, item: 0 };
}

/** Moves an item to `to` (an index in the target section as it is after the item left). */
export function moveItem(d: Definition, from: ItemAt, to: ItemAt): Definition {
  const item = d.sections[from.section]?.items[from.item];
  if (!item || !d.sections[to.section]) return d;
  if (from.section === to.section) {
    const s = d.sections[from.section];
    if (!s || to.item < 0 || to.item >= s.items.length) return d;
    return mapSection(d, from.section, (x) => ({ ...x, items: moveInArray(x.items, from.item, to.item) }));
  }
  const without = mapSection(d, from.section, (s) => ({
    ...s,
    items: s.items.filter((_, i) => i !== from.item),
  }));
  return mapSection(without, to.section, (s) => {
    const items = [...s.items];
    items.splice(Math.max(0, Math.min(to.item, items.length)), 0, item);
    return { ...s, items };
  });
}

export function setItemText(d: Definition, at: ItemAt, locale: Locale, value: string): Definition {
  return mapItem(d, at, (i) => ({ ...i, text: withText(i.text, locale, value) }));
}

export function setItemGuidance(d: Definition, at: ItemAt, locale: Locale, value: string): Definition {
  return mapItem(d, at, (i) => ({ ...i, guidance: withText(i.guidance, locale, value) }));
}

export function setItemScale(d: Definition, at: ItemAt, scale: AuditScale): Definition {
  return mapItem(d, at, (i) => ({ ...i, scale }));
}

export function setItemWeight(d: Definition, at: ItemAt, weight: number): Definition {
  return mapItem(d, at, (i) => ({ ...i, weight }));
}

export function setItemFlag(
  d: Definition,
  at: ItemAt,
  flag: 'naAllowed' | 'critical',
  on: boolean,
): Definition {
  return mapItem(d, at, (i) => ({ ...i, [flag]: on }));
}

export function setItemMeasure(d: Definition, at: ItemAt, measure: AuditMeasure | null): Definition {
  return mapItem(d, at, (i) => {
    const { measure: _dropped, ...rest } = i;
    return measure === null ? rest : { ...rest, measure };
  });
}

// ── Saving ─────────────────────────────────────────────────────────────────

/** Trimmed texts in offered languages only; empty ones dropped (so a missing translation is absent). */
function cleanText(text: LocalizedText | undefined, locales: readonly Locale[]): LocalizedText {
  const clean: LocalizedText = {};
  for (const locale of locales) {
    const value = text?.[locale]?.trim();
    if (value) clean[locale] = value;
  }
  return clean;
}

/**
 * The definition as it is saved: texts trimmed and limited to the offered languages, guidance
 * left out when it is empty in every language.
 */
export function normalizeDefinition(d: Definition): Definition {
  return {
    ...d,
    sections: d.sections.map((s) => ({
      ...s,
      title: cleanText(s.title, d.locales),
      items: s.items.map((i) => {
        const { guidance, ...rest } = i;
        const cleanGuidance = cleanText(guidance, d.locales);
        return {
          ...rest,
          text: cleanText(i.text, d.locales),
          ...(Object.keys(cleanGuidance).length > 0 ? { guidance: cleanGuidance } : {}),
        };
      }),
    })),
  };
}

/** Whether two definitions save the same (key order and blank texts aside). */
export function sameDefinition(a: Definition, b: Definition): boolean {
  return stableJson(normalizeDefinition(a)) === stableJson(normalizeDefinition(b));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}

/** How many texts of an item lack a translation in an offered language (guidance only when it has some). */
export function missingTranslations(item: Item, locales: readonly Locale[]): number {
  const missingIn = (text: LocalizedText | undefined) =>
    locales.filter((l) => (text?.[l] ?? '').trim() === '').length;
  const guidanceMissing = missingIn(item.guidance);
  return missingIn(item.text) + (guidanceMissing === locales.length ? 0 : guidanceMissing);
}

/** How many offered languages lack a section title. */
export function missingTitles(section: Section, locales: readonly Locale[]): number {
  return locales.filter((l) => (section.title[l] ?? '').trim() === '').length;
}
