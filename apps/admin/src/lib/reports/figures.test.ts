import type {
  BreakdownRow,
  Drivers,
  KeyResultView,
  ObjectiveView,
  QualityByTeam,
  Reasons,
  ReviewCsat,
  Tile,
  Trend,
} from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  breakdownTable,
  correlationText,
  csatTrendTable,
  driversSummary,
  driversTable,
  formatInterval,
  formatValue,
  npsTrendTable,
  paretoSummary,
  paretoTable,
  qualitySummary,
  qualityTable,
  quartersBetween,
  readChange,
  reviewCsatTable,
  targetLabel,
  targetLines,
  trendSummary,
  vitalFew,
  volumeTable,
  withTargets,
  wrapLabel,
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

const PERIOD = { from: '2026-11-04', to: '2026-11-22', timeZone: 'UTC' };

describe('NPS trend and OKR targets', () => {
  const nps: Trend = {
    metric: 'nps',
    unit: 'month',
    valueUnit: 'points',
    period: { from: '2026-09-20', to: '2026-10-10', timeZone: 'UTC' },
    points: [
      { key: '2026-09', from: '2026-09-20', to: '2026-09-30', value: -12.345, n: 80, ci95: [-30.06, 5.56] },
      { key: '2026-10', from: '2026-10-01', to: '2026-10-10', value: null, n: 0, ci95: null },
    ],
  };

  const kr = (over: Partial<KeyResultView>): KeyResultView => ({
    id: 'kr',
    objectiveId: 'o',
    position: 0,
    title: 'CSAT ≥ 92%',
    kind: 'metric',
    metric: 'csat',
    unit: 'percent',
    baseline: 88,
    target: 92,
    direction: 'increase',
    current: { value: 90, n: 100 },
    progress: 0.5,
    status: 'on_track',
    latestCheckIn: null,
    ...over,
  });
  const objective = (over: Partial<ObjectiveView>): ObjectiveView => ({
    id: 'o',
    quarter: '2026-Q4',
    teamId: null,
    teamName: null,
    title: 'Happy customers',
    description: null,
    owner: null,
    period: { from: '2026-10-01', to: '2026-12-31', measuredTo: '2026-11-15' },
    progress: 0.5,
    status: 'on_track',
    keyResults: [],
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-01T00:00:00Z',
    ...over,
  });

  it('rounds the NPS trend to a tenth, negative values and empty periods included', () => {
    expect(npsTrendTable(nps).rows).toEqual([
      ['2026-09', '2026-09-20', '2026-09-30', -12.3, -30.1, 5.6, 80],
      ['2026-10', '2026-10-01', '2026-10-10', null, null, null, 0],
    ]);
  });

  it('lists the quarters a period touches', () => {
    expect(quartersBetween({ from: '2026-09-04', to: '2026-12-02' })).toEqual(['2026-Q3', '2026-Q4']);
    expect(quartersBetween({ from: '2025-12-31', to: '2026-01-01' })).toEqual(['2025-Q4', '2026-Q1']);
    expect(quartersBetween({ from: '2026-05-01', to: '2026-05-31' })).toEqual(['2026-Q2']);
  });

  it('takes the metric key results of objectives in scope whose quarter overlaps the period', () => {
    const objectives = [
      objective({
        id: 'org-q4',
        keyResults: [
          kr({ id: 'second', position: 1, target: 95, title: 'CSAT ≥ 95%' }),
          kr({ id: 'first', position: 0 }),
          kr({ id: 'nps', metric: 'nps', unit: 'points', target: 30 }),
          kr({ id: 'manual', kind: 'manual', metric: null, unit: null }),
        ],
      }),
      objective({ id: 'team', teamId: 't1', teamName: 'Billing', keyResults: [kr({ id: 'team-kr' })] }),
      objective({
        id: 'org-q3',
        quarter: '2026-Q3',
        title: 'Earlier',
        period: { from: '2026-07-01', to: '2026-09-30', measuredTo: '2026-09-30' },
        keyResults: [kr({ id: 'q3', target: 90, direction: 'increase' })],
      }),
      objective({
        id: 'org-q1',
        quarter: '2026-Q1',
        period: { from: '2026-01-01', to: '2026-03-31', measuredTo: '2026-03-31' },
        keyResults: [kr({ id: 'q1' })],
      }),
    ];
    const range = { from: '2026-09-04', to: '2026-12-02' };
    expect(targetLines(objectives, 'csat', null, range).map((l) => l.keyResultId)).toEqual([
      'q3',
      'first',
      'second',
    ]);
    expect(targetLines(objectives, 'nps', null, range).map((l) => [l.keyResultId, l.unit])).toEqual([
      ['nps', 'points'],
    ]);
    expect(targetLines(objectives, 'csat', 't1', range)).toEqual([
      {
        keyResultId: 'team-kr',
        keyResult: 'CSAT ≥ 92%',
        objective: 'Happy customers',
        scope: 'Billing',
        quarter: '2026-Q4',
        from: '2026-10-01',
        to: '2026-12-31',
        target: 92,
        direction: 'increase',
        unit: 'percent',
      },
    ]);
    expect(targetLines(objectives, 'csat', 'other-team', range)).toEqual([]);
  });

  it('names a target and puts it in the periods that overlap its quarter', () => {
    const objectives = [
      objective({
        keyResults: [kr({ target: 92 })],
      }),
      objective({
        id: 'q3',
        quarter: '2026-Q3',
        title: 'Earlier',
        period: { from: '2026-07-01', to: '2026-09-30', measuredTo: '2026-09-30' },
        keyResults: [kr({ id: 'q3', target: 15, metric: 'nps', unit: 'points', direction: 'decrease' })],
      }),
    ];
    const [q4] = targetLines(objectives, 'csat', null, { from: '2026-09-01', to: '2026-12-01' });
    const [q3] = targetLines(objectives, 'nps', null, { from: '2026-09-01', to: '2026-12-01' });
    if (!q4 || !q3) throw new Error('targets missing');
    expect(targetLabel(q4)).toBe('Target ≥ 92.0% (2026-Q4): Happy customers');
    expect(targetLabel(q3)).toBe('Target ≤ 15.0 (2026-Q3): Earlier');
    const table = withTargets(npsTrendTable(nps), [q3, q4]);
    expect(table.columns.slice(7)).toEqual(['Target 2026-Q3: Earlier', 'Target 2026-Q4: Happy customers']);
    expect(table.rows.map((r) => r.slice(7))).toEqual([
      [15, null],
      [null, 92],
    ]);
    // A week across the quarters' boundary carries both.
    const week = withTargets(
      { columns: ['Period', 'From', 'To'], rows: [['2026-W40', '2026-09-28', '2026-10-04']] },
      [q3, q4],
    );
    expect(week.rows[0]).toEqual(['2026-W40', '2026-09-28', '2026-10-04', 15, 92]);
  });
});

describe('Pareto of reasons', () => {
  const reasons: Reasons = {
    period: PERIOD,
    responsesWithReason: 9,
    total: 10,
    rows: [
      { reason: 'took_too_long', label: 'It took too long', count: 5, share: 0.5, cumulativeShare: 0.5 },
      { reason: 'not_solved', label: 'Not solved', count: 3, share: 0.3, cumulativeShare: 0.8 },
      { reason: 'rude', label: 'Rude', count: 2, share: 0.2, cumulativeShare: 1 },
    ],
  };

  it('tabulates count, share and cumulative share in percent, most frequent first', () => {
    expect(paretoTable(reasons)).toEqual({
      columns: ['Reason', 'Code', 'Count', 'Share %', 'Cumulative %'],
      rows: [
        ['It took too long', 'took_too_long', 5, 50, 50],
        ['Not solved', 'not_solved', 3, 30, 80],
        ['Rude', 'rude', 2, 20, 100],
      ],
    });
  });

  it('counts the reasons that make up 80% (floating-point sums included)', () => {
    expect(vitalFew(reasons)).toBe(2);
    const rows = reasons.rows.map((r, i) => ({
      ...r,
      cumulativeShare: [0.5, 0.7999999999999999, 1][i] ?? null,
    }));
    expect(vitalFew({ ...reasons, rows })).toBe(2);
    expect(vitalFew({ ...reasons, rows: [] })).toBe(0);
  });
});

describe('key drivers table', () => {
  it('keeps the API’s order and marks small samples and missing r', () => {
    const drivers: Drivers = {
      period: PERIOD,
      rows: [
        {
          questionId: 'courteous',
          label: 'Courteous',
          r: 0.6234,
          ci95: [0.5011, 0.7222],
          n: 120,
          mean: 4.216,
          smallSample: false,
        },
        {
          questionId: 'solved',
          label: 'Solved',
          r: -0.31,
          ci95: [-0.75, 0.31],
          n: 12,
          mean: 3.5,
          smallSample: true,
        },
        { questionId: 'calm', label: 'Calm', r: null, ci95: null, n: 2, mean: 5, smallSample: true },
      ],
    };
    expect(driversTable(drivers).rows).toEqual([
      ['Courteous', 'courteous', 0.62, 0.5, 0.72, 120, 4.22, ''],
      ['Solved', 'solved', -0.31, -0.75, 0.31, 12, 3.5, 'Small sample (n < 30)'],
      ['Calm', 'calm', null, null, null, 2, 5, 'Too few answers for r'],
    ]);
  });
});

describe('quality and review-CSAT tables', () => {
  it('gives one row per team and quarter', () => {
    const quality: QualityByTeam = {
      period: PERIOD,
      quarters: ['2026-Q3', '2026-Q4'],
      unit: 'points',
      teams: [
        {
          id: 'a',
          name: 'Alpha',
          cells: [
            { quarter: '2026-Q3', auditScore: 86.66666, qualityScore: null, reviews: 0 },
            { quarter: '2026-Q4', auditScore: null, qualityScore: 91.25, reviews: 8 },
          ],
        },
      ],
    };
    expect(qualityTable(quality).rows).toEqual([
      ['Alpha', '2026-Q3', 86.7, null, 0],
      ['Alpha', '2026-Q4', null, 91.3, 8],
    ]);
  });

  it('lists every reviewed agent and says which are not plotted', () => {
    const data: ReviewCsat = {
      period: PERIOD,
      points: [
        { agentId: '1', name: 'Ana', teamId: 't1', reviewScore: 85.04, reviews: 2, csat: 66.666, csatN: 3 },
        { agentId: '2', name: 'Bo', teamId: 't2', reviewScore: 95, reviews: 1, csat: 91.2, csatN: 40 },
        { agentId: '3', name: 'Ed', teamId: null, reviewScore: 50, reviews: 1, csat: null, csatN: 0 },
      ],
      r: 0.5,
      ci95: [0.1, 0.8],
      n: 2,
      smallSample: true,
    };
    expect(reviewCsatTable(data, [{ id: 't1', name: 'Billing' }]).rows).toEqual([
      ['Ana', 'Billing', 85, 2, 66.7, 3, 'CSAT from fewer than 30 answers'],
      // A team the list does not know (yet) stays blank rather than guessed.
      ['Bo', '', 95, 1, 91.2, 40, ''],
      ['Ed', 'No team', 50, 1, null, 0, 'No CSAT answers: not plotted'],
    ]);
  });

  it('says r with its interval and n, or why there is none', () => {
    expect(correlationText({ r: 0.4213, ci95: [0.08, 0.671], n: 31, smallSample: false }, 'agents')).toBe(
      'r = 0.42 (95% interval 0.08 to 0.67), n = 31 agents.',
    );
    expect(correlationText({ r: -0.2, ci95: [-0.9, 0.7], n: 5, smallSample: true }, 'agents')).toBe(
      'r = -0.20 (95% interval -0.90 to 0.70), n = 5 agents. A small sample (fewer than 30 agents): read it with care.',
    );
    expect(correlationText({ r: null, ci95: null, n: 2, smallSample: true }, 'agents')).toBe(
      'No correlation to show: it needs at least 3 agents with both figures and some spread (n = 2).',
    );
  });
});

describe('chart labels and summaries', () => {
  it('wraps long labels at spaces', () => {
    expect(wrapLabel('Confirmed the problem was solved', 16)).toEqual([
      'Confirmed the',
      'problem was',
      'solved',
    ]);
    expect(wrapLabel('Supercalifragilistic word', 5)).toEqual(['Supercalifragilistic', 'word']);
    expect(wrapLabel('', 10)).toEqual(['']);
  });

  it('summarises the Pareto, the drivers and the quality chart in a sentence', () => {
    const reasons: Reasons = {
      period: PERIOD,
      responsesWithReason: 9,
      total: 10,
      rows: [
        { reason: 'slow', label: 'Slow', count: 6, share: 0.6, cumulativeShare: 0.6 },
        { reason: 'rude', label: 'Rude', count: 3, share: 0.3, cumulativeShare: 0.9 },
        { reason: 'other', label: 'Other', count: 1, share: 0.1, cumulativeShare: 1 },
      ],
    };
    expect(paretoSummary(reasons)).toBe(
      'Reasons for dissatisfaction: 10 given in 9 responses. The top 2 (Slow, Rude) make up 80% of them. The Table button shows every value.',
    );
    expect(paretoSummary({ ...reasons, total: 0, responsesWithReason: 0, rows: [] })).toBe(
      'Reasons for dissatisfaction: none given in this period.',
    );
    const row = {
      questionId: 'q',
      label: 'Courteous',
      r: 0.618,
      ci95: null,
      n: 120,
      mean: 4,
      smallSample: false,
    };
    expect(driversSummary({ period: PERIOD, rows: [{ ...row, r: null, label: 'None' }, row] })).toBe(
      'Key drivers: 2 statements; the strongest is Courteous, r = 0.62 (n = 120). The Table button shows every value.',
    );
    expect(driversSummary({ period: PERIOD, rows: [] })).toBe(
      'Key drivers: 0 statements; none has enough answers for a correlation.',
    );
    const quality = { period: PERIOD, unit: 'points' as const, teams: [] };
    expect(qualitySummary({ ...quality, quarters: ['2026-Q3', '2026-Q4'] })).toBe(
      'Audit and quality scores of 0 teams over 2026-Q3 to 2026-Q4. The Table button shows every value.',
    );
    expect(qualitySummary({ ...quality, quarters: ['2026-Q4'] })).toMatch(/over 2026-Q4\./);
  });
});
