/**
 * Answers for the builder's preview, so it can show the follow-up questions a customer sees only
 * after, say, a low rating.
 */
import { isShown, SCALES, type Answers, type ConditionClause, type Question } from '@rapport/contracts';
import type { Definition } from './editor';

function answerMeeting(clause: ConditionClause, target: Question): Answers[string] | undefined {
  const { op, value } = clause;
  if (op === 'includes') return typeof value === 'string' ? [value] : undefined;
  if (op === 'neq') {
    if (typeof value === 'boolean') return !value;
    if (typeof value === 'number') {
      const scale = SCALES[target.type];
      return scale && value === scale.min ? scale.max : scale?.min;
    }
    return target.options?.find((o) => o.code !== value)?.code;
  }
  return target.type === 'multi_choice' && typeof value === 'string' ? [value] : value;
}

/**
 * Answers that make as many conditional questions show as possible: for each question with a
 * condition that does not hold yet, the first clause about a question still unanswered is met.
 * Answers already chosen are never changed, so one answer cannot hide an earlier follow-up.
 *
 * @example
 * answersShowingFollowUps(defaultSurvey) // { rating: 3 } — "What went wrong?" and the callback show
 */
export function answersShowingFollowUps(d: Definition): Answers {
  const answers: Answers = {};
  const byId = new Map(d.questions.map((q) => [q.id, q]));
  for (const q of d.questions) {
    if (!q.showIf || isShown(q, answers)) continue;
    for (const clause of q.showIf.clauses) {
      const target = byId.get(clause.questionId);
      if (!target || clause.questionId in answers) continue;
      const answer = answerMeeting(clause, target);
      if (answer === undefined) continue;
      answers[clause.questionId] = answer;
      if (q.showIf.match === 'any' || isShown(q, answers)) break;
    }
  }
  return answers;
}
