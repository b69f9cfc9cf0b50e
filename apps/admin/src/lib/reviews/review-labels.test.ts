import { describe, expect, it } from 'vitest';
import {
  changeText,
  formatKappa,
  isSmallSample,
  kappaReading,
  reviewFiltersOf,
  reviewSearchOf,
  spreadText,
  valueText,
} from './review-labels';

const ID = '0b0e7c9e-4c7a-4f0a-9a43-3f1d2b7e8a10';

describe('review figures in words', () => {
  it.each([
    [-0.2, 'less agreement than chance'],
    [0, 'poor agreement'],
    [0.39, 'poor agreement'],
    [0.4, 'moderate agreement'],
    [0.59, 'moderate agreement'],
    [0.6, 'substantial agreement'],
    [0.8, 'almost perfect agreement'],
    [1, 'almost perfect agreement'],
  ])('kappa %s reads "%s"', (kappa, words) => {
    expect(kappaReading(kappa)).toBe(words);
  });

  it.each([
    [null, '—'],
    [0.5, '0.50'],
    [-0.125, '−0.13'],
  ])('kappa %s shows as %s', (kappa, text) => {
    expect(formatKappa(kappa)).toBe(text);
  });

  it.each([
    [4.25, 80, '↑ 4.3', 'up 4.3 points'],
    [-3, 90, '↓ 3', 'down 3 points'],
    [0.01, 90, 'no change', 'no change'],
    [null, null, 'no earlier quarter', 'no earlier quarter'],
    [null, 70, 'not scored yet', 'not scored this quarter'],
  ])('change %s from %s → %s', (change, previous, text, words) => {
    expect(changeText(change, previous)).toMatchObject({ text, words });
  });

  it('marks fewer than five reviews as a small sample', () => {
    expect([0, 4, 5, 12].map(isSmallSample)).toEqual([true, true, false, false]);
  });

  it.each([
    [null, 'not scored'],
    [{ min: 0.5, max: 1, sd: 0.25, n: 2 }, '50–100 (sd 25, n = 2)'],
    [{ min: 1, max: 1, sd: 0, n: 3 }, '100 (sd 0, n = 3)'],
  ])('spread %j → %s', (spread, text) => {
    expect(spreadText(spread)).toBe(text);
  });

  it('says stored answers in words', () => {
    expect(['pass', 'fail', 'na', '4', undefined].map(valueText)).toEqual(['Pass', 'Fail', 'N/A', '4', '—']);
  });
});

describe('review list filters in the address', () => {
  it('reads valid filters and drops the rest', () => {
    expect(reviewFiltersOf(new URLSearchParams(`cycle=${ID}&agent=nope&status=draft`))).toEqual({
      cycleId: ID,
      agentId: '',
      status: 'draft',
    });
    expect(reviewFiltersOf(new URLSearchParams('status=signed'))).toEqual({
      cycleId: '',
      agentId: '',
      status: '',
    });
  });

  it('writes them back so that reading gives the same filters', () => {
    const filters = { cycleId: ID, agentId: ID, status: 'submitted' as const };
    const search = reviewSearchOf(filters);
    expect(search).toBe(`?cycle=${ID}&agent=${ID}&status=submitted`);
    expect(reviewFiltersOf(new URLSearchParams(search.slice(1)))).toEqual(filters);
    expect(reviewSearchOf({ cycleId: '', agentId: '', status: '' })).toBe('');
  });
});
