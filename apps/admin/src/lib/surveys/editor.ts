/**
 * Every change the survey builder makes to a definition, as pure functions: each takes the
 * definition and returns a new one, leaving the old untouched (so undo is keeping the old value,
 * and the .svelte files only wire inputs to these). Nothing here checks validity: the builder
 * shows problems from `problems.ts` as the manager edits.
 */
import {
  LOCALES,
  SCALES,
  type Condition,
  type ConditionClause,
  type Locale,
  type LocalizedText,
  type Metric,
  type Question,
  type QuestionType,
  type SurveyDefinition,
} from '@rapport/contracts';
import { codeFromLabel, uniqueCode } from './codes';

export type Definition = SurveyDefinition;
export type ClauseOp = ConditionClause['op'];
export type EmailField = 'subject' | 'intro';

/** The metrics each question type can feed (mirrors `definitionProblems`, checked by a test). */
export const METRICS_BY_TYPE: Record<QuestionType, readonly Metric[]> = {
  rating: ['csat'],
  nps: ['nps'],
  ces: ['ces'],
  yes_no: ['resolved', 'callback'],
  single_choice: ['reasons'],
  multi_choice: ['reasons'],
  text: ['comment'],
};

/** The metric a new question of a type feeds when no other question feeds it yet. */
const NATURAL_METRIC: Partial<Record<QuestionType, Metric>> = { rating: 'csat', nps: 'nps', ces: 'ces' };

/** Starting ids for new questions, readable in exports and in condition editors. */
const ID_BASE: Record<QuestionType, string> = {
  rating: 'rating',
  nps: 'nps',
  ces: 'effort',
  yes_no: 'yes_no',
  single_choice: 'choice',
  multi_choice: 'choices',
  text: 'comment',
};

export function isChoice(type: QuestionType): boolean {
  return type === 'single_choice' || type === 'multi_choice';
}

/** How many scale labels a type has: one per point for ratings, the two ends for NPS and effort. */
export function scaleLabelCount(type: QuestionType): number {
  if (type === 'rating') return 5;
  return type === 'nps' || type === 'ces' ? 2 : 0;
}

/**
 * The names of a type's scale label slots, e.g. `['0 (lowest)', '10 (highest)']` for NPS.
 *
 * @example
 * scaleLabelNames('rating') // ['1', '2', '3', '4', '5']
 */
export function scaleLabelNames(type: QuestionType): string[] {
  const scale = SCALES[type];
  if (!scale) return [];
  if (type === 'rating') return ['1', '2', '3', '4', '5'];
  return [`${scale.min} (lowest)`, `${scale.max} (highest)`];
}

// ── Small immutable helpers ────────────────────────────────────────────────

function mapQuestion(d: Definition, index: number, change: (q: Question) => Question): Definition {
  const q = d.questions[index];
  if (!q) return d;
  const questions = [...d.questions];
  questions[index] = change(q);
  return { ...d, questions };
}

function withText(text: LocalizedText | undefined, locale: Locale, value: string): LocalizedText {
  const next: LocalizedText = { ...text };
  if (value === '') delete next[locale];
  else next[locale] = value;
  return next;
}

function without<T extends object, K extends keyof T>(object: T, key: K): Omit<T, K> {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item === undefined) return copy;
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item);
  return copy;
}

function usedMetrics(d: Definition, except?: number): Set<Metric> {
  return new Set(d.questions.flatMap((q, i) => (i !== except && q.metric !== undefined ? [q.metric] : [])));
}

// ── Questions ──────────────────────────────────────────────────────────────

/**
 * A new, empty question of a type, with an id no other question has. It feeds its type's natural
 * metric (CSAT, NPS, effort) when nothing else in the survey does.
 */
export function newQuestion(d: Definition, type: QuestionType): Question {
  const id = uniqueCode(
    ID_BASE[type],
    d.questions.map((q) => q.id),
  );
  const metric = NATURAL_METRIC[type];
  const question: Question = { id, type, text: {}, required: false };
  if (metric && !usedMetrics(d).has(metric)) question.metric = metric;
  if (isChoice(type)) question.options = [];
  return question;
}

/**
 * Adds a question of `type` at the end (or at `at`).
 *
 * @example
 * const { definition, index } = addQuestion(d, 'yes_no');
 */
export function addQuestion(
  d: Definition,
  type: QuestionType,
  at = d.questions.length,
): { definition: Definition; index: number } {
  const index = Math.max(0, Math.min(at, d.questions.length));
  const questions = [...d.questions];
  questions.splice(index, 0, newQuestion(d, type));
  return { definition: { ...d, questions }, index };
}

/** A removed question and where it was, so it can be put back. */
export interface RemovedQuestion {
  question: Question;
  index: number;
}

export function removeQuestion(
  d: Definition,
  index: number,
): { definition: Definition; removed: RemovedQuestion | null } {
  const question = d.questions[index];
  if (!question) return { definition: d, removed: null };
  return {
    definition: { ...d, questions: d.questions.filter((_, i) => i !== index) },
    removed: { question, index },
  };
}

/** Undoes `removeQuestion`: the question goes back where it was (or last, if the list got shorter). */
export function restoreQuestion(d: Definition, removed: RemovedQuestion): Definition {
  const questions = [...d.questions];
  // The id may have been given to a question added since; then the restored one gets a new id.
  const taken = new Set(questions.map((q) => q.id));
  const question = taken.has(removed.question.id)
    ? { ...removed.question, id: uniqueCode(removed.question.id, taken) }
    : removed.question;
  questions.splice(Math.min(removed.index, questions.length), 0, question);
  return { ...d, questions };
}

/**
 * Copies a question right below itself with a new id. The copy feeds no metric (only one question
 * may feed each), and keeps its condition, which still refers to earlier questions.
 */
export function duplicateQuestion(d: Definition, index: number): { definition: Definition; index: number } {
  const original = d.questions[index];
  if (!original) return { definition: d, index };
  const copy: Question = without(structuredClone(original), 'metric');
  copy.id = uniqueCode(
    original.id,
    d.questions.map((q) => q.id),
  );
  const questions = [...d.questions];
  questions.splice(index + 1, 0, copy);
  return { definition: { ...d, questions }, index: index + 1 };
}

/** Moves a question to another position; conditions that now point forward show as problems. */
export function moveQuestion(d: Definition, from: number, to: number): Definition {
  if (from === to || !d.questions[from] || to < 0 || to >= d.questions.length) return d;
  return { ...d, questions: moveItem(d.questions, from, to) };
}

/** The numbers (1-based) of the questions whose condition refers to question `id`. */
export function dependentsOf(d: Definition, id: string): number[] {
  return d.questions.flatMap((q, i) => (q.showIf?.clauses.some((c) => c.questionId === id) ? [i + 1] : []));
}

/**
 * Changes a question's type, keeping what still fits: the metric if the new type can feed it,
 * scale labels if the scale has as many, options if it is still a choice.
 */
export function setQuestionType(d: Definition, index: number, type: QuestionType): Definition {
  return mapQuestion(d, index, (q) => {
    if (q.type === type) return q;
    let next: Question = { ...q, type };
    if (next.metric && !METRICS_BY_TYPE[type].includes(next.metric)) next = without(next, 'metric');
    const natural = NATURAL_METRIC[type];
    if (!next.metric && natural && !usedMetrics(d, index).has(natural)) next.metric = natural;
    if (scaleLabelCount(type) !== scaleLabelCount(q.type)) next = without(next, 'scaleLabels');
    if (isChoice(type)) next.options = q.options ?? [];
    else next = without(next, 'options');
    return next;
  });
}

export function setMetric(d: Definition, index: number, metric: Metric | null): Definition {
  return mapQuestion(d, index, (q) => (metric === null ? without(q, 'metric') : { ...q, metric }));
}

export function setRequired(d: Definition, index: number, required: boolean): Definition {
  return mapQuestion(d, index, (q) => ({ ...q, required }));
}

export function setQuestionText(d: Definition, index: number, locale: Locale, value: string): Definition {
  return mapQuestion(d, index, (q) => ({ ...q, text: withText(q.text, locale, value) }));
}

/** Sets the label of one scale point (or end); the list is filled to the type's length. */
export function setScaleLabel(
  d: Definition,
  index: number,
  point: number,
  locale: Locale,
  value: string,
): Definition {
  return mapQuestion(d, index, (q) => {
    const count = scaleLabelCount(q.type);
    if (point < 0 || point >= count) return q;
    const labels = Array.from({ length: count }, (_, i) => q.scaleLabels?.[i] ?? {});
    labels[point] = withText(labels[point], locale, value);
    return { ...q, scaleLabels: labels };
  });
}

// ── Options ────────────────────────────────────────────────────────────────

/**
 * Adds an option whose code is made from its label, once: later label changes keep the code.
 *
 * @example
 * addOption(d, 2, 'en', 'It took too long') // option { code: 'it_took_too_long', label: { en: … } }
 */
export function addOption(d: Definition, index: number, locale: Locale, label: string): Definition {
  return mapQuestion(d, index, (q) => {
    const options = q.options ?? [];
    const code = codeFromLabel(
      label,
      options.map((o) => o.code),
    );
    return { ...q, options: [...options, { code, label: withText({}, locale, label.trim()) }] };
  });
}

export function setOptionLabel(
  d: Definition,
  index: number,
  option: number,
  locale: Locale,
  value: string,
): Definition {
  return mapQuestion(d, index, (q) => {
    const target = q.options?.[option];
    if (!q.options || !target) return q;
    const options = [...q.options];
    options[option] = { ...target, label: withText(target.label, locale, value) };
    return { ...q, options };
  });
}

/**
 * Changes an option's code, and the conditions of later questions that compare with it, so a
 * deliberate rename does not break them.
 */
export function setOptionCode(d: Definition, index: number, option: number, code: string): Definition {
  const question = d.questions[index];
  const old = question?.options?.[option]?.code;
  if (!question || old === undefined || old === code) return d;
  const renamed = mapQuestion(d, index, (q) => ({
    ...q,
    options: (q.options ?? []).map((o, i) => (i === option ? { ...o, code } : o)),
  }));
  return {
    ...renamed,
    questions: renamed.questions.map((q) =>
      q.showIf?.clauses.some((c) => c.questionId === question.id && c.value === old)
        ? {
            ...q,
            showIf: {
              ...q.showIf,
              clauses: q.showIf.clauses.map((c) =>
                c.questionId === question.id && c.value === old ? { ...c, value: code } : c,
              ),
            },
          }
        : q,
    ),
  };
}

export function removeOption(d: Definition, index: number, option: number): Definition {
  return mapQuestion(d, index, (q) => ({ ...q, options: (q.options ?? []).filter((_, i) => i !== option) }));
}

export function moveOption(d: Definition, index: number, from: number, to: number): Definition {
  return mapQuestion(d, index, (q) => {
    const options = q.options ?? [];
    if (!options[from] || to < 0 || to >= options.length) return q;
    return { ...q, options: moveItem(options, from, to) };
  });
}

// ── Conditions ─────────────────────────────────────────────────────────────

/**
 * The comparisons a clause about a question of this type can make: scales compare by number,
 * yes/no and one-choice questions by equality, several-choice questions by "includes". Free text
 * cannot be compared.
 */
export function clauseOperators(type: QuestionType): ClauseOp[] {
  if (SCALES[type]) return ['lte', 'gte', 'eq', 'neq'];
  if (type === 'yes_no' || type === 'single_choice') return ['eq', 'neq'];
  if (type === 'multi_choice') return ['includes'];
  return [];
}

/** The values a clause about this question can compare with. */
export function clauseValues(question: Question): { value: number | boolean | string; label: string }[] {
  const scale = SCALES[question.type];
  if (scale) {
    return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => ({
      value: scale.min + i,
      label: String(scale.min + i),
    }));
  }
  if (question.type === 'yes_no') {
    return [
      { value: true, label: 'Yes' },
      { value: false, label: 'No' },
    ];
  }
  return (question.options ?? []).map((o) => ({ value: o.code, label: o.code }));
}

/** The earlier questions a question's condition may refer to (free text cannot be compared). */
export function conditionTargets(d: Definition, index: number): Question[] {
  return d.questions.slice(0, Math.max(0, index)).filter((q) => clauseOperators(q.type).length > 0);
}

/** A sensible first clause about a question: "≤ 3" for a rating, "= No" for yes/no, its first option. */
export function defaultClause(target: Question): ConditionClause {
  const scale = SCALES[target.type];
  if (scale) {
    const value = target.type === 'nps' ? 6 : target.type === 'ces' ? 3 : 3;
    return { questionId: target.id, op: 'lte', value };
  }
  if (target.type === 'yes_no') return { questionId: target.id, op: 'eq', value: false };
  const op = target.type === 'multi_choice' ? 'includes' : 'eq';
  return { questionId: target.id, op, value: target.options?.[0]?.code ?? '' };
}

function mapCondition(
  d: Definition,
  index: number,
  change: (c: Condition | undefined) => Condition | undefined,
): Definition {
  return mapQuestion(d, index, (q) => {
    const next = change(q.showIf);
    return next && next.clauses.length > 0 ? { ...q, showIf: next } : without(q, 'showIf');
  });
}

/** Adds a clause about the nearest earlier question that can be compared (none: no change). */
export function addClause(d: Definition, index: number): Definition {
  const target = conditionTargets(d, index).at(-1);
  if (!target) return d;
  return mapCondition(d, index, (c) => ({
    match: c?.match ?? 'any',
    clauses: [...(c?.clauses ?? []), defaultClause(target)],
  }));
}

export function removeClause(d: Definition, index: number, clause: number): Definition {
  return mapCondition(d, index, (c) => c && { ...c, clauses: c.clauses.filter((_, i) => i !== clause) });
}

export function clearCondition(d: Definition, index: number): Definition {
  return mapCondition(d, index, () => undefined);
}

export function setConditionMatch(d: Definition, index: number, match: Condition['match']): Definition {
  return mapCondition(d, index, (c) => c && { ...c, match });
}

function mapClause(
  d: Definition,
  index: number,
  clause: number,
  change: (c: ConditionClause) => ConditionClause,
): Definition {
  return mapCondition(
    d,
    index,
    (c) => c && { ...c, clauses: c.clauses.map((x, i) => (i === clause ? change(x) : x)) },
  );
}

/** Points a clause at another question, starting over with that question's default comparison. */
export function setClauseQuestion(
  d: Definition,
  index: number,
  clause: number,
  questionId: string,
): Definition {
  const target = d.questions.find((q) => q.id === questionId);
  if (!target) return d;
  return mapClause(d, index, clause, () => defaultClause(target));
}

export function setClauseOp(d: Definition, index: number, clause: number, op: ClauseOp): Definition {
  return mapClause(d, index, clause, (c) => ({ ...c, op }));
}

export function setClauseValue(
  d: Definition,
  index: number,
  clause: number,
  value: ConditionClause['value'],
): Definition {
  return mapClause(d, index, clause, (c) => ({ ...c, value }));
}

// ── Survey level ───────────────────────────────────────────────────────────

function inLocaleOrder(locales: Iterable<Locale>): Locale[] {
  const set = new Set(locales);
  return LOCALES.filter((l) => set.has(l));
}

/**
 * Offers or stops offering a language. The default language stays offered; texts in a language
 * no longer offered are kept while editing (ticking it again brings them back) and left out when
 * saved, by `normalizeDefinition`.
 */
export function setLocaleOffered(d: Definition, locale: Locale, offered: boolean): Definition {
  if (!offered && locale === d.defaultLocale) return d;
  const locales = offered ? [...d.locales, locale] : d.locales.filter((l) => l !== locale);
  return { ...d, locales: inLocaleOrder(locales) };
}

export function setDefaultLocale(d: Definition, locale: Locale): Definition {
  return { ...d, defaultLocale: locale, locales: inLocaleOrder([...d.locales, locale]) };
}

export function setEmailText(d: Definition, field: EmailField, locale: Locale, value: string): Definition {
  return { ...d, email: { ...d.email, [field]: withText(d.email?.[field], locale, value) } };
}

// ── Reading ────────────────────────────────────────────────────────────────

/**
 * How many texts of a question are still to translate: its text and option labels in each offered
 * language other than the default, and its scale labels too once any is written.
 *
 * @example
 * missingTranslations({ text: { en: 'Hi' }, ... }, ['en', 'sr'], 'en') // 1
 */
export function missingTranslations(q: Question, locales: readonly Locale[], defaultLocale: Locale): number {
  const others = locales.filter((l) => l !== defaultLocale);
  const texts: (LocalizedText | undefined)[] = [q.text, ...(q.options ?? []).map((o) => o.label)];
  if (q.scaleLabels?.some((t) => !isBlank(t))) texts.push(...q.scaleLabels);
  return texts.reduce((sum, text) => sum + others.filter((l) => (text?.[l] ?? '').trim() === '').length, 0);
}

// ── Saving ─────────────────────────────────────────────────────────────────

function isBlank(text: LocalizedText | undefined): boolean {
  return !text || Object.values(text).every((s) => !s || s.trim() === '');
}

function cleanText(text: LocalizedText, locales: readonly Locale[]): LocalizedText {
  const clean: LocalizedText = {};
  for (const locale of locales) {
    const value = text[locale];
    if (value !== undefined && value.trim() !== '') clean[locale] = value;
  }
  return clean;
}

/**
 * The definition as it is saved, previewed and compared: only offered languages, no empty texts,
 * no all-empty scale labels or email overrides, no options on questions that are not choices,
 * no empty conditions. What a manager typed is otherwise left as it is.
 */
export function normalizeDefinition(d: Definition): Definition {
  const locales = inLocaleOrder(
    d.locales.includes(d.defaultLocale) ? d.locales : [...d.locales, d.defaultLocale],
  );
  const text = (t: LocalizedText) => cleanText(t, locales);
  const questions = d.questions.map((q) => {
    let next: Question = { ...q, text: text(q.text) };
    if (!next.metric) next = without(next, 'metric');
    if (!q.scaleLabels || q.scaleLabels.every(isBlank)) next = without(next, 'scaleLabels');
    else next.scaleLabels = q.scaleLabels.map(text);
    if (isChoice(q.type)) next.options = (q.options ?? []).map((o) => ({ ...o, label: text(o.label) }));
    else next = without(next, 'options');
    if (!q.showIf || q.showIf.clauses.length === 0) next = without(next, 'showIf');
    return next;
  });
  const normalized: Definition = { defaultLocale: d.defaultLocale, locales, questions };
  const subject = d.email?.subject && !isBlank(d.email.subject) ? text(d.email.subject) : undefined;
  const intro = d.email?.intro && !isBlank(d.email.intro) ? text(d.email.intro) : undefined;
  if (subject || intro) {
    normalized.email = {};
    if (subject) normalized.email.subject = subject;
    if (intro) normalized.email.intro = intro;
  }
  return normalized;
}

/** Whether two definitions save to the same thing (key order and blanks aside). */
export function sameDefinition(a: Definition, b: Definition): boolean {
  return stableJson(normalizeDefinition(a)) === stableJson(normalizeDefinition(b));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
