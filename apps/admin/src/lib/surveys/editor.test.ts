import {
  definitionProblems,
  DEFAULT_SURVEY_DEFINITION,
  METRICS,
  QUESTION_TYPES,
  type Question,
} from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  addClause,
  addOption,
  addQuestion,
  clauseOperators,
  clauseValues,
  conditionTargets,
  dependentsOf,
  duplicateQuestion,
  METRICS_BY_TYPE,
  missingTranslations,
  moveOption,
  moveQuestion,
  normalizeDefinition,
  removeClause,
  removeQuestion,
  restoreQuestion,
  sameDefinition,
  setClauseOp,
  setClauseQuestion,
  setClauseValue,
  setDefaultLocale,
  setEmailText,
  setLocaleOffered,
  setMetric,
  setOptionCode,
  setOptionLabel,
  setQuestionText,
  setQuestionType,
  setRequired,
  setScaleLabel,
  type Definition,
} from './editor';

const blank: Definition = { defaultLocale: 'en', locales: ['en', 'sr'], questions: [] };
const survey: Definition = structuredClone(DEFAULT_SURVEY_DEFINITION);
const ids = (d: Definition) => d.questions.map((q) => q.id);

describe('adding, removing, duplicating and moving questions', () => {
  it('adds a question with a fresh id, feeding its natural metric only when free', () => {
    const first = addQuestion(blank, 'rating');
    expect(first.index).toBe(0);
    expect(first.definition.questions[0]).toEqual({
      id: 'rating',
      type: 'rating',
      metric: 'csat',
      text: {},
      required: false,
    });
    const second = addQuestion(first.definition, 'rating');
    expect(second.definition.questions[1]).toEqual({
      id: 'rating_2',
      type: 'rating',
      text: {},
      required: false,
    });
    expect(addQuestion(blank, 'multi_choice').definition.questions[0]?.options).toEqual([]);
    expect(blank.questions).toEqual([]);
  });

  it('adds at a position', () => {
    const { definition, index } = addQuestion(survey, 'text', 1);
    expect(index).toBe(1);
    expect(ids(definition)).toEqual(['rating', 'comment_2', 'resolved', 'reasons', 'callback', 'comment']);
  });

  it('removes a question and puts it back where it was', () => {
    const { definition, removed } = removeQuestion(survey, 1);
    expect(ids(definition)).not.toContain('resolved');
    expect(removed?.index).toBe(1);
    expect(restoreQuestion(definition, removed!)).toEqual(survey);
  });

  it('gives a restored question a new id when its id was reused meanwhile', () => {
    const { definition, removed } = removeQuestion(addQuestion(blank, 'text').definition, 0);
    const reused = addQuestion(definition, 'text').definition;
    const restored = restoreQuestion(reused, removed!);
    expect(ids(restored)).toEqual(['comment_2', 'comment']);
  });

  it('duplicates below the original, with a new id and no metric', () => {
    const { definition, index } = duplicateQuestion(survey, 0);
    expect(index).toBe(1);
    const copy = definition.questions[1]!;
    expect(copy.id).toBe('rating_2');
    expect(copy.metric).toBeUndefined();
    expect(copy.text).toEqual(survey.questions[0]!.text);
    expect(copy.text).not.toBe(survey.questions[0]!.text);
    expect(definitionProblems(definition)).toEqual([]);
  });

  it('moves a question and leaves bad moves alone', () => {
    const moved = moveQuestion(survey, 0, 2);
    expect(ids(moved).slice(0, 3)).toEqual(['resolved', 'reasons', 'rating']);
    // Moving rating below a question that depends on it is a problem the builder shows.
    expect(definitionProblems(moved).map((p) => p.path)).toContain('questions.1.showIf');
    expect(moveQuestion(survey, 0, -1)).toBe(survey);
    expect(moveQuestion(survey, 0, survey.questions.length)).toBe(survey);
  });

  it('lists the questions whose conditions depend on one', () => {
    expect(dependentsOf(survey, 'rating')).toEqual([3, 4]);
    expect(dependentsOf(survey, 'reasons')).toEqual([]);
  });
});

describe('question fields', () => {
  it('offers exactly the metrics definitionProblems accepts for each type', () => {
    for (const type of QUESTION_TYPES) {
      for (const metric of METRICS) {
        const q: Question = { id: 'q', type, metric, text: { en: 'x' }, required: false };
        if (type === 'single_choice' || type === 'multi_choice')
          q.options = [
            { code: 'a', label: { en: 'A' } },
            { code: 'b', label: { en: 'B' } },
          ];
        const accepted = definitionProblems({ defaultLocale: 'en', questions: [q] }).length === 0;
        expect([type, metric, METRICS_BY_TYPE[type].includes(metric)]).toEqual([type, metric, accepted]);
      }
    }
  });

  it('changes the type keeping only what still fits', () => {
    const toYesNo = setQuestionType(survey, 0, 'yes_no');
    expect(toYesNo.questions[0]).toMatchObject({ type: 'yes_no' });
    expect(toYesNo.questions[0]?.metric).toBeUndefined();
    expect(toYesNo.questions[0]?.scaleLabels).toBeUndefined();
    const toChoice = setQuestionType(survey, 1, 'single_choice');
    expect(toChoice.questions[1]?.options).toEqual([]);
    const toText = setQuestionType(survey, 2, 'text');
    expect(toText.questions[2]?.options).toBeUndefined();
    const single = setQuestionType(survey, 2, 'single_choice');
    expect(single.questions[2]?.options).toEqual(survey.questions[2]?.options);
    expect(single.questions[2]?.metric).toBe('reasons');
  });

  it('takes up a free natural metric when the type changes', () => {
    const d = addQuestion(blank, 'text').definition;
    expect(setQuestionType(d, 0, 'nps').questions[0]?.metric).toBe('nps');
    expect(setQuestionType(survey, 1, 'rating').questions[1]?.metric).toBeUndefined();
  });

  it('sets metric, required and texts; an emptied text drops its language', () => {
    let d = setMetric(survey, 1, 'callback');
    expect(d.questions[1]?.metric).toBe('callback');
    d = setMetric(d, 1, null);
    expect('metric' in (d.questions[1] ?? {})).toBe(false);
    d = setRequired(d, 1, false);
    expect(d.questions[1]?.required).toBe(false);
    d = setQuestionText(d, 1, 'hr', 'Je li riješeno?');
    expect(d.questions[1]?.text.hr).toBe('Je li riješeno?');
    d = setQuestionText(d, 1, 'hr', '');
    expect('hr' in (d.questions[1]?.text ?? {})).toBe(false);
  });

  it('counts the translations a question still needs', () => {
    let d = setQuestionText(addQuestion(blank, 'single_choice').definition, 0, 'en', 'Pick one');
    d = addOption(addOption(d, 0, 'en', 'A'), 0, 'en', 'B');
    expect(missingTranslations(d.questions[0]!, d.locales, 'en')).toBe(3);
    d = setOptionLabel(setQuestionText(d, 0, 'sr', 'Изаберите'), 0, 0, 'sr', 'А');
    expect(missingTranslations(d.questions[0]!, d.locales, 'en')).toBe(1);
    expect(missingTranslations(d.questions[0]!, ['en'], 'en')).toBe(0);
    expect(missingTranslations(survey.questions[0]!, survey.locales, 'en')).toBe(0);
    const labelled = setScaleLabel(addQuestion(blank, 'nps').definition, 0, 0, 'en', 'Never');
    expect(missingTranslations(labelled.questions[0]!, labelled.locales, 'en')).toBe(3);
  });

  it('fills scale labels to the scale’s length', () => {
    const d = setScaleLabel(addQuestion(blank, 'nps').definition, 0, 1, 'en', 'Certainly');
    expect(d.questions[0]?.scaleLabels).toEqual([{}, { en: 'Certainly' }]);
    expect(setScaleLabel(d, 0, 2, 'en', 'x')).toEqual(d);
  });
});

describe('options', () => {
  const withChoice = addQuestion(blank, 'multi_choice').definition;

  it('makes the code from the first label, then keeps it when the label changes', () => {
    let d = addOption(withChoice, 0, 'en', 'It took too long');
    d = addOption(d, 0, 'en', 'It took too long!');
    expect(d.questions[0]?.options?.map((o) => o.code)).toEqual(['it_took_too_long', 'it_took_too_long_2']);
    d = setOptionLabel(d, 0, 0, 'en', 'Slow');
    d = setOptionLabel(d, 0, 0, 'sr', 'Споро');
    expect(d.questions[0]?.options?.[0]).toEqual({
      code: 'it_took_too_long',
      label: { en: 'Slow', sr: 'Споро' },
    });
  });

  it('renames a code deliberately, and the conditions comparing with it follow', () => {
    let d = addQuestion(
      addOption(addOption(withChoice, 0, 'en', 'Slow'), 0, 'en', 'Rude'),
      'text',
    ).definition;
    d = addClause(d, 1);
    expect(d.questions[1]?.showIf?.clauses[0]).toEqual({
      questionId: 'choices',
      op: 'includes',
      value: 'slow',
    });
    d = setOptionCode(d, 0, 0, 'too_slow');
    expect(d.questions[0]?.options?.[0]?.code).toBe('too_slow');
    expect(d.questions[1]?.showIf?.clauses[0]?.value).toBe('too_slow');
  });

  it('moves options', () => {
    const d = addOption(addOption(withChoice, 0, 'en', 'A'), 0, 'en', 'B');
    expect(moveOption(d, 0, 1, 0).questions[0]?.options?.map((o) => o.code)).toEqual(['b', 'a']);
    expect(moveOption(d, 0, 1, 2)).toEqual(d);
  });
});

describe('conditions', () => {
  it('offers only earlier questions that can be compared', () => {
    const d = addQuestion(survey, 'text', 0).definition;
    expect(conditionTargets(d, 3).map((q) => q.id)).toEqual(['rating', 'resolved']);
    expect(conditionTargets(d, 0)).toEqual([]);
  });

  it('fits operators and values to the type of the question compared with', () => {
    expect(clauseOperators('rating')).toEqual(['lte', 'gte', 'eq', 'neq']);
    expect(clauseOperators('yes_no')).toEqual(['eq', 'neq']);
    expect(clauseOperators('multi_choice')).toEqual(['includes']);
    expect(clauseOperators('text')).toEqual([]);
    expect(clauseValues(survey.questions[0]!).map((v) => v.value)).toEqual([1, 2, 3, 4, 5]);
    expect(clauseValues(survey.questions[1]!).map((v) => v.label)).toEqual(['Yes', 'No']);
  });

  it('adds a clause about the nearest earlier question, edits and removes it', () => {
    const d0 = addQuestion({ ...survey, questions: survey.questions.slice(0, 2) }, 'text').definition;
    let d = addClause(d0, 2);
    expect(d.questions[2]?.showIf).toEqual({
      match: 'any',
      clauses: [{ questionId: 'resolved', op: 'eq', value: false }],
    });
    d = setClauseQuestion(d, 2, 0, 'rating');
    expect(d.questions[2]?.showIf?.clauses[0]).toEqual({ questionId: 'rating', op: 'lte', value: 3 });
    d = setClauseOp(d, 2, 0, 'gte');
    d = setClauseValue(d, 2, 0, 5);
    expect(d.questions[2]?.showIf?.clauses[0]).toEqual({ questionId: 'rating', op: 'gte', value: 5 });
    d = removeClause(d, 2, 0);
    expect(d.questions[2]?.showIf).toBeUndefined();
    expect(addClause(d, 0)).toBe(d);
  });
});

describe('survey level', () => {
  it('keeps the default language offered and languages in a fixed order', () => {
    expect(setLocaleOffered(blank, 'en', false)).toBe(blank);
    expect(setLocaleOffered(blank, 'ru', true).locales).toEqual(['en', 'sr', 'ru']);
    expect(setLocaleOffered(blank, 'sr', false).locales).toEqual(['en']);
    expect(setDefaultLocale({ ...blank, locales: ['en'] }, 'hr')).toMatchObject({
      defaultLocale: 'hr',
      locales: ['en', 'hr'],
    });
  });

  it('sets email overrides per language', () => {
    const d = setEmailText(blank, 'subject', 'en', 'How did we do?');
    expect(d.email).toEqual({ subject: { en: 'How did we do?' } });
  });
});

describe('normalizeDefinition', () => {
  it('drops empty texts, texts in languages not offered, empty extras and stray options', () => {
    let d = addQuestion(blank, 'rating').definition;
    d = setQuestionText(d, 0, 'en', 'How was it?');
    d = setQuestionText(d, 0, 'ru', 'Как было?');
    d = setQuestionText(d, 0, 'sr', '   ');
    d = setScaleLabel(d, 0, 0, 'en', '');
    d = setEmailText(d, 'intro', 'en', ' ');
    d = { ...d, questions: [{ ...d.questions[0]!, options: [] }] };
    expect(normalizeDefinition(d)).toEqual({
      defaultLocale: 'en',
      locales: ['en', 'sr'],
      questions: [
        { id: 'rating', type: 'rating', metric: 'csat', text: { en: 'How was it?' }, required: false },
      ],
    });
  });

  it('leaves a valid survey as it is', () => {
    expect(normalizeDefinition(survey)).toEqual(survey);
  });

  it('compares definitions as they would be saved', () => {
    const reordered: Definition = JSON.parse(
      JSON.stringify({
        questions: survey.questions,
        locales: survey.locales,
        defaultLocale: survey.defaultLocale,
      }),
    );
    expect(sameDefinition(survey, reordered)).toBe(true);
    expect(sameDefinition(survey, setQuestionText(survey, 0, 'en', 'Changed'))).toBe(false);
    expect(sameDefinition(survey, setQuestionText(survey, 1, 'hr', ''))).toBe(false);
    expect(sameDefinition(survey, setEmailText(survey, 'intro', 'en', '  '))).toBe(true);
  });
});
