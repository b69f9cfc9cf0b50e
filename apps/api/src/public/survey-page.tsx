/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { AnswerProblem, Answers, Locale, SurveyDefinition } from '@rapport/contracts';
import { FORM_FIELD } from './form-answers';
import { Layout } from './layout';
import { localized } from './locale';
import { QuestionField } from './question-field';
import { scoreQuestion } from './score';
import { STRINGS } from './strings';
import { shownQuestionIds } from './visibility';

export interface SurveyPageProps {
  token: string;
  locale: Locale;
  definition: SurveyDefinition;
  /** The answers to show as chosen: saved ones, the clicked score, or what was just posted. */
  answers: Answers;
  problems?: ReadonlyMap<string, AnswerProblem['code']>;
  /** The score the email link brought, which the page's script records at once. */
  preselected?: number | null;
  /** A line for the status box: "already answered", "tell us more". */
  notice?: string | null;
  /** Include the page's script; the builder's preview leaves it out (it is shown in a sandboxed frame). */
  script?: boolean;
}

/**
 * The survey form. It works without JavaScript (one Send button posts it; the server answers with
 * the follow-up questions or the thank-you page); the inline script only records the clicked score
 * at once and shows follow-up questions as the answers change. Links are relative to the page's
 * own address (`/s/<token>`), so the pages work under any public URL prefix.
 *
 * @example
 * renderPage(c, <SurveyPage token={token} locale="en" definition={d} answers={{ rating: 4 }} preselected={4} />)
 */
export function SurveyPage(props: SurveyPageProps) {
  const { token, locale, definition } = props;
  const s = STRINGS[locale];
  const shown = shownQuestionIds(definition, props.answers);
  const problems = props.problems ?? new Map<string, AnswerProblem['code']>();
  const scale = scoreQuestion(definition);
  const text = (id: string) => {
    const q = definition.questions.find((x) => x.id === id);
    return q ? localized(q.text, locale, definition.defaultLocale) : id;
  };
  return (
    <Layout locale={locale} title={s.surveyTitle} script={props.script ?? true}>
      <div class="card">
        <h1>{s.surveyTitle}</h1>
        <p class="lead">{s.surveyIntro}</p>
        {problems.size > 0 ? (
          <div class="summary" role="alert">
            <p>{s.errorSummary}</p>
            <ul>
              {[...problems.keys()].map((id) => (
                <li>
                  <a href={`#q-${id}`}>{text(id)}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p id="status" class="status" role="status">
          {props.notice ?? ''}
        </p>
        <form
          id="survey"
          method="post"
          action={`./${token}`}
          novalidate
          data-scale={scale?.id ?? ''}
          data-preselected={props.preselected ?? ''}
          data-saved={s.ratingSaved}
          data-failed={s.ratingNotSaved}
        >
          <input type="hidden" name={FORM_FIELD.shown} value={[...shown].join(' ')} />
          {definition.questions.map((q) => (
            <QuestionField
              question={q}
              locale={locale}
              fallback={definition.defaultLocale}
              strings={s}
              value={props.answers[q.id]}
              visible={shown.has(q.id)}
              problem={problems.get(q.id)}
            />
          ))}
          <button class="btn" type="submit" name={FORM_FIELD.send} value="1">
            {s.send}
          </button>
        </form>
      </div>
      <p class="foot">
        <a href={`../u/${token}`}>{s.stopSurveys}</a>
      </p>
    </Layout>
  );
}
