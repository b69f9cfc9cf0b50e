import { DEFAULT_SURVEY_DEFINITION, isShown, type Answers, type Condition } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { parseScore, scoreQuestion } from './score';
import { CONDITION_SCRIPT, SURVEY_SCRIPT } from './survey-script';
import { shownQuestionIds } from './visibility';

// The page's copy of the condition rule, run here as the browser runs it.
const browserShown = new Function(`${CONDITION_SCRIPT}; return shown;`)() as (
  c: Condition | null,
  a: Answers,
) => boolean;

const any = (...clauses: Condition['clauses']): Condition => ({ match: 'any', clauses });
const all = (...clauses: Condition['clauses']): Condition => ({ match: 'all', clauses });

describe('the page script decides like isShown', () => {
  const conditions: Condition[] = [
    any({ questionId: 'rating', op: 'lte', value: 3 }, { questionId: 'resolved', op: 'eq', value: false }),
    all({ questionId: 'rating', op: 'gte', value: 4 }, { questionId: 'resolved', op: 'eq', value: true }),
    any({ questionId: 'rating', op: 'neq', value: 5 }),
    any({ questionId: 'reasons', op: 'includes', value: 'other' }),
    any({ questionId: 'channel', op: 'includes', value: 'phone' }),
    any({ questionId: 'rating', op: 'lte', value: '3' }),
  ];
  const answerSets: Answers[] = [
    {},
    { rating: 1 },
    { rating: 3 },
    { rating: 4 },
    { rating: 5, resolved: true },
    { rating: 5, resolved: false },
    { rating: 4, resolved: true, reasons: ['other'] },
    { reasons: ['took_too_long'] },
    { channel: 'phone' },
    { channel: 'email' },
  ];
  const cases = conditions.flatMap((c) => answerSets.map((a) => [c, a] as const));

  it.each(cases)('%j with %j', (condition, answers) => {
    expect(browserShown(condition, answers)).toBe(isShown({ showIf: condition }, answers));
  });

  it('shows a question without a condition', () => {
    expect(browserShown(null, {})).toBe(true);
  });

  it('is part of the page script', () => {
    expect(SURVEY_SCRIPT).toContain(CONDITION_SCRIPT);
  });
});

describe('shownQuestionIds', () => {
  it.each([
    [{}, ['rating', 'resolved', 'comment']],
    [{ rating: 5 }, ['rating', 'resolved', 'comment']],
    [{ rating: 3 }, ['rating', 'resolved', 'reasons', 'callback', 'comment']],
    [{ rating: 5, resolved: false }, ['rating', 'resolved', 'reasons', 'callback', 'comment']],
    // An invalid rating counts as no rating, as it does for checkAnswers.
    [{ rating: 9 }, ['rating', 'resolved', 'comment']],
  ])('for %j shows %j', (answers, expected) => {
    expect([...shownQuestionIds(DEFAULT_SURVEY_DEFINITION, answers)]).toEqual(expected);
  });
});

describe('the one-click score', () => {
  it('answers the CSAT question', () => {
    expect(scoreQuestion(DEFAULT_SURVEY_DEFINITION)?.id).toBe('rating');
  });

  it('prefers the CSAT question over an earlier scale', () => {
    const questions = [
      { id: 'effort', type: 'ces' as const, required: true, text: { en: 'Easy?' } },
      {
        id: 'csat',
        type: 'rating' as const,
        metric: 'csat' as const,
        required: true,
        text: { en: 'Happy?' },
      },
    ];
    expect(scoreQuestion({ questions })?.id).toBe('csat');
    expect(scoreQuestion({ questions: [questions[0]!] })?.id).toBe('effort');
    expect(scoreQuestion({ questions: [] })).toBeUndefined();
  });

  it.each([
    ['1', 1],
    ['5', 5],
    ['0', null],
    ['6', null],
    ['2.5', null],
    ['-1', null],
    ['', null],
    [undefined, null],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseScore(DEFAULT_SURVEY_DEFINITION, raw)).toBe(expected);
  });
});
