import type { BreakdownRow, Tile, Trend } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  breakdownTable,
  csatTrendTable,
  formatInterval,
  formatValue,
  readChange,
  trendSummary,
  volumeTable,
} from './figures';

const previous: Tile['previous'] = { from: '2026-08-01', to: '2026-08-31', value: 80, n: 200 };
const change = (over: Partial<Tile>) =>
  readChange({
    n: 100,
    change: 3.24,
    significant: true,
    smallSample: false,
    unit: 'percent',
    previous,
    ...over,
  });

describe('formatValue and formatInterval', () => {
  it.each([
    [87.345, 'percent', '87.3%'],
    [-12.04, 'points', '-12.0'],
    [5.678, 'score', '5.68'],
    [1.25, 'hours', '1.3 h'],
    [null, 'percent', '—'],
  ] as const)('%s %s → %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it('writes intervals in the unit, or says there is none', () => {
    expect(formatInterval([81.04, 90.2], 'percent')).toBe('81.0–90.2%');
    expect(formatInterval([-3, 10.55], 'points')).toBe('-3.0–10.6');
    expect(formatInterval(null, 'percent')).toBe('no interval');
  });
});

describe('readChange', () => {
  it('colours only a significant change on a sample that is not small', () => {
    expect(change({})).toEqual({ text: 'Up 3.2 points, significant', tone: 'better' });
    expect(change({ change: -3.24 })).toEqual({ text: 'Down 3.2 points, significant', tone: 'worse' });
  });

  it('says a change that is not significant is none, in neutral', () => {
    expect(change({ significant: false })).toEqual({
      text: 'No significant change (up 3.2 points)',
      tone: 'neutral',
    });
  });

  it('never colours a small sample or an untested change', () => {
    expect(change({ smallSample: true }).tone).toBe('neutral');
    expect(change({ significant: null, unit: 'points' })).toEqual({
      text: 'Up 3.2, not tested',
      tone: 'neutral',
    });
  });

  it('explains a missing change', () => {
    expect(change({ n: 0, change: null }).text).toBe('No data in this period');
    expect(change({ change: null, previous: { ...previous, value: null, n: 0 } })).toEqual({
      text: 'No data in the previous period',
      tone: 'neutral',
    });
  });
});

const trend: Trend = {
  metric: 'csat',
  unit: 'week',
  valueUnit: 'percent',
  period: { from: '2026-11-04', to: '2026-11-22', timeZone: 'UTC' },
  points: [
    { key: '2026-W45', from: '2026-11-04', to: '2026-11-08', value: 88.88, n: 40, ci95: [77.04, 95.15] },
    { key: '2026-W46', from: '2026-11-09', to: '2026-11-15', value: null, n: 0, ci95: null },
    { key: '2026-W47', from: '2026-11-16', to: '2026-11-22', value: 80, n: 10, ci95: [49.02, 94.33] },
  ],
};

describe('trend tables', () => {
  it('rounds each plotted figure to a tenth and leaves empty periods empty', () => {
    expect(csatTrendTable(trend).rows).toEqual([
      ['2026-W45', '2026-11-04', '2026-11-08', 88.9, 77, 95.2, 40],
      ['2026-W46', '2026-11-09', '2026-11-15', null, null, null, 0],
      ['2026-W47', '2026-11-16', '2026-11-22', 80, 49, 94.3, 10],
    ]);
    expect(
      volumeTable({
        ...trend,
        metric: 'responses',
        points: trend.points.map((p) => ({ ...p, value: p.n })),
      }).rows.map((r) => r[3]),
    ).toEqual([40, 0, 10]);
  });

  it('summarises a chart in one sentence', () => {
    expect(trendSummary('CSAT', 'week', csatTrendTable(trend), 3, '%')).toBe(
      'CSAT by week, 3 weeks: latest 80% in 2026-W47; lowest 80% in 2026-W47, highest 88.9% in 2026-W45. The Table button shows every value.',
    );
    expect(trendSummary('CSAT', 'day', { columns: [], rows: [] }, 3, '%')).toBe(
      'CSAT by day, 0 days: no data in this period.',
    );
  });
});

describe('breakdownTable', () => {
  const row = (over: Partial<BreakdownRow>): BreakdownRow => ({
    id: 'x',
    name: 'X',
    value: 90,
    n: 100,
    ci95: [84, 94],
    smallSample: false,
    rank: 1,
    ...over,
  });

  it('lists ranked rows by rank, then small samples by n, marked and unranked', () => {
    const table = breakdownTable(
      [
        row({ name: 'Small', n: 5, rank: null, smallSample: true, value: 100, ci95: [56.56, 100] }),
        row({ name: 'Second', rank: 2 }),
        row({ name: null, id: null, n: 12, rank: null, smallSample: true }),
        row({ name: 'First', rank: 1 }),
      ],
      'Team',
      'percent',
    );
    expect(table.rows.map((r) => [r[0], r[1], r[6]])).toEqual([
      [1, 'First', ''],
      [2, 'Second', ''],
      [null, 'No team', 'Small sample (n < 30), not ranked'],
      [null, 'Small', 'Small sample (n < 30), not ranked'],
    ]);
    expect(table.rows[3]?.slice(2, 6)).toEqual([100, 56.6, 100, 5]);
  });
});
