import type { Answers } from '@rapport/contracts';
import type { Context } from 'hono';
import * as v from 'valibot';
import { ValidationError } from '../errors';
import type { FormFields } from './form-answers';

/**
 * The JSON body of `POST /s/:token`, as the page's script sends it:
 * `{ answers: { <questionId>: value }, partial?: boolean, interaction?: 'js' | 'button' | 'load' | null }`.
 * Whether each value fits its question is for `checkAnswers`; this only checks the shape.
 *
 * @example
 * v.parse(AnswerSubmission, { answers: { rating: 2 }, partial: true }) // { answers: { rating: 2 }, partial: true, interaction: null }
 */
export const AnswerSubmission = v.object({
  answers: v.record(
    v.pipe(v.string(), v.maxLength(40, 'A question id is at most 40 characters.')),
    v.union(
      [
        v.number(),
        v.boolean(),
        v.pipe(v.string(), v.maxLength(20_000, 'An answer is at most 20,000 characters.')),
        v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(100, 'At most 100 options.')),
      ],
      'An answer is a number, true/false, a text or a list of option codes.',
    ),
    'answers must be an object of question ids and answers.',
  ),
  partial: v.optional(v.boolean('partial must be true or false.'), false),
  interaction: v.optional(
    v.nullable(v.picklist(['js', 'button', 'load'], "interaction must be 'js', 'button', 'load' or null.")),
    null,
  ),
});
export type AnswerSubmission = v.InferOutput<typeof AnswerSubmission>;

export type Submission =
  | { kind: 'json'; answers: Answers; partial: boolean; interaction: 'js' | 'button' | 'load' | null }
  | { kind: 'form'; fields: FormFields };

/**
 * Whether the caller speaks JSON (the page's script, an integration) rather than being a browser
 * showing pages; decides between the house error shape and an error page.
 *
 * @example
 * wantsJson(c) // true for `Content-Type: application/json` or `Accept: application/json`
 */
export function wantsJson(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  const accept = c.req.header('accept') ?? '';
  return (
    /application\/json/i.test(type) || (/application\/json/i.test(accept) && !/text\/html/i.test(accept))
  );
}

/**
 * Reads a survey submission: JSON (validated, house 400 on a bad shape) or a form (fields as sent;
 * they become typed answers once the survey's questions are known).
 *
 * @example
 * const submission = await readSubmission(c);
 * if (submission.kind === 'json') await submitResponse(db, { token, ...submission, userAgent });
 */
export async function readSubmission(c: Context): Promise<Submission> {
  if (!/application\/json/i.test(c.req.header('content-type') ?? '')) {
    return { kind: 'form', fields: await c.req.parseBody({ all: true }) };
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
  const result = v.safeParse(AnswerSubmission, body);
  if (!result.success) {
    const issues = result.issues.map((issue) => ({
      path: v.getDotPath(issue) ?? '',
      message: issue.message,
    }));
    const first = issues[0];
    throw new ValidationError(
      first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'The request is not valid.',
      issues,
    );
  }
  return { kind: 'json', ...result.output };
}
