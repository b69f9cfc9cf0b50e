import type { Locale } from './common';
import type { Condition, ConditionClause, LocalizedText, Question } from './surveys';

/** What describing a condition needs of each question: its id, and its options to name codes by label. */
export type QuestionForSummary = Pick<Question, 'id' | 'type'> & Partial<Pick<Question, 'options'>>;

const OPERATORS: Record<ConditionClause['op'], string> = {
  lte: '≤',
  gte: '≥',
  eq: '=',
  neq: '≠',
  includes: 'includes',
};

/**
 * A text in `locale`, else in the first language that has it; undefined when it is empty everywhere.
 * Shared by the summaries and the version diff so both name things the same way.
 *
 * @example
 * textIn({ en: 'Other', sr: '' }, 'sr') // 'Other'
 */
export function textIn(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (!text) return undefined;
  const own = text[locale];
  if (own) return own;
  return Object.values(text).find((s) => typeof s === 'string' && s.length > 0);
}

function describeValue(
  clause: ConditionClause,
  target: QuestionForSummary | undefined,
  locale: Locale,
): string {
  if (typeof clause.value === 'boolean') return clause.value ? 'Yes' : 'No';
  if (typeof clause.value === 'number') return String(clause.value);
  const option = target?.options?.find((o) => o.code === clause.value);
  const label = textIn(option?.label, locale);
  return `“${label ?? clause.value}”`;
}

/**
 * One clause in words, naming the question by its number in the survey: `Q1 ≤ 3`, `Q2 = No`,
 * `Q3 includes “It took too long”`. A question that is not in the list keeps its id in quotes, so
 * a broken reference stays visible rather than silently renamed.
 *
 * @example
 * describeClause({ questionId: 'resolved', op: 'eq', value: false }, questions, 'en') // 'Q2 = No'
 */
export function describeClause(
  clause: ConditionClause,
  questions: readonly QuestionForSummary[],
  locale: Locale,
): string {
  const index = questions.findIndex((q) => q.id === clause.questionId);
  const target = index >= 0 ? questions[index] : undefined;
  const name = index >= 0 ? `Q${index + 1}` : `“${clause.questionId}” (not in this survey)`;
  return `${name} ${OPERATORS[clause.op]} ${describeValue(clause, target, locale)}`;
}

/**
 * A show-if condition as a sentence a manager reads at a glance, with question numbers and option
 * labels in `locale` (falling back to another language, then to the code). No condition reads
 * "always shown".
 *
 * @example
 * describeCondition(
 *   { match: 'any', clauses: [{ questionId: 'rating', op: 'lte', value: 3 }, { questionId: 'resolved', op: 'eq', value: false }] },
 *   questions,
 *   'en',
 * ) // 'shown when Q1 ≤ 3 or Q2 = No'
 */
export function describeCondition(
  condition: Condition | undefined,
  questions: readonly QuestionForSummary[],
  locale: Locale,
): string {
  if (!condition || condition.clauses.length === 0) return 'always shown';
  const joiner = condition.match === 'all' ? ' and ' : ' or ';
  return `shown when ${condition.clauses.map((c) => describeClause(c, questions, locale)).join(joiner)}`;
}
