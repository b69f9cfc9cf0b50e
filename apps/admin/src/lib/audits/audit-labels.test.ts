import type { AuditTemplateItem } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  actionDueText,
  answerText,
  evidenceSummary,
  formatScore,
  hoursText,
  needsNote,
  percentText,
  reasonText,
  resultOf,
  scaleChoices,
} from './audit-labels';

const passFail: AuditTemplateItem = {
  id: 'faq',
  text: { en: 'FAQ reviewed' },
  scale: 'pass_fail',
  weight: 1,
  naAllowed: true,
  critical: false,
};
const rated: AuditTemplateItem = { ...passFail, id: 'tone', scale: { points: 5 }, naAllowed: false };

describe('scale', () => {
  it('offers Pass, Fail and N/A where allowed, or 1..N', () => {
    expect(scaleChoices(passFail).map((c) => c.label)).toEqual(['Pass', 'Fail', 'N/A']);
    expect(scaleChoices(rated).map((c) => c.value)).toEqual(['1', '2', '3', '4', '5']);
  });

  it.each([
    [passFail, 'fail', true],
    [passFail, 'pass', false],
    [passFail, 'na', false],
    [passFail, null, false],
    [rated, '1', true],
    [rated, '2', true],
    // (3 − 1)/(5 − 1) = 0.5 is not below half.
    [rated, '3', false],
    [rated, '5', false],
    // A value off the scale is the API's to refuse, not a note problem.
    [rated, 'pass', false],
  ] as const)('%# needs a note: %s → %s', (item, value, expected) => {
    expect(needsNote(item, value)).toBe(expected);
  });

  it('says answers in words', () => {
    expect(answerText(passFail, 'fail')).toBe('Fail');
    expect(answerText(passFail, 'na')).toBe('N/A');
    expect(answerText(rated, '4')).toBe('4 of 5');
    expect(answerText(rated, null)).toBe('Not answered');
  });
});

describe('figures', () => {
  it.each([
    [null, '—'],
    [100, '100'],
    [86.666, '86.7'],
    [80, '80'],
    [79.96, '80'],
  ])('score %s reads %s', (score, text) => {
    expect(formatScore(score)).toBe(text);
  });

  it('gives the result of a score', () => {
    expect(resultOf(null, null).label).toBe('Not scored yet');
    expect(resultOf(90, true)).toEqual({ label: 'Passed', tone: 'success' });
    expect(resultOf(90, false)).toEqual({ label: 'Failed', tone: 'danger' });
  });

  it.each([
    [0.75, '45 min'],
    [3.46, '3.5 h'],
    [50, '2.1 days'],
  ])('%s hours read %s', (hours, text) => {
    expect(hoursText(hours)).toBe(text);
  });

  it('rounds shares and names reasons', () => {
    expect(percentText(0.8333)).toBe('83%');
    expect(percentText(null)).toBe('—');
    expect(reasonText('wait_time')).toBe('Wait time');
  });

  it('sums evidence up in one line', () => {
    expect(
      evidenceSummary({
        measure: 'follow_up_timeliness',
        rate: 0.75,
        n: 4,
        ci95: [0.3, 0.95],
        closedInTime: 3,
        closed: 3,
        overdueOpen: 1,
      }),
    ).toBe('75% closed in time (3 of 4).');
    expect(evidenceSummary({ measure: 'first_response_time', channels: [] })).toBe(
      'No tickets with a first response this quarter.',
    );
    expect(
      evidenceSummary({
        measure: 'top_reasons',
        reasons: [{ code: 'wait_time', count: 5, share: 0.5 }],
        n: 10,
      }),
    ).toBe('Wait time 5 (n = 10).');
  });

  it.each([
    [-12, false, 'Overdue by 12 days'],
    [-1, false, 'Overdue by 1 day'],
    [0, false, 'Due today'],
    [3, false, 'Due in 3 days'],
    [-5, true, 'Done'],
  ])('%s days left (done %s) reads %s', (days, done, text) => {
    expect(actionDueText(days, done)).toBe(text);
  });
});
