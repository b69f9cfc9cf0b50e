import type { Locale } from './common';
import { describeCondition, textIn } from './condition-summary';
import {
  SCALES,
  type LocalizedText,
  type Question,
  type QuestionType,
  type SurveyDefinition,
} from './surveys';

/** The kinds of change a version diff reports; each comes with a sentence for people. */
export type DefinitionChangeKind =
  | 'locale_added'
  | 'locale_removed'
  | 'default_locale_changed'
  | 'email_changed'
  | 'question_added'
  | 'question_removed'
  | 'question_moved'
  | 'text_changed'
  | 'type_changed'
  | 'metric_changed'
  | 'required_changed'
  | 'scale_labels_changed'
  | 'option_added'
  | 'option_removed'
  | 'option_renamed'
  | 'option_recoded'
  | 'options_reordered'
  | 'condition_changed';

export interface DefinitionChange {
  kind: DefinitionChangeKind;
  /** The question concerned (by id), absent for survey-level changes. */
  questionId?: string;
  /** The change in one English sentence, e.g. `Q2 is now required.` */
  message: string;
}

/** English names of the survey languages, for the admin's sentences. */
const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  sr: 'Serbian',
  hr: 'Croatian',
  sl: 'Slovenian',
  ru: 'Russian',
};

const TYPE_NAMES: Record<QuestionType, string> = {
  rating: 'rating 1–5',
  nps: 'NPS 0–10',
  ces: 'effort 1–7',
  yes_no: 'yes/no',
  single_choice: 'single choice',
  multi_choice: 'multiple choice',
  text: 'free text',
};

const LIST = new Intl.ListFormat('en', { type: 'conjunction' });

function languages(locales: readonly Locale[]): string {
  return LIST.format(locales.map((l) => LOCALE_NAMES[l]));
}

const MAX_QUOTE = 60;

function quote(text: string | undefined): string {
  if (text === undefined || text === '') return '(empty)';
  const short = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
  return `“${short}”`;
}

/** JSON with object keys sorted: stored definitions come back with keys in another order (jsonb). */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The scale point a label belongs to: each point of a rating, the two ends of NPS and effort. */
function pointName(type: QuestionType, index: number): string {
  const scale = SCALES[type];
  if (type === 'rating' || !scale) return String(index + 1);
  return String(index === 0 ? scale.min : scale.max);
}

/** The ids of the longest run of questions kept in the same relative order (an LCS over ≤ 30 items). */
function keptInOrder(before: readonly string[], after: readonly string[]): Set<string> {
  const rows = before.length;
  const cols = after.length;
  const table: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  const at = (i: number, j: number): number => table[i]?.[j] ?? 0;
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      const row = table[i];
      if (!row) continue;
      row[j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    const id = before[i];
    if (id !== undefined && id === after[j]) {
      kept.add(id);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return kept;
}

function localesOf(...texts: (LocalizedText | undefined)[]): Locale[] {
  const found = new Set<Locale>();
  for (const text of texts) for (const key of Object.keys(text ?? {})) found.add(key as Locale);
  return [...found];
}

function textChanges(
  what: string,
  before: LocalizedText | undefined,
  after: LocalizedText | undefined,
): string[] {
  const lines: string[] = [];
  for (const locale of localesOf(before, after)) {
    const was = before?.[locale] ?? '';
    const now = after?.[locale] ?? '';
    if (was === now) continue;
    const name = LOCALE_NAMES[locale] ?? locale;
    if (was === '') lines.push(`${what} in ${name} added: ${quote(now)}.`);
    else if (now === '') lines.push(`${what} in ${name} removed (was ${quote(was)}).`);
    else lines.push(`${what} in ${name} changed: ${quote(was)} → ${quote(now)}.`);
  }
  return lines;
}

function questionChanges(
  was: Question,
  now: Question,
  name: string,
  before: SurveyDefinition,
  after: SurveyDefinition,
): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const add = (kind: DefinitionChangeKind, message: string) =>
    changes.push({ kind, questionId: now.id, message });

  for (const line of textChanges(`${name} text`, was.text, now.text)) add('text_changed', line);
  if (was.type !== now.type) {
    add('type_changed', `${name} type: ${TYPE_NAMES[was.type]} → ${TYPE_NAMES[now.type]}.`);
  }
  if (was.metric !== now.metric) {
    if (!now.metric) add('metric_changed', `${name} no longer feeds the ${was.metric} metric.`);
    else if (!was.metric) add('metric_changed', `${name} now feeds the ${now.metric} metric.`);
    else add('metric_changed', `${name} metric: ${was.metric} → ${now.metric}.`);
  }
  if (was.required !== now.required) {
    add('required_changed', `${name} is now ${now.required ? 'required' : 'optional'}.`);
  }
  if (!same(was.scaleLabels, now.scaleLabels)) {
    const oldLabels = was.scaleLabels ?? [];
    const newLabels = now.scaleLabels ?? [];
    if (oldLabels.length === 0) add('scale_labels_changed', `${name} scale labels added.`);
    else if (newLabels.length === 0) add('scale_labels_changed', `${name} scale labels removed.`);
    else if (oldLabels.length !== newLabels.length || was.type !== now.type) {
      add('scale_labels_changed', `${name} scale labels changed.`);
    } else {
      newLabels.forEach((label, i) => {
        const what = `${name} scale label for ${pointName(now.type, i)}`;
        for (const line of textChanges(what, oldLabels[i], label)) add('scale_labels_changed', line);
      });
    }
  }

  const oldOptions = new Map((was.options ?? []).map((o) => [o.code, o]));
  const newOptions = new Map((now.options ?? []).map((o) => [o.code, o]));
  const gone = (was.options ?? []).filter((o) => !newOptions.has(o.code));
  // A new code with exactly the label of a code that went is a deliberate code change: say so,
  // because it starts a separate history for the option.
  const recoded = new Map<string, string>();
  for (const option of now.options ?? []) {
    if (oldOptions.has(option.code)) continue;
    const twin = gone.find((o) => !recoded.has(o.code) && same(o.label, option.label));
    if (twin) recoded.set(twin.code, option.code);
  }
  const recodedTo = new Map([...recoded].map(([from, to]) => [to, from]));
  for (const option of now.options ?? []) {
    const old = oldOptions.get(option.code);
    const label = quote(textIn(option.label, after.defaultLocale));
    const from = recodedTo.get(option.code);
    if (from !== undefined) {
      add(
        'option_recoded',
        `${name} option ${label}: code ${from} → ${option.code} (answers with the old code stay apart).`,
      );
      continue;
    }
    if (!old) {
      add('option_added', `${name} option ${label} added (code ${option.code}).`);
      continue;
    }
    for (const line of textChanges(`${name} option ${option.code}`, old.label, option.label)) {
      add('option_renamed', line);
    }
  }
  for (const option of gone) {
    if (recoded.has(option.code)) continue;
    const label = quote(textIn(option.label, before.defaultLocale));
    add('option_removed', `${name} option ${label} removed (code ${option.code}).`);
  }
  const keptOld = (was.options ?? [])
    .map((o) => recoded.get(o.code) ?? o.code)
    .filter((c) => newOptions.has(c));
  const keptNew = (now.options ?? []).map((o) => o.code).filter((c) => oldOptions.has(c) || recodedTo.has(c));
  if (!same(keptOld, keptNew)) add('options_reordered', `${name} options reordered.`);

  if (!same(was.showIf, now.showIf)) {
    const old = describeCondition(was.showIf, before.questions, before.defaultLocale);
    const next = describeCondition(now.showIf, after.questions, after.defaultLocale);
    // The clauses can stay equal while the sentence changes (a question it depends on moved), and
    // the other way round; when the words match, say so rather than print the same sentence twice.
    add(
      'condition_changed',
      old === next ? `${name} condition changed (${next}).` : `${name} condition: ${old} → ${next}.`,
    );
  }
  return changes;
}

function surveyChanges(before: SurveyDefinition, after: SurveyDefinition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const added = after.locales.filter((l) => !before.locales.includes(l));
  const removed = before.locales.filter((l) => !after.locales.includes(l));
  if (added.length > 0)
    changes.push({ kind: 'locale_added', message: `Now offered in ${languages(added)}.` });
  if (removed.length > 0) {
    changes.push({ kind: 'locale_removed', message: `No longer offered in ${languages(removed)}.` });
  }
  if (before.defaultLocale !== after.defaultLocale) {
    changes.push({
      kind: 'default_locale_changed',
      message: `Default language: ${LOCALE_NAMES[before.defaultLocale]} → ${LOCALE_NAMES[after.defaultLocale]}.`,
    });
  }
  for (const [field, label] of [
    ['subject', 'Email subject'],
    ['intro', 'Email intro'],
  ] as const) {
    for (const message of textChanges(label, before.email?.[field], after.email?.[field])) {
      changes.push({ kind: 'email_changed', message });
    }
  }
  return changes;
}

const EMPTY: SurveyDefinition = { defaultLocale: 'en', locales: [], questions: [] };

/**
 * What changed from one survey definition to the next, as readable sentences: languages offered,
 * questions added, removed and moved, and per question its texts (per language), type, metric,
 * required, scale labels, options (matched by their stable code, so a new label is a rename, and
 * a new code with an unchanged label is a code change) and
 * show-if condition. Questions are matched by id and named by their number in `after` (a removed
 * one by its number in `before`). `before` null (the first version) lists everything as added.
 * Moves are the questions outside the longest run kept in order, so adding one question at the
 * top does not report every other question as moved.
 *
 * @example
 * diffDefinitions(v1, v2)
 * // [{ kind: 'required_changed', questionId: 'resolved', message: 'Q2 is now required.' }]
 */
export function diffDefinitions(
  before: SurveyDefinition | null,
  after: SurveyDefinition,
): DefinitionChange[] {
  const from = before ?? { ...EMPTY, defaultLocale: after.defaultLocale };
  const changes = surveyChanges(from, after);
  const oldIndex = new Map(from.questions.map((q, i) => [q.id, i]));
  const newIds = new Set(after.questions.map((q) => q.id));
  const kept = keptInOrder(
    from.questions.map((q) => q.id).filter((id) => newIds.has(id)),
    after.questions.map((q) => q.id).filter((id) => oldIndex.has(id)),
  );

  from.questions.forEach((q, i) => {
    if (newIds.has(q.id)) return;
    changes.push({
      kind: 'question_removed',
      questionId: q.id,
      message: `Removed ${quote(textIn(q.text, from.defaultLocale))} (was Q${i + 1}).`,
    });
  });
  after.questions.forEach((q, i) => {
    const text = quote(textIn(q.text, after.defaultLocale));
    const name = `Q${i + 1} ${text}`;
    const at = oldIndex.get(q.id);
    const was = at === undefined ? undefined : from.questions[at];
    if (at === undefined || !was) {
      changes.push({
        kind: 'question_added',
        questionId: q.id,
        message: `Added Q${i + 1} ${text} (${TYPE_NAMES[q.type]}${q.required ? ', required' : ''}).`,
      });
      return;
    }
    if (!kept.has(q.id)) {
      changes.push({ kind: 'question_moved', questionId: q.id, message: `Moved ${name} (was Q${at + 1}).` });
    }
    changes.push(...questionChanges(was, q, `Q${i + 1}`, from, after));
  });
  return changes;
}
