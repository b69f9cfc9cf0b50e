import { SCALES, type Question, type SurveyDefinition } from '@rapport/contracts';

/**
 * The question the email's one-click links answer (`/s/<token>?score=N`): the survey's CSAT
 * question, else its first scale question (rating, nps or ces). Questions with a show-if condition
 * are passed over: before any answer they are hidden, and an answer to a hidden question is dropped.
 *
 * @example
 * scoreQuestion(DEFAULT_SURVEY_DEFINITION)?.id // 'rating'
 */
export function scoreQuestion(definition: Pick<SurveyDefinition, 'questions'>): Question | undefined {
  const scales = definition.questions.filter((q) => SCALES[q.type] !== undefined && !q.showIf);
  return scales.find((q) => q.metric === 'csat') ?? scales[0];
}

/**
 * The clicked score from the link's query, or null when there is none or it is not a point of the
 * scale (a mangled link still opens the survey, just without a preselection).
 *
 * @example
 * parseScore(DEFAULT_SURVEY_DEFINITION, '4')  // 4
 * parseScore(DEFAULT_SURVEY_DEFINITION, '9')  // null (the rating is 1–5)
 * parseScore(DEFAULT_SURVEY_DEFINITION, 'x')  // null
 */
export function parseScore(
  definition: Pick<SurveyDefinition, 'questions'>,
  raw: string | undefined,
): number | null {
  const question = scoreQuestion(definition);
  const scale = question ? SCALES[question.type] : undefined;
  if (!scale || raw === undefined || !/^\d{1,2}$/.test(raw)) return null;
  const score = Number(raw);
  return score >= scale.min && score <= scale.max ? score : null;
}
