import type { SurveyDefinition } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { describeAnswers } from './answer-wording';

const definition: SurveyDefinition = {
  defaultLocale: 'sr',
  locales: ['sr', 'en'],
  questions: [
    {
      id: 'nps',
      type: 'nps',
      metric: 'nps',
      required: true,
      text: { sr: 'Да ли бисте нас препоручили?', en: 'Would you recommend us?' },
      scaleLabels: [
        { sr: 'Нипошто', en: 'Not at all' },
        { sr: 'Сигурно', en: 'Certainly' },
      ],
    },
    {
      id: 'topic',
      type: 'single_choice',
      required: false,
      text: { sr: 'Тема' },
      options: [
        { code: 'billing', label: { sr: 'Рачуни', en: 'Billing' } },
        { code: 'other', label: { sr: 'Друго', en: 'Other' } },
      ],
    },
  ],
};

describe('describeAnswers', () => {
  it.each([
    [0, { text: '0 of 10 · Нипошто', asked: '0 of 10 · Not at all' }],
    [7, { text: '7 of 10', asked: null }],
    [10, { text: '10 of 10 · Сигурно', asked: '10 of 10 · Certainly' }],
  ])('labels the ends of an NPS scale only (%i)', (value, answer) => {
    const [view] = describeAnswers(definition, { nps: value }, 'en');
    expect(view?.answer).toEqual(answer);
    expect(view?.question).toEqual({
      text: 'Да ли бисте нас препоручили?',
      asked: 'Would you recommend us?',
    });
  });

  it('leaves asked empty where the survey has no translation, and keeps unknown codes and questions', () => {
    const views = describeAnswers(definition, { topic: 'gone', extra: 'kept' }, 'en');
    expect(views).toEqual([
      {
        questionId: 'topic',
        type: 'single_choice',
        question: { text: 'Тема', asked: null },
        value: 'gone',
        answer: { text: 'gone', asked: null },
        choices: [{ code: 'gone', label: { text: 'gone', asked: null } }],
      },
      {
        questionId: 'extra',
        type: null,
        question: { text: 'extra', asked: null },
        value: 'kept',
        answer: { text: 'kept', asked: null },
      },
    ]);
  });

  it('writes the default wording only for a locale it does not know', () => {
    const [view] = describeAnswers(definition, { topic: 'billing' }, 'de');
    expect(view?.answer).toEqual({ text: 'Рачуни', asked: null });
  });
});
