import { checkAnswers, isShown, type Answers, type SurveyDefinition } from '@rapport/contracts';

/**
 * The questions a person sees for the answers given: the same rule as `checkAnswers` (a condition
 * reads only the valid answers to questions that are themselves shown), so the page never hides a
 * question the server would require, nor shows one whose answer it would drop.
 *
 * @example
 * shownQuestionIds(DEFAULT_SURVEY_DEFINITION, { rating: 2 }) // Set { 'rating', 'resolved', 'reasons', 'callback', 'comment' }
 * shownQuestionIds(DEFAULT_SURVEY_DEFINITION, { rating: 5 }) // Set { 'rating', 'resolved', 'comment' }
 */
export function shownQuestionIds(
  definition: Pick<SurveyDefinition, 'questions'>,
  answers: Answers,
): Set<string> {
  // Conditions may only point at earlier questions, so the kept answers of later ones never matter.
  const { answers: kept } = checkAnswers(definition, answers, { requireAll: false });
  return new Set(definition.questions.filter((q) => isShown(q, kept)).map((q) => q.id));
}
