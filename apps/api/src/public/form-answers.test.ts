import { DEFAULT_SURVEY_DEFINITION } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { displayedQuestions, formAnswers, pressedSend } from './form-answers';

const ALL = new Set(DEFAULT_SURVEY_DEFINITION.questions.map((q) => q.id));
const FIRST = new Set(['rating', 'resolved', 'comment']);

describe('formAnswers', () => {
  it.each([
    ['a scale point becomes a number', { rating: '4' }, FIRST, { rating: 4, resolved: '', comment: '' }],
    [
      'yes and no become booleans',
      { rating: '2', resolved: 'no', callback: 'yes' },
      ALL,
      { rating: 2, resolved: false, reasons: [], callback: true, comment: '' },
    ],
    ['one checkbox is still a list', { reasons: 'other' }, new Set(['reasons']), { reasons: ['other'] }],
    [
      'repeated checkboxes are a list',
      { reasons: ['other', 'unfriendly'] },
      new Set(['reasons']),
      { reasons: ['other', 'unfriendly'] },
    ],
    ['text is kept as typed', { comment: '  fine  ' }, new Set(['comment']), { comment: '  fine  ' }],
    [
      'questions not displayed and not sent are left out',
      { rating: '5' },
      new Set(['rating']),
      { rating: 5 },
    ],
    [
      'fields that are not questions are ignored',
      { rating: '5', _send: '1', _shown: 'rating', evil: 'x' },
      new Set(['rating']),
      { rating: 5 },
    ],
  ])('%s', (_name, fields, shown, expected) => {
    expect(formAnswers(DEFAULT_SURVEY_DEFINITION, fields, shown)).toEqual(expected);
  });

  it.each([
    ['a number with letters', { rating: '4x' }, { rating: '4x' }],
    ['a number beyond any scale', { rating: '1234' }, { rating: '1234' }],
    ['yes/no in other words', { resolved: 'true' }, { resolved: 'true' }],
  ])('leaves %s as a string, for checkAnswers to call wrong_type', (_name, fields, expected) => {
    expect(formAnswers(DEFAULT_SURVEY_DEFINITION, fields, new Set())).toEqual(expected);
  });

  it('ignores uploaded files', () => {
    const file = new File(['x'], 'x.txt');
    expect(
      formAnswers(DEFAULT_SURVEY_DEFINITION, { comment: file, reasons: [file, 'other'] }, new Set()),
    ).toEqual({ reasons: ['other'] });
  });
});

describe('displayedQuestions', () => {
  it('reads the known ids the page listed', () => {
    expect(
      displayedQuestions(DEFAULT_SURVEY_DEFINITION, { _shown: 'rating  resolved nonsense comment' }),
    ).toEqual(FIRST);
  });

  it('is null for a form that does not say (taken as complete)', () => {
    expect(displayedQuestions(DEFAULT_SURVEY_DEFINITION, { rating: '3' })).toBeNull();
  });
});

describe('pressedSend', () => {
  it('is true only when the Submit button came with the form', () => {
    expect(pressedSend({ _send: '1' })).toBe(true);
    expect(pressedSend({ rating: '3' })).toBe(false);
  });
});
