import { DEFAULT_SURVEY_DEFINITION } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  addOption,
  addQuestion,
  moveQuestion,
  removeOption,
  setClauseValue,
  setQuestionText,
  setScaleLabel,
  type Definition,
} from './editor';
import { checkDefinition, problemLabel, questionOf, serverProblems, targetOf } from './problems';

const survey: Definition = structuredClone(DEFAULT_SURVEY_DEFINITION);

describe('checkDefinition', () => {
  it('finds nothing wrong with the default survey', () => {
    expect(checkDefinition(survey)).toEqual([]);
  });

  it('reports an empty survey', () => {
    expect(checkDefinition({ defaultLocale: 'en', locales: ['en'], questions: [] })).toEqual([
      { path: 'questions', message: 'A survey needs at least one question.', question: null },
    ]);
  });

  it('points each problem at its question, once, in survey order', () => {
    let d = addQuestion(survey, 'single_choice').definition; // question 6, no text, no options
    d = setQuestionText(d, 0, 'en', '');
    expect(checkDefinition(d)).toEqual([
      {
        path: 'questions.0.text',
        message: 'Question 1 has no text in the default language (en).',
        question: 0,
      },
      {
        path: 'questions.5.text',
        message: 'Question 6 has no text in the default language (en).',
        question: 5,
      },
      { path: 'questions.5.options', message: 'Question 6 needs at least two options.', question: 5 },
    ]);
  });

  it('reports a condition on a later question where it is', () => {
    const problems = checkDefinition(moveQuestion(survey, 0, 4));
    expect(problems.map((p) => [p.path, p.question])).toEqual([
      ['questions.1.showIf', 1],
      ['questions.2.showIf', 2],
    ]);
  });

  it('reports conditions comparing with values the question cannot have', () => {
    let d = setClauseValue(survey, 2, 0, 9);
    expect(checkDefinition(d)).toEqual([
      {
        path: 'questions.2.showIf.clauses.0',
        message: 'Question 3’s condition compares Q1 with a value it cannot have: choose another value.',
        question: 2,
      },
    ]);
    // An option removed while a later condition still compares with it.
    d = addQuestion(
      addOption(addOption(addQuestion(survey, 'single_choice').definition, 5, 'en', 'A'), 5, 'en', 'B'),
      'text',
    ).definition;
    d = setQuestionText(setQuestionText(d, 5, 'en', 'Pick'), 6, 'en', 'Why?');
    d = {
      ...d,
      questions: d.questions.map((q, i) =>
        i === 6
          ? { ...q, showIf: { match: 'any', clauses: [{ questionId: 'choice', op: 'eq', value: 'a' }] } }
          : q,
      ),
    };
    expect(checkDefinition(d)).toEqual([]);
    d = addOption(removeOption(d, 5, 0), 5, 'en', 'C');
    expect(checkDefinition(d).map((p) => p.path)).toEqual(['questions.6.showIf.clauses.0']);
  });

  it('asks for every scale label or none', () => {
    const d = setScaleLabel(addQuestion(survey, 'nps', 5).definition, 5, 0, 'en', 'Never');
    const withText = setQuestionText(d, 5, 'en', 'Recommend?');
    expect(checkDefinition(withText)).toEqual([
      {
        path: 'questions.5.scaleLabels',
        message: 'Question 6: fill in every scale label, or none.',
        question: 5,
      },
    ]);
    expect(checkDefinition(setScaleLabel(withText, 5, 1, 'en', 'Surely'))).toEqual([]);
  });

  it('reports schema problems such as a text that is too long', () => {
    const d = setQuestionText(survey, 1, 'sr', 'x'.repeat(2001));
    expect(checkDefinition(d)).toEqual([
      { path: 'questions.1.text.sr', message: 'A text is at most 2000 characters.', question: 1 },
    ]);
  });
});

describe('serverProblems', () => {
  it('maps the API’s details to questions', () => {
    expect(
      serverProblems({
        'definition.questions.2.options': 'Question 3 needs at least two options.',
        name: 'Survey name cannot be empty.',
      }),
    ).toEqual([
      { path: 'questions.2.options', message: 'Question 3 needs at least two options.', question: 2 },
      { path: 'name', message: 'Survey name cannot be empty.', question: null },
    ]);
  });
});

describe('targetOf and problemLabel', () => {
  it.each([
    ['questions.2.options', 2, { tab: 'questions', elementId: 'q2-options' }],
    ['questions.0.text', 0, { tab: 'questions', elementId: 'q0-text-sr' }],
    ['questions.0.text.ru', 0, { tab: 'questions', elementId: 'q0-text-ru' }],
    ['questions.4.showIf.clauses.0', 4, { tab: 'questions', elementId: 'q4-condition' }],
    ['questions.4.id', 4, { tab: 'questions', elementId: 'q4-heading' }],
    ['name', null, { tab: 'settings', elementId: 'survey-name' }],
    ['email.subject.en', null, { tab: 'settings', elementId: 'survey-email' }],
    ['locales', null, { tab: 'settings', elementId: 'survey-locales' }],
    ['questions', null, { tab: 'questions', elementId: 'questions-heading' }],
  ] as const)('%s → %j', (path, question, target) => {
    expect(targetOf({ path, message: 'x', question }, 'sr')).toEqual(target);
  });

  it('names the question when the message does not', () => {
    expect(
      problemLabel({
        path: 'questions.1.text.sr',
        message: 'A text is at most 2000 characters.',
        question: 1,
      }),
    ).toBe('Question 2: A text is at most 2000 characters.');
    expect(
      problemLabel({
        path: 'questions.1.options',
        message: 'Question 2 needs at least two options.',
        question: 1,
      }),
    ).toBe('Question 2 needs at least two options.');
  });

  it('reads question numbers from paths', () => {
    expect(questionOf('questions.12.text')).toBe(12);
    expect(questionOf('questions')).toBeNull();
    expect(questionOf('locales.0')).toBeNull();
  });
});
