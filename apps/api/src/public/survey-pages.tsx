/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { checkAnswers, type AnswerProblem, type Answers } from '@rapport/contracts';
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { ValidationError } from '../errors';
import { openSurvey, submitResponse, type OpenedSurvey } from '../services/answering';
import { displayedQuestions, formAnswers, pressedSend, type FormFields } from './form-answers';
import { renderPage } from './layout';
import { formatMoment, pageLocale } from './locale';
import { NoticePage } from './notice-page';
import { parseScore, scoreQuestion } from './score';
import { STRINGS } from './strings';
import { readSubmission } from './submission';
import { SurveyPage } from './survey-page';
import { shownQuestionIds } from './visibility';

const PROBLEM_CODES: readonly AnswerProblem['code'][] = [
  'required',
  'out_of_range',
  'unknown_option',
  'wrong_type',
  'too_long',
  'unknown_question',
];

/** The per-question problems of a `submitResponse` ValidationError (details: `[{ path: questionId, message: code }]`). */
function problemsOf(err: ValidationError): Map<string, AnswerProblem['code']> {
  const problems = new Map<string, AnswerProblem['code']>();
  const details: unknown = err.details;
  for (const d of Array.isArray(details) ? details : []) {
    const code = PROBLEM_CODES.find((x) => x === d?.message);
    if (typeof d?.path === 'string' && code && !problems.has(d.path)) problems.set(d.path, code);
  }
  return problems;
}

function deadline(survey: OpenedSurvey, locale: keyof typeof STRINGS): string | null {
  return survey.editableUntil
    ? formatMoment(survey.editableUntil, locale, survey.timeZone, STRINGS[locale].dateTime)
    : null;
}

function isClosed(survey: OpenedSurvey, now: Date): boolean {
  return survey.editableUntil !== null && survey.editableUntil <= now;
}

/**
 * `GET /s/:token[?score=N]`: the survey with the clicked score chosen, or the saved answers when
 * the customer comes back. Records nothing: mail scanners open every link.
 *
 * @example
 * pages.get('/s/:token', (c) => showSurvey(c, c.req.param('token'), c.req.query('score')))
 */
export async function showSurvey(c: Context<AppEnv>, token: string, rawScore: string | undefined) {
  const survey = await openSurvey(c.get('db'), token);
  const locale = pageLocale(survey.locale, survey.definition);
  const s = STRINGS[locale];
  if (isClosed(survey, new Date())) {
    return renderPage(c, <NoticePage locale={locale} title={s.closedTitle} body={s.closedBody} />);
  }
  const score = parseScore(survey.definition, rawScore);
  const scaleId = scoreQuestion(survey.definition)?.id;
  const answers: Answers = { ...survey.answers };
  if (score !== null && scaleId) answers[scaleId] = score;
  const until = deadline(survey, locale);
  return renderPage(
    c,
    <SurveyPage
      token={token}
      locale={locale}
      definition={survey.definition}
      answers={answers}
      preselected={score}
      notice={survey.answers && until ? s.answeredNote(until) : null}
    />,
  );
}

/**
 * `GET /s/:token/thanks`: where a completed form lands (after a redirect, so reloading does not
 * post again). Says until when the answers may be changed and links back to change them.
 *
 * @example
 * pages.get('/s/:token/thanks', (c) => showThanks(c, c.req.param('token')))
 */
export async function showThanks(c: Context<AppEnv>, token: string) {
  const survey = await openSurvey(c.get('db'), token);
  if (!survey.answers) return c.redirect(`../${token}`, 303);
  const locale = pageLocale(survey.locale, survey.definition);
  const s = STRINGS[locale];
  if (isClosed(survey, new Date())) {
    return renderPage(c, <NoticePage locale={locale} title={s.closedTitle} body={s.closedBody} />);
  }
  const until = deadline(survey, locale);
  return renderPage(
    c,
    <NoticePage locale={locale} title={s.thanksTitle} body={s.thanksBody}>
      {until ? <p>{s.changeUntil(until)}</p> : null}
      <p>
        <a href={`../${token}`}>{s.changeAnswers}</a>
      </p>
    </NoticePage>,
  );
}

/**
 * `POST /s/:token`. JSON (the page's script): stores the answers and replies `{ saved, edited }`;
 * problems come back in the house error shape. A form (no script): if the answers reveal
 * follow-up questions the page did not display, the answers so far are stored (so the one press
 * counts) and the page comes back with those questions; otherwise the answers are stored as
 * complete and the browser is sent to the thank-you page. Problems re-render the form with a
 * message at each question, answers kept, status 400.
 *
 * @example
 * pages.post('/s/:token', (c) => answerSurvey(c, c.req.param('token')))
 */
export async function answerSurvey(c: Context<AppEnv>, token: string) {
  const db = c.get('db');
  const userAgent = c.req.header('user-agent') ?? null;
  const submission = await readSubmission(c);
  if (submission.kind === 'json') {
    const { answers, partial, interaction } = submission;
    const result = await submitResponse(db, { token, answers, partial, interaction, userAgent });
    return c.json({ saved: true, edited: result.edited }, 200);
  }
  return answerForm(c, token, submission.fields, userAgent);
}

async function answerForm(c: Context<AppEnv>, token: string, fields: FormFields, userAgent: string | null) {
  const db = c.get('db');
  const survey = await openSurvey(db, token);
  const { definition } = survey;
  const locale = pageLocale(survey.locale, definition);
  const s = STRINGS[locale];
  const displayed = displayedQuestions(definition, fields);
  const answers = formAnswers(
    definition,
    fields,
    displayed ?? new Set(definition.questions.map((q) => q.id)),
  );
  const revealed = [...shownQuestionIds(definition, answers)].filter((id) => displayed && !displayed.has(id));
  const interaction = pressedSend(fields) ? 'button' : null;
  const page = (shown: Answers, problems: Map<string, AnswerProblem['code']>, notice: string | null) => (
    <SurveyPage
      token={token}
      locale={locale}
      definition={definition}
      answers={shown}
      problems={problems}
      notice={notice}
    />
  );

  try {
    if (revealed.length > 0) {
      // The person has not seen these questions yet: keep what they gave, then ask the rest.
      const saved = await submitResponse(db, { token, answers, partial: true, interaction, userAgent });
      const missing = new Map<string, AnswerProblem['code']>();
      for (const p of checkAnswers(definition, saved.answers).problems) {
        if (p.code === 'required' && displayed?.has(p.questionId)) missing.set(p.questionId, p.code);
      }
      return renderPage(c, page(saved.answers, missing, s.moreQuestions), missing.size > 0 ? 400 : 200);
    }
    await submitResponse(db, { token, answers, partial: false, interaction, userAgent });
  } catch (err) {
    if (err instanceof ValidationError) return renderPage(c, page(answers, problemsOf(err), null), 400);
    throw err;
  }
  return c.redirect(`./${token}/thanks`, 303);
}
