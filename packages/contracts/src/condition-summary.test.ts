import { describe, expect, it } from 'vitest';
import { describeClause, describeCondition, textIn, type QuestionForSummary } from './condition-summary';
import { DEFAULT_SURVEY_DEFINITION } from './survey-templates';

const questions: QuestionForSummary[] = [
  { id: 'rating', type: 'rating' },
  { id: 'resolved', type: 'yes_no' },
  {
    id: 'reasons',
    type: 'multi_choice',
    options: [
      { code: 'slow', label: { en: 'It took too long', sr: 'Трајало је предуго' } },
      { code: 'rude', label: { en: 'The agent was rude', sr: '' } },
    ],
  },
  { id: 'nps', type: 'nps' },
];

describe('describeCondition', () => {
  it('names questions by number and joins "any" clauses with or', () => {
    expect(
      describeCondition(
        {
          match: 'any',
          clauses: [
            { questionId: 'rating', op: 'lte', value: 3 },
            { questionId: 'resolved', op: 'eq', value: false },
          ],
        },
        questions,
        'en',
      ),
    ).toBe('shown when Q1 ≤ 3 or Q2 = No');
  });

  it('joins "all" clauses with and', () => {
    expect(
      describeCondition(
        {
          match: 'all',
          clauses: [
            { questionId: 'nps', op: 'gte', value: 9 },
            { questionId: 'resolved', op: 'neq', value: true },
          ],
        },
        questions,
        'en',
      ),
    ).toBe('shown when Q4 ≥ 9 and Q2 ≠ Yes');
  });

  it('reads "always shown" without a condition', () => {
    expect(describeCondition(undefined, questions, 'en')).toBe('always shown');
    expect(describeCondition({ match: 'any', clauses: [] }, questions, 'en')).toBe('always shown');
  });

  it('the default survey’s follow-up question reads as the issue describes it', () => {
    const reasons = DEFAULT_SURVEY_DEFINITION.questions.find((q) => q.id === 'reasons');
    expect(describeCondition(reasons?.showIf, DEFAULT_SURVEY_DEFINITION.questions, 'en')).toBe(
      'shown when Q1 ≤ 3 or Q2 = No',
    );
  });
});

describe('describeClause', () => {
  it('names options by their label in the locale asked for', () => {
    const clause = { questionId: 'reasons', op: 'includes', value: 'slow' } as const;
    expect(describeClause(clause, questions, 'en')).toBe('Q3 includes “It took too long”');
    expect(describeClause(clause, questions, 'sr')).toBe('Q3 includes “Трајало је предуго”');
  });

  it('falls back to another language, then to the code', () => {
    expect(describeClause({ questionId: 'reasons', op: 'eq', value: 'rude' }, questions, 'sr')).toBe(
      'Q3 = “The agent was rude”',
    );
    expect(describeClause({ questionId: 'reasons', op: 'eq', value: 'gone' }, questions, 'en')).toBe(
      'Q3 = “gone”',
    );
  });

  it('keeps a reference to a missing question visible', () => {
    expect(describeClause({ questionId: 'deleted', op: 'lte', value: 2 }, questions, 'en')).toBe(
      '“deleted” (not in this survey) ≤ 2',
    );
  });
});

describe('textIn', () => {
  it('prefers the locale, then any non-empty text', () => {
    expect(textIn({ en: 'Hi', sr: 'Здраво' }, 'sr')).toBe('Здраво');
    expect(textIn({ en: 'Hi', sr: '' }, 'sr')).toBe('Hi');
    expect(textIn({ en: '' }, 'en')).toBeUndefined();
    expect(textIn(undefined, 'en')).toBeUndefined();
  });
});
