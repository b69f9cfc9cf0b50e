import { DEFAULT_SURVEY_DEFINITION, isShown } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { addOption, addQuestion, type Definition } from './editor';
import { answersShowingFollowUps } from './preview';

describe('answersShowingFollowUps', () => {
  it('answers the default survey so its follow-up questions show', () => {
    const answers = answersShowingFollowUps(DEFAULT_SURVEY_DEFINITION);
    expect(answers).toEqual({ rating: 3 });
    expect(DEFAULT_SURVEY_DEFINITION.questions.every((q) => isShown(q, answers))).toBe(true);
  });

  it('meets "all" conditions clause by clause, and ≠ and includes too', () => {
    let d: Definition = { defaultLocale: 'en', locales: ['en'], questions: [] };
    d = addQuestion(d, 'nps').definition;
    d = addQuestion(d, 'yes_no').definition;
    d = addOption(addOption(addQuestion(d, 'multi_choice').definition, 2, 'en', 'A'), 2, 'en', 'B');
    d = addQuestion(d, 'text').definition;
    d.questions[3]!.showIf = {
      match: 'all',
      clauses: [
        { questionId: 'nps', op: 'neq', value: 0 },
        { questionId: 'yes_no', op: 'neq', value: true },
        { questionId: 'choices', op: 'includes', value: 'b' },
      ],
    };
    const answers = answersShowingFollowUps(d);
    expect(answers).toEqual({ nps: 10, yes_no: false, choices: ['b'] });
    expect(isShown(d.questions[3]!, answers)).toBe(true);
  });

  it('returns no answers for a survey without conditions', () => {
    expect(answersShowingFollowUps({ defaultLocale: 'en', locales: ['en'], questions: [] })).toEqual({});
  });
});
