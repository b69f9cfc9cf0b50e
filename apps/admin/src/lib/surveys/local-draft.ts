/**
 * Unsaved builder changes kept in the browser (localStorage), one entry per survey, so closing
 * the tab by mistake loses nothing. The storage is passed in, so this is tested without a browser.
 */
import { QUESTION_TYPES, type SurveyDefinition } from '@rapport/contracts';

/** What the builder keeps of unsaved work. */
export interface LocalDraft {
  name: string;
  definition: SurveyDefinition;
  /** When it was kept (ISO). */
  savedAt: string;
  /** The survey's `updatedAt` the edits started from, to tell whether it changed on the server since. */
  baseUpdatedAt: string;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'rapport:survey-draft:';

export function localDraftKey(surveyId: string): string {
  return `${PREFIX}${surveyId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Enough of a question for the builder to show it. Kept work may be unfinished (empty texts, one
 * option), so it is not held to the full schema: the builder lists those problems.
 */
function looksLikeQuestion(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    (QUESTION_TYPES as readonly string[]).includes(value.type) &&
    isRecord(value.text) &&
    typeof value.required === 'boolean' &&
    (value.options === undefined || Array.isArray(value.options)) &&
    (value.scaleLabels === undefined || Array.isArray(value.scaleLabels))
  );
}

function looksLikeDraft(value: unknown): value is LocalDraft {
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
    Array.isArray(d.questions) &&
    d.questions.every(looksLikeQuestion) &&
    new Set(d.questions.map((q: { id: string }) => q.id)).size === d.questions.length
  );
}

/**
 * Keeps unsaved work; false when the browser refused (storage full or disabled), so the builder
 * can say that closing the tab would lose it.
 */
export function writeLocalDraft(storage: DraftStorage, surveyId: string, draft: LocalDraft): boolean {
  try {
    storage.setItem(localDraftKey(surveyId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The kept work for a survey, or null; an entry that cannot be read is removed rather than trusted. */
export function readLocalDraft(storage: DraftStorage, surveyId: string): LocalDraft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(localDraftKey(surveyId));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (looksLikeDraft(parsed)) return parsed;
  } catch {
    // Falls through to removing the unreadable entry.
  }
  clearLocalDraft(storage, surveyId);
  return null;
}

export function clearLocalDraft(storage: DraftStorage, surveyId: string): void {
  try {
    storage.removeItem(localDraftKey(surveyId));
  } catch {
    // Storage that cannot be written cannot hold a stale draft either.
  }
}
