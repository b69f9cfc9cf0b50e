/**
 * The audit workspace's answers as the auditor types them, and what of them to save. Plain
 * TypeScript, unit-tested beside; the page keeps the drafts in state and saves on a short delay.
 */
import type { AuditAnswerView, AuditTemplateDefinition, AuditTemplateItem } from '@rapport/contracts';
import { needsNote } from './audit-labels';

/** One item's answer as on screen: the chosen value (null: none yet) and the note. */
export interface AnswerDraft {
  value: string | null;
  note: string;
}

export interface AnswerToSave {
  itemId: string;
  value: string;
  note: string | null;
}

export const NOTE_REQUIRED =
  'A failed item needs a note saying what was found. It is saved once the note is written.';

/** The items of a checklist in order, each with its section. */
export function itemsOf(
  definition: AuditTemplateDefinition,
): { item: AuditTemplateItem; sectionId: string }[] {
  return definition.sections.flatMap((s) => s.items.map((item) => ({ item, sectionId: s.id })));
}

/** The drafts the saved answers make: every item present, unanswered ones empty. */
export function draftsFrom(
  definition: AuditTemplateDefinition,
  answers: readonly AuditAnswerView[],
): Record<string, AnswerDraft> {
  const saved = new Map(answers.map((a) => [a.itemId, a]));
  const drafts: Record<string, AnswerDraft> = {};
  for (const { item } of itemsOf(definition)) {
    const a = saved.get(item.id);
    drafts[item.id] = { value: a?.value ?? null, note: a?.note ?? '' };
  }
  return drafts;
}

/** Why a draft cannot be saved yet, in words for the field; null when it can. */
export function draftProblem(item: AuditTemplateItem, draft: AnswerDraft): string | null {
  if (draft.value !== null && needsNote(item, draft.value) && draft.note.trim() === '') return NOTE_REQUIRED;
  return null;
}

/**
 * What differs from the saved answers: `ready` to send now, and `blocked` item ids that wait for
 * something (a failed item's note). An item with no value is never sent (the API has no "unanswer").
 */
export function pendingAnswers(
  definition: AuditTemplateDefinition,
  drafts: Record<string, AnswerDraft>,
  saved: readonly AuditAnswerView[],
): { ready: AnswerToSave[]; blocked: string[] } {
  const byId = new Map(saved.map((a) => [a.itemId, a]));
  const ready: AnswerToSave[] = [];
  const blocked: string[] = [];
  for (const { item } of itemsOf(definition)) {
    const draft = drafts[item.id];
    if (!draft || draft.value === null) continue;
    const note = draft.note.trim() || null;
    const before = byId.get(item.id);
    if (before && before.value === draft.value && (before.note ?? null) === note) continue;
    if (draftProblem(item, draft)) blocked.push(item.id);
    else ready.push({ itemId: item.id, value: draft.value, note });
  }
  return { ready, blocked };
}

/**
 * The API's field messages for a batch (`answers.3.note`) by the item they are about.
 *
 * @example
 * problemsByItem({ 'answers.0.note': 'needs a note' }, [{ itemId: 'faq', … }]) // { faq: 'needs a note' }
 */
export function problemsByItem(
  fields: Record<string, string>,
  sent: readonly { itemId: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const m = /^answers\.(\d+)(\.|$)/.exec(path);
    const itemId = m ? sent[Number(m[1])]?.itemId : undefined;
    if (itemId && !(itemId in out)) out[itemId] = message;
  }
  return out;
}

/**
 * The items a submission said are unanswered (`answers.<itemId>` paths), in checklist order.
 *
 * @example
 * unansweredFrom({ 'answers.faq': '"FAQ…" is not answered.' }, definition) // ['faq']
 */
export function unansweredFrom(
  fields: Record<string, string>,
  definition: AuditTemplateDefinition,
): string[] {
  const named = new Set(
    Object.keys(fields)
      .map((path) => /^answers\.([a-z][a-z0-9_]*)$/.exec(path)?.[1])
      .filter((id): id is string => id !== undefined),
  );
  return itemsOf(definition)
    .map(({ item }) => item.id)
    .filter((id) => named.has(id));
}
