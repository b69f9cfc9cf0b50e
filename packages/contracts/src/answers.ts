import type { Condition, ConditionClause, Question, SurveyDefinition } from './surveys';
import { SCALES } from './surveys';

/** One answer: a scale point, yes/no, an option code (or codes), or free text. */
export type AnswerValue = number | boolean | string | string[];
export type Answers = Record<string, AnswerValue>;

function clauseHolds(clause: ConditionClause, answers: Answers): boolean {
  const given = answers[clause.questionId];
  if (given === undefined) return false;
  switch (clause.op) {
    case 'lte':
      return typeof given === 'number' && typeof clause.value === 'number' && given <= clause.value;
    case 'gte':
      return typeof given === 'number' && typeof clause.value === 'number' && given >= clause.value;
    case 'eq':
      return given === clause.value;
    case 'neq':
      return given !== clause.value;
    case 'includes':
      return Array.isArray(given) ? given.includes(String(clause.value)) : given === clause.value;
  }
}

/**
 * Whether a question is shown, given the answers so far. A question without a condition is
 * always shown; a clause about an unanswered question does not hold.
 *
 * @example
 * isShown({ showIf: { match: 'any', clauses: [{ questionId: 'rating', op: 'lte', value: 3 }] } }, { rating: 2 }) // true
 */
export function isShown(question: { showIf?: Condition }, answers: Answers): boolean {
  const c = question.showIf;
  if (!c) return true;
  return c.match === 'all'
    ? c.clauses.every((x) => clauseHolds(x, answers))
    : c.clauses.some((x) => clauseHolds(x, answers));
}

export interface AnswerProblem {
  questionId: string;
  /** A stable key the survey page translates. */
  code: 'required' | 'out_of_range' | 'unknown_option' | 'wrong_type' | 'too_long' | 'unknown_question';
}

const MAX_TEXT = 5000;

function problemFor(q: Question, value: AnswerValue): AnswerProblem['code'] | null {
  const scale = SCALES[q.type];
  if (scale) {
    if (typeof value !== 'number' || !Number.isInteger(value)) return 'wrong_type';
    return value < scale.min || value > scale.max ? 'out_of_range' : null;
  }
  if (q.type === 'yes_no') return typeof value === 'boolean' ? null : 'wrong_type';
  if (q.type === 'text') {
    if (typeof value !== 'string') return 'wrong_type';
    return value.length > MAX_TEXT ? 'too_long' : null;
  }
  const codes = new Set((q.options ?? []).map((o) => o.code));
  if (q.type === 'single_choice') {
    if (typeof value !== 'string') return 'wrong_type';
    return codes.has(value) ? null : 'unknown_option';
  }
  if (!Array.isArray(value)) return 'wrong_type';
  return value.every((code) => codes.has(code)) ? null : 'unknown_option';
}

function isEmpty(value: AnswerValue | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Checks answers against a survey version: types, ranges, known options, required questions
 * among those shown. Answers to hidden questions are dropped (their condition no longer holds,
 * e.g. after the rating was raised), empty answers are dropped, unknown question ids are problems.
 *
 * @example
 * checkAnswers(definition, { rating: 5, resolved: true }) // { answers: {...}, problems: [] }
 */
export function checkAnswers(
  definition: Pick<SurveyDefinition, 'questions'>,
  input: Answers,
  options: { requireAll: boolean } = { requireAll: true },
): { answers: Answers; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const answers: Answers = {};
  const known = new Set(definition.questions.map((q) => q.id));
  for (const id of Object.keys(input))
    if (!known.has(id)) problems.push({ questionId: id, code: 'unknown_question' });
  for (const q of definition.questions) {
    if (!isShown(q, answers)) continue;
    const value = input[q.id];
    if (value === undefined || isEmpty(value)) {
      if (q.required && options.requireAll) problems.push({ questionId: q.id, code: 'required' });
      continue;
    }
    const problem = problemFor(q, typeof value === 'string' ? value.trim() : value);
    if (problem) problems.push({ questionId: q.id, code: problem });
    else
      answers[q.id] =
        typeof value === 'string' ? value.trim() : Array.isArray(value) ? [...new Set(value)] : value;
  }
  return { answers, problems };
}
