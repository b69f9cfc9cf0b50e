/**
 * Unsaved template changes kept in the browser (localStorage), one entry per template, so closing
 * the tab by mistake loses nothing. The storage is passed in, so this is tested without a browser.
 */
import type { DraftStorage } from '../surveys/local-draft';
import type { Definition } from './editor';

export type { DraftStorage };

/** What the builder keeps of unsaved work. */
export interface LocalTemplateDraft {
  name: string;
  definition: Definition;
  /** When it was kept (ISO). */
  savedAt: string;
  /** The template's `updatedAt` the edits started from, to tell whether it changed on the server since. */
  baseUpdatedAt: string;
}

const PREFIX = 'rapport:audit-template-draft:';

export function templateDraftKey(templateId: string): string {
  return `${PREFIX}${templateId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Enough of an item for the builder to show it. Kept work may be unfinished (empty texts, a weight
 * being typed), so it is not held to the full schema: the builder lists those problems.
 */
function looksLikeItem(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    isRecord(value.text) &&
    (value.guidance === undefined || isRecord(value.guidance)) &&
    (value.scale === 'pass_fail' || (isRecord(value.scale) && typeof value.scale.points === 'number')) &&
    (typeof value.weight === 'number' || value.weight === null) &&
    typeof value.naAllowed === 'boolean' &&
    typeof value.critical === 'boolean'
  );
}

function looksLikeSection(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    isRecord(value.title) &&
    (typeof value.weight === 'number' || value.weight === null) &&
    Array.isArray(value.items) &&
    value.items.every(looksLikeItem)
  );
}

function looksLikeDraft(value: unknown): value is LocalTemplateDraft {
  if (!isRecord(value)) return false;
  const d = value.definition;
  return (
    typeof value.name === 'string' &&
    typeof value.savedAt === 'string' &&
    !Number.isNaN(Date.parse(value.savedAt)) &&
    typeof value.baseUpdatedAt === 'string' &&
    isRecord(d) &&
    typeof d.defaultLocale === 'string' &&
    Array.isArray(d.locales) &&
    (typeof d.passThreshold === 'number' || d.passThreshold === null) &&
    (d.criticalPolicy === 'zero' || d.criticalPolicy === 'flag') &&
    Array.isArray(d.sections) &&
    d.sections.every(looksLikeSection)
  );
}

/** JSON turns a number being typed (NaN) into null; the builder holds NaN for "not a number yet". */
function revive(draft: LocalTemplateDraft): LocalTemplateDraft {
  const num = (n: number | null) => (n === null ? Number.NaN : n);
  const d = draft.definition;
  return {
    ...draft,
    definition: {
      ...d,
      passThreshold: num(d.passThreshold),
      sections: d.sections.map((s) => ({
        ...s,
        weight: num(s.weight),
        items: s.items.map((i) => ({ ...i, weight: num(i.weight) })),
      })),
    },
  };
}

/** Keeps unsaved work; false when the browser refused (storage full or disabled). */
export function writeTemplateDraft(
  storage: DraftStorage,
  templateId: string,
  draft: LocalTemplateDraft,
): boolean {
  try {
    storage.setItem(templateDraftKey(templateId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The kept work for a template, or null; an entry that cannot be read is removed rather than trusted. */
export function readTemplateDraft(storage: DraftStorage, templateId: string): LocalTemplateDraft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(templateDraftKey(templateId));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (looksLikeDraft(parsed)) return revive(parsed);
  } catch {
    // Falls through to removing the unreadable entry.
  }
  clearTemplateDraft(storage, templateId);
  return null;
}

export function clearTemplateDraft(storage: DraftStorage, templateId: string): void {
  try {
    storage.removeItem(templateDraftKey(templateId));
  } catch {
    // Storage that cannot be written cannot hold a stale draft either.
  }
}
