import {
  SCALES,
  type Answers,
  type AnswerValue,
  type Question,
  type SurveyDefinition,
} from '@rapport/contracts';

/** A form body as `c.req.parseBody({ all: true })` gives it. */
export type FormFields = Record<string, string | File | (string | File)[]>;

/**
 * Names of the form's own fields. Question ids start with a letter, so a leading `_` never collides.
 * `_shown` lists the questions the page displayed; `_send` is the Submit button, present only when
 * a person pressed it (or pressed Enter, which browsers treat as pressing it).
 *
 * @example
 * <button type="submit" name={FORM_FIELD.send} value="1">Send</button>
 */
export const FORM_FIELD = { shown: '_shown', send: '_send' } as const;

function texts(value: FormFields[string] | undefined): string[] {
  const all = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return all.filter((x): x is string => typeof x === 'string');
}

/** One question's form value as the typed answer `checkAnswers` expects; a value that does not parse stays a string, which it reports as `wrong_type`. */
function typed(q: Question, values: string[]): AnswerValue | undefined {
  if (q.type === 'multi_choice') return values.length > 0 ? values : undefined;
  const value = values[0];
  if (value === undefined) return undefined;
  if (SCALES[q.type]) return /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value;
  if (q.type === 'yes_no') return value === 'yes' ? true : value === 'no' ? false : value;
  return value;
}

/**
 * Turns a survey form's fields into typed answers: scale points to numbers, yes/no to booleans,
 * repeated checkbox fields to a list of option codes, text as typed. A question the page showed
 * but that came back without a field (every checkbox cleared, no radio picked) becomes an empty
 * answer, so an edit can clear it; questions the page did not show are left out, so an edit keeps
 * what was given before. Fields that are not questions are ignored.
 *
 * @example
 * formAnswers(definition, { rating: '2', resolved: 'no', reasons: ['took_too_long', 'other'] }, new Set(['rating', 'resolved', 'reasons']))
 * // { rating: 2, resolved: false, reasons: ['took_too_long', 'other'] }
 */
export function formAnswers(
  definition: Pick<SurveyDefinition, 'questions'>,
  fields: FormFields,
  shown: ReadonlySet<string>,
): Answers {
  const answers: Answers = {};
  for (const q of definition.questions) {
    const values = texts(fields[q.id]);
    const value = typed(q, values);
    if (value !== undefined) answers[q.id] = value;
    else if (shown.has(q.id)) answers[q.id] = q.type === 'multi_choice' ? [] : '';
  }
  return answers;
}

/**
 * The questions the page displayed when it was submitted, from its `_shown` field; null when the
 * field is missing (a form built elsewhere), in which case the submission is taken as complete.
 *
 * @example
 * displayedQuestions(definition, { _shown: 'rating resolved comment' }) // Set { 'rating', 'resolved', 'comment' }
 */
export function displayedQuestions(
  definition: Pick<SurveyDefinition, 'questions'>,
  fields: FormFields,
): Set<string> | null {
  const [listed] = texts(fields[FORM_FIELD.shown]);
  if (listed === undefined) return null;
  const known = new Set(definition.questions.map((q) => q.id));
  return new Set(listed.split(/\s+/).filter((id) => known.has(id)));
}

/**
 * Whether a person pressed the Submit button, the no-JavaScript sign of a person (see bot-signals).
 *
 * @example
 * pressedSend({ _send: '1', rating: '4' }) // true
 */
export function pressedSend(fields: FormFields): boolean {
  return texts(fields[FORM_FIELD.send]).length > 0;
}
