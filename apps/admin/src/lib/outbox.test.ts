import { describe, expect, it } from 'vitest';
import { isSurveyEmail, surveyLinksOf } from './outbox';

const EMAIL = [
  'Hello Ana,',
  '',
  'How satisfied were you with our help?',
  'Choose your answer:',
  '  1 – Very dissatisfied: http://127.0.0.1:8080/s/a1_B-2?score=1',
  '  2: http://127.0.0.1:8080/s/a1_B-2?score=2',
  '  5 – Very satisfied: http://127.0.0.1:8080/s/a1_B-2?score=5',
  '',
  'Open the survey: http://127.0.0.1:8080/s/a1_B-2',
  '',
  'Unsubscribe: http://127.0.0.1:8080/u/a1_B-2',
].join('\n');

describe('surveyLinksOf', () => {
  it('finds the rating links with their labels, and the survey link', () => {
    expect(surveyLinksOf(EMAIL)).toEqual({
      ratings: [
        { score: 1, label: 'Very dissatisfied', url: 'http://127.0.0.1:8080/s/a1_B-2?score=1' },
        { score: 2, label: '', url: 'http://127.0.0.1:8080/s/a1_B-2?score=2' },
        { score: 5, label: 'Very satisfied', url: 'http://127.0.0.1:8080/s/a1_B-2?score=5' },
      ],
      survey: 'http://127.0.0.1:8080/s/a1_B-2',
    });
  });

  it('leaves out other links, repeats and anything not http(s)', () => {
    const text = [
      'See https://example.com/help and javascript:alert(1)',
      '  3: https://r.example/s/tok?score=3',
      'again https://r.example/s/tok?score=3.',
      'odd https://r.example/s/tok?score=x https://r.example/s/tok?score=3&x=1',
      'Unsubscribe: https://r.example/u/tok',
    ].join('\n');
    expect(surveyLinksOf(text)).toEqual({
      ratings: [{ score: 3, label: '', url: 'https://r.example/s/tok?score=3' }],
      survey: null,
    });
  });

  it('gives nothing for a text without links', () => {
    expect(surveyLinksOf('Thanks!')).toEqual({ ratings: [], survey: null });
  });
});

describe('isSurveyEmail', () => {
  it.each([
    ['invitation', true],
    ['reminder', true],
    ['digest', false],
    ['something-new', false],
  ])('%s → %s', (kind, expected) => {
    expect(isSurveyEmail(kind)).toBe(expected);
  });
});
