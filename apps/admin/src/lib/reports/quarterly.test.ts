import type { CycleResultsView, Tile, Trend } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  auditTable,
  barsAlt,
  changeWords,
  comparedWith,
  comparisonTable,
  currentQuarter,
  driversTable,
  generatedText,
  happierAnswer,
  isQuarter,
  lastCompleteQuarter,
  paretoTable,
  previousQuarter,
  quarterDates,
  quarterlySearch,
  reportPeriod,
  reportQuarterChoices,
  significanceWords,
  trendAlt,
  trendTable,
  viewFromQuery,
} from './quarterly';

describe('quarter arithmetic', () => {
  it.each([
    // The last complete quarter is the one before the quarter "now" falls in, in the organisation's zone.
    ['2026-12-02T10:00:00Z', 'UTC', '2026-Q3'],
    ['2026-10-01T00:00:00Z', 'UTC', '2026-Q3'],
    ['2026-09-30T23:59:59Z', 'UTC', '2026-Q2'],
    // 31 March 22:30 UTC is already 1 April in Belgrade (UTC+2 in summer time): Q1 has ended there.
    ['2026-03-31T22:30:00Z', 'Europe/Belgrade', '2026-Q1'],
    ['2026-03-31T22:30:00Z', 'UTC', '2025-Q4'],
    // New Year in Auckland comes first; in Los Angeles it is still the old year.
    ['2026-12-31T12:00:00Z', 'Pacific/Auckland', '2026-Q4'],
    ['2027-01-01T05:00:00Z', 'America/Los_Angeles', '2026-Q3'],
    // Across the year: in January the last complete quarter is last year's fourth.
    ['2027-01-15T12:00:00Z', 'UTC', '2026-Q4'],
  ])('at %s in %s the last complete quarter is %s', (instant, zone, expected) => {
    expect(lastCompleteQuarter(new Date(instant), zone)).toBe(expected);
  });

  it('reads the current quarter in the organisation’s zone', () => {
    expect(currentQuarter(new Date('2026-12-31T23:30:00Z'), 'Europe/Belgrade')).toBe('2027-Q1');
    expect(currentQuarter(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe('2026-Q4');
  });

  it.each([
    ['2026-Q4', '2026-Q3'],
    ['2026-Q2', '2026-Q1'],
    ['2026-Q1', '2025-Q4'],
    ['2000-Q1', '1999-Q4'],
  ])('the quarter before %s is %s', (quarter, expected) => {
    expect(previousQuarter(quarter)).toBe(expected);
  });

  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
  ])('%s runs from %s to %s', (quarter, from, to) => {
    expect(quarterDates(quarter)).toEqual({ from, to });
  });

  it('refuses text that is not a quarter', () => {
    expect(() => quarterDates('2026-Q5')).toThrow(RangeError);
    expect(isQuarter('2026-Q4')).toBe(true);
    expect(isQuarter('2026-q4')).toBe(false);
    expect(isQuarter('2026-Q0')).toBe(false);
  });

  it('covers a whole ended quarter, and the quarter in progress up to today', () => {
    expect(reportPeriod('2026-Q3', '2026-12-02')).toEqual({
      quarter: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
      complete: true,
    });
    expect(reportPeriod('2026-Q4', '2026-12-02')).toEqual({
      quarter: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-02',
      complete: false,
    });
    // The last day of a quarter is still in progress; the day after, it has ended.
    expect(reportPeriod('2026-Q4', '2026-12-31').complete).toBe(false);
    expect(reportPeriod('2026-Q4', '2027-01-01').complete).toBe(true);
    expect(() => reportPeriod('2027-Q1', '2026-12-02')).toThrow(RangeError);
  });

  it('offers the current quarter and the eight before, newest first', () => {
    const choices = reportQuarterChoices('2026-Q4');
    expect(choices).toHaveLength(9);
    expect(choices[0]).toBe('2026-Q4');
    expect(choices[1]).toBe('2026-Q3');
    expect(choices.at(-1)).toBe('2024-Q4');
  });
});

describe('the address', () => {
  const team = '0b6f4f5e-8d1a-4c7e-9a51-2f0c3d4e5f60';

  it.each([
    ['quarter=2026-Q2', { quarter: '2026-Q2', team: '' }],
    [`quarter=2026-Q4&team=${team}`, { quarter: '2026-Q4', team }],
    // A quarter that has not started, or is not one, falls back to the default.
    ['quarter=2027-Q1', { quarter: '', team: '' }],
    ['quarter=2026-Q7', { quarter: '', team: '' }],
    ['team=billing', { quarter: '', team: '' }],
    ['', { quarter: '', team: '' }],
  ])('reads %j', (query, expected) => {
    expect(viewFromQuery(new URLSearchParams(query), '2026-Q4')).toEqual(expected);
  });

  it('leaves the default quarter out, so a bookmark keeps meaning the last complete one', () => {
    expect(quarterlySearch({ quarter: '2026-Q3', team: '' }, '2026-Q3')).toBe('');
    expect(quarterlySearch({ quarter: '2026-Q2', team: '' }, '2026-Q3')).toBe('quarter=2026-Q2');
    expect(quarterlySearch({ quarter: '2026-Q2', team }, '2026-Q3')).toBe(`quarter=2026-Q2&team=${team}`);
    expect(quarterlySearch({ quarter: '', team }, '2026-Q3')).toBe(`team=${team}`);
  });

  it('names the clock the generated time was read on', () => {
    expect(generatedText(new Date('2026-12-02T09:05:00Z'), 'Europe/Belgrade', 'en-GB')).toBe(
      '2 December 2026 at 10:05 (Europe/Belgrade)',
    );
    expect(generatedText(new Date('2026-12-31T23:30:00Z'), 'UTC', 'en-GB')).toBe(
      '31 December 2026 at 23:30 (UTC)',
    );
  });
});

const csat: Tile = {
  metric: 'csat',
  value: 87.34,
  n: 1020,
  ci95: [85.2, 89.2],
  unit: 'percent',
  previous: { from: '2026-03-31', to: '2026-06-30', value: 84.12, n: 900 },
  change: 3.22,
  significant: true,
  smallSample: false,
  ignoredFilters: [],
};

describe('the headline comparison', () => {
  it.each([
    [{}, 'Significant at 95%'],
    [{ significant: false }, 'Not significant: within chance'],
    [{ significant: true, smallSample: true }, 'Significant, but on a small sample'],
    [{ significant: null }, 'No test for this figure'],
    [{ n: 0, value: null, change: null, significant: null }, 'No data this quarter'],
    [
      { change: null, significant: null, previous: { ...csat.previous, n: 0, value: null } },
      'No data to compare with',
    ],
  ] as [Partial<Tile>, string][])('%j reads %s', (patch, expected) => {
    expect(significanceWords({ ...csat, ...patch })).toBe(expected);
  });

  it.each([
    [3.22, 'percent', '+3.2 points'],
    [-0.44, 'percent', '−0.4 points'],
    [0.04, 'percent', 'Unchanged'],
    [-12, 'points', '−12.0'],
    [0.256, 'score', '+0.26'],
    [1.5, 'hours', '+1.5 h'],
    [null, 'percent', '—'],
  ] as const)('a change of %s (%s) reads %s', (change, unit, expected) => {
    expect(changeWords({ change, unit })).toBe(expected);
  });

  it('lays each tile out as a row with its previous period', () => {
    const table = comparisonTable([csat]);
    expect(table.columns).toEqual([
      'Figure',
      'This quarter',
      'n',
      '95% interval',
      'Before',
      'n before',
      'Change',
      'Significance',
    ]);
    expect(table.rows).toEqual([
      ['CSAT', '87.3%', 1020, '85.2–89.2%', '84.1%', 900, '+3.2 points', 'Significant at 95%'],
    ]);
  });

  it.each([
    [{}, 'Yes: CSAT rose from 84.1% to 87.3%, a significant change (n = 1,020).'],
    [{ value: 80.5, change: -3.62 }, 'No: CSAT fell from 84.1% to 80.5%, a significant change (n = 1,020).'],
    [
      { significant: false },
      'No clear change: CSAT is 87.3% against 84.1%; the difference is within chance (n = 1,020).',
    ],
    [
      { n: 12, smallSample: true },
      'Too few answers to tell: CSAT is 87.3% against 84.1%, on only 12 answers.',
    ],
    [
      { change: null, significant: null, previous: { ...csat.previous, n: 0, value: null } },
      'Not known: CSAT is 87.3% (n = 1,020), with no answers in the period before to compare.',
    ],
    [{ n: 0, value: null }, 'Not known: no customer answered a survey this quarter.'],
  ] as [Partial<Tile>, string][])('answers "are customers happier?" for %j', (patch, expected) => {
    expect(happierAnswer({ ...csat, ...patch }, 'en-GB')).toBe(expected);
  });

  it('says so when there is no CSAT figure at all', () => {
    expect(happierAnswer(undefined)).toBe('Not known: no customer answered a survey this quarter.');
  });
});

describe('the tables behind the charts', () => {
  it('rounds a weekly trend to a tenth and keeps empty weeks empty', () => {
    const trend: Trend = {
      metric: 'nps',
      unit: 'week',
      valueUnit: 'points',
      period: { from: '2026-07-01', to: '2026-09-30', timeZone: 'UTC' },
      points: [
        { key: '2026-W27', from: '2026-07-01', to: '2026-07-05', value: 41.666, n: 60, ci95: [28.04, 55.29] },
        { key: '2026-W28', from: '2026-07-06', to: '2026-07-12', value: null, n: 0, ci95: null },
      ],
    };
    expect(trendTable(trend, 'NPS')).toEqual({
      columns: ['Week', 'From', 'To', 'NPS', 'Lower 95%', 'Upper 95%', 'n'],
      rows: [
        ['2026-W27', '2026-07-01', '2026-07-05', 41.7, 28, 55.3, 60],
        ['2026-W28', '2026-07-06', '2026-07-12', null, null, null, 0],
      ],
    });
  });

  it('gives the Pareto its shares in percent', () => {
    expect(
      paretoTable([
        { reason: 'took_too_long', label: 'It took too long', count: 30, share: 0.6, cumulativeShare: 0.6 },
        { reason: 'not_solved', label: 'Not solved', count: 20, share: 0.4, cumulativeShare: 1 },
      ]).rows,
    ).toEqual([
      ['It took too long', 'took_too_long', 30, 60, 60],
      ['Not solved', 'not_solved', 20, 40, 100],
    ]);
  });

  it('gives the drivers r to two decimals and notes small samples', () => {
    expect(
      driversTable([
        {
          questionId: 'courteous',
          label: 'The agent was courteous',
          r: 0.6234,
          ci95: [0.5012, 0.7199],
          n: 240,
          mean: 4.216,
          smallSample: false,
        },
        {
          questionId: 'callback',
          label: 'We called back',
          r: null,
          ci95: null,
          n: 2,
          mean: 3,
          smallSample: true,
        },
      ]).rows,
    ).toEqual([
      ['The agent was courteous', 0.62, 0.5, 0.72, 4.22, 240, ''],
      ['We called back', null, null, null, 3, 2, 'Small sample'],
    ]);
  });

  it('names each team’s weakest section beside its audit score', () => {
    const results: CycleResultsView = {
      cycleId: 'c',
      quarter: '2026-Q3',
      teams: [
        {
          team: { id: 't1', name: 'Billing' },
          audit: { id: 'a1', status: 'signed', score: 78.26, passed: true },
          sections: [
            { id: 's1', title: 'Contact', score: 90, previous: null, change: null },
            { id: 's2', title: 'Knowledge', score: 55.5, previous: 60, change: -4.5 },
            { id: 's3', title: 'Goals', score: null, previous: null, change: null },
          ],
          previousQuarter: '2026-Q2',
          agents: [],
        },
        {
          team: { id: 't2', name: 'Onboarding' },
          audit: { id: 'a2', status: 'draft', score: null, passed: null },
          sections: [],
          previousQuarter: '2026-Q2',
          agents: [],
        },
      ],
    };
    expect(auditTable(results).rows).toEqual([
      ['Billing', 78.3, 'Passed', 'Signed off', 'Knowledge (55.5)'],
      ['Onboarding', null, 'Not scored', 'In progress', '—'],
    ]);
  });
});

describe('the words around the figures', () => {
  it('names the previous quarter when the API compared exactly with it', () => {
    expect(
      comparedWith(
        { quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31', complete: true },
        { from: '2026-07-01', to: '2026-09-30' },
        'en-US',
      ),
    ).toBe('Compared with the previous quarter, Q3 2026: Jul 1, 2026 – Sep 30, 2026.');
  });

  it('says which days were read when the quarters differ in length', () => {
    // Q3 has 92 days, Q2 91: the 92 days before Q3 start on the last day of Q1.
    expect(
      comparedWith(
        { quarter: '2026-Q3', from: '2026-07-01', to: '2026-09-30', complete: true },
        { from: '2026-03-31', to: '2026-06-30' },
        'en-US',
      ),
    ).toBe(
      'Compared with the 92 days just before the quarter, Mar 31, 2026 – Jun 30, 2026: the previous quarter, ' +
        'Q2 2026, evened out to the same number of days.',
    );
    expect(
      comparedWith(
        { quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-02', complete: false },
        { from: '2026-07-30', to: '2026-09-30' },
        'en-US',
      ),
    ).toBe(
      'Compared with the 63 days just before, Jul 30, 2026 – Sep 30, 2026: the same length as this quarter so far.',
    );
  });

  const weeks = {
    columns: ['Week', 'From', 'To', 'CSAT %', 'Lower 95%', 'Upper 95%', 'n'],
    rows: [
      ['2026-W27', '2026-07-01', '2026-07-05', 84.2, 80, 88, 90],
      ['2026-W28', '2026-07-06', '2026-07-12', 91, 88, 93, 120],
      ['2026-W29', '2026-07-13', '2026-07-19', null, null, null, 0],
    ],
  };

  it('sums a trend up for a screen reader', () => {
    expect(trendAlt('CSAT', weeks, '%')).toBe(
      'CSAT by week, 3 weeks: latest 91% in 2026-W28; lowest 84.2% in 2026-W27, highest 91% in 2026-W28. ' +
        'The table lists every week.',
    );
    expect(trendAlt('NPS', { ...weeks, rows: [weeks.rows[2]!] }, '')).toBe(
      'NPS by week, 1 week: no answers in this quarter.',
    );
  });

  it('sums bars up by their highest and lowest', () => {
    const audits = {
      columns: ['Team', 'Score'],
      rows: [
        ['Billing', 91.2],
        ['Onboarding', 64],
        ['Payments', null],
        ['Support', 80],
      ],
    };
    expect(barsAlt('Audit score by team', audits, 0, 1, '')).toBe(
      'Audit score by team, 3 bars: highest Billing 91.2, lowest Onboarding 64. The table lists every value.',
    );
    expect(barsAlt('Audit score by team', { ...audits, rows: [] }, 0, 1, '')).toBe(
      'Audit score by team, 0 bars: nothing to show.',
    );
  });
});
