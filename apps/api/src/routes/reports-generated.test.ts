import type {
  Breakdown,
  BreakdownRow,
  Drivers,
  MetricValue,
  Reasons,
  Summary,
  Tile,
  Tiles,
  Trend,
} from '@rapport/contracts';
import {
  agents,
  dailyDriverRollups,
  dailyReasonRollups,
  dailyRollups,
  dailyTeamRollups,
  followUps,
  seedDemoData,
  teams,
  ticketDurationRollups,
} from '@rapport/db';
import {
  ces,
  durationBucket,
  fisherInterval,
  keyDrivers,
  lowSample,
  nps,
  npsDifferenceTest,
  pareto,
  periodKey,
  twoProportionTest,
  wilsonInterval,
  type Interval,
} from '@rapport/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue } from '../services/metric-values';
import { createTestContext, type TestContext } from '../testing/harness';
import { driveLiveActivity, type LiveActivity } from '../testing/live-activity';
import {
  countResponse,
  driverPairs,
  expectedDailyRollups,
  expectedDriverRollups,
  expectedDurationRollups,
  expectedReasonRollups,
  expectedTeamRollups,
  latestLabels,
  loadRaw,
  rowDifferences,
  zeroCounts,
  type Counts,
  type RawData,
  type RawResponse,
} from '../testing/raw-reports';

/**
 * Rollup consistency on generated data: a demo data set seeded by the generator, then the real live
 * paths on top (new tickets and emails, one-click answers and full forms, edits within the window,
 * scanners and fast clicks, staff bot decisions, ticket events moving times and teams — see
 * testing/live-activity.ts). Every rollup table must equal a recount of the raw rows exactly, and the
 * report endpoints must give what the raw rows give when passed through @rapport/scoring, for
 * several periods, filters and units. The expectations never touch a rollup or a report service.
 */

const SEEDED_UNTIL = new Date('2026-11-28T12:00:00Z');
const NOW = new Date('2026-11-30T12:00:00Z');

let t: TestContext;
let raw: RawData;
let live: LiveActivity;
let names: Map<string, string>;
let ids: { team: string; otherTeam: string; agent: string };
let demoChatSurveyId: string;

beforeAll(async () => {
  t = await createTestContext();
  const seeded = await seedDemoData(t.db, { tickets: 2400, months: 4, seed: 20261130, now: SEEDED_UNTIL });
  // The live activity sets up its own service-principles survey for chat and web; the demo's chat
  // survey, older, would take its chat tickets (the oldest survey naming a channel wins). Archived
  // first, as a manager replacing it would: its seeded answers stay in the data and the rollups.
  if (!seeded.chatSurveyId) throw new Error('the demo made no chat survey');
  demoChatSurveyId = seeded.chatSurveyId;
  const archived = await t.request('POST', `/api/v1/surveys/${demoChatSurveyId}/archive`, { as: 'manager' });
  if (archived.status !== 200) throw new Error(`archiving the demo chat survey: ${archived.status}`);
  live = await driveLiveActivity(t, { seed: 7, seededUntil: SEEDED_UNTIL, now: NOW });
  raw = await loadRaw(t.db);
  const teamRows = await t.db.select({ id: teams.id, name: teams.name }).from(teams);
  const agentRows = await t.db.select({ id: agents.id, name: agents.name }).from(agents);
  names = new Map([...teamRows, ...agentRows].map((r) => [r.id, r.name]));
  // The busiest agent and two teams, so filtered figures have something to show.
  const byAgent = new Map<string, number>();
  for (const r of raw.responses) if (r.agentId) byAgent.set(r.agentId, (byAgent.get(r.agentId) ?? 0) + 1);
  const agent = [...byAgent].sort((a, b) => b[1] - a[1])[0]?.[0];
  const sortedTeams = teamRows.map((r) => r.id).sort();
  if (!agent || sortedTeams.length < 2) throw new Error('the generated data has no agents or teams');
  ids = { team: sortedTeams[0] as string, otherTeam: sortedTeams[1] as string, agent };
}, 180_000);
afterAll(() => t?.close());

// ---- periods and filters ------------------------------------------------------------------------------

interface Period {
  from: string;
  to: string;
}
const PERIODS: Record<string, Period> = {
  'the whole data set': { from: '2026-07-28', to: '2026-11-30' },
  'November (live activity)': { from: '2026-11-01', to: '2026-11-30' },
  'the last two weeks': { from: '2026-11-17', to: '2026-11-30' },
  'one day': { from: '2026-11-29', to: '2026-11-29' },
  'September to October': { from: '2026-09-10', to: '2026-10-20' },
};

type ScopeName = 'all' | 'team' | 'agent' | 'channel' | 'survey' | 'team and channel';
interface Scope {
  teamId?: string;
  agentId?: string;
  channel?: string;
  surveyId?: string;
}
function scopeOf(name: ScopeName): Scope {
  switch (name) {
    case 'all':
      return {};
    case 'team':
      return { teamId: ids.team };
    case 'agent':
      return { agentId: ids.agent };
    case 'channel':
      return { channel: 'chat' };
    case 'survey':
      return { surveyId: live.surveys.principles };
    case 'team and channel':
      return { teamId: ids.otherTeam, channel: 'email' };
  }
}
const query = (p: Period, s: Scope, extra: Record<string, string> = {}) =>
  new URLSearchParams({ from: p.from, to: p.to, ...(s as Record<string, string>), ...extra }).toString();

type Keyed = {
  day: string;
  surveyId: string;
  teamId: string | null;
  agentId: string | null;
  channel: string;
};
const inScope = (x: Keyed, p: Period, s: Scope) =>
  x.day >= p.from &&
  x.day <= p.to &&
  (s.teamId === undefined || x.teamId === s.teamId) &&
  (s.agentId === undefined || x.agentId === s.agentId) &&
  (s.channel === undefined || x.channel === s.channel) &&
  (s.surveyId === undefined || x.surveyId === s.surveyId);

/** The counts of a period and filter (and `also`, when given), straight from the raw responses and sends. */
function rawCounts(p: Period, s: Scope, also: (x: Keyed) => boolean = () => true): Counts {
  const c = zeroCounts();
  for (const x of raw.sends) if (inScope(x, p, s) && also(x)) c.sent += 1;
  for (const r of raw.responses) if (inScope(r, p, s) && also(r)) countResponse(c, r);
  return c;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
function previousOf(p: Period): Period {
  const days = dayNumber(p.to) - dayNumber(p.from) + 1;
  return { from: dayOf(dayNumber(p.from) - days), to: dayOf(dayNumber(p.from) - 1) };
}

// ---- the metrics, from counts, through @rapport/scoring --------------------------------------------------

interface Figure {
  value: number | null;
  n: number;
  ci95: Interval | null;
}
const percentOf = (successes: number, n: number): Figure =>
  n === 0
    ? { value: null, n: 0, ci95: null }
    : {
        value: (100 * successes) / n,
        n,
        ci95: wilsonInterval(successes, n).map((b) => 100 * b) as Interval,
      };
const csatSatisfied = (c: Counts) => c.csat4 + c.csat5;
const csatN = (c: Counts) => c.csat1 + c.csat2 + c.csat3 + c.csat4 + c.csat5;
const npsCountsOf = (c: Counts) => ({
  promoters: c.npsPromoters,
  passives: c.npsPassives,
  detractors: c.npsDetractors,
});
const cesDistribution = (c: Counts) => [c.ces1, c.ces2, c.ces3, c.ces4, c.ces5, c.ces6, c.ces7];

type RateMetric = 'csat' | 'nps' | 'ces' | 'resolution_rate' | 'response_rate';
function figureOf(c: Counts, metric: RateMetric): Figure {
  switch (metric) {
    case 'csat':
      return percentOf(csatSatisfied(c), csatN(c));
    case 'resolution_rate':
      return percentOf(c.resolvedYes, c.resolvedYes + c.resolvedNo);
    case 'response_rate':
      return percentOf(Math.min(c.responses, c.sent), c.sent);
    case 'nps': {
      const r = nps(npsCountsOf(c));
      return { value: r.score, n: r.n, ci95: r.ci95 };
    }
    case 'ces': {
      const r = ces(cesDistribution(c));
      return { value: r.mean, n: r.n, ci95: r.ci95 };
    }
  }
}
function significanceOf(a: Counts, b: Counts, metric: RateMetric): boolean | null {
  switch (metric) {
    case 'csat':
      return twoProportionTest(
        { successes: csatSatisfied(a), n: csatN(a) },
        { successes: csatSatisfied(b), n: csatN(b) },
      ).significant;
    case 'resolution_rate':
      return twoProportionTest(
        { successes: a.resolvedYes, n: a.resolvedYes + a.resolvedNo },
        { successes: b.resolvedYes, n: b.resolvedYes + b.resolvedNo },
      ).significant;
    case 'response_rate':
      return twoProportionTest(
        { successes: Math.min(a.responses, a.sent), n: a.sent },
        { successes: Math.min(b.responses, b.sent), n: b.sent },
      ).significant;
    case 'nps':
      return npsDifferenceTest(npsCountsOf(a), npsCountsOf(b)).significant;
    case 'ces':
      return null;
  }
}

const close = (a: number | null | undefined, b: number | null, what: string) => {
  if (b === null) expect(a, what).toBeNull();
  else {
    expect(a, what).not.toBeNull();
    expect(a, what).toBeCloseTo(b, 9);
  }
};
function expectFigure(actual: Partial<Figure> | undefined, want: Figure, what: string) {
  expect(actual, what).toBeDefined();
  expect(actual?.n, `${what}: n`).toBe(want.n);
  close(actual?.value, want.value, `${what}: value`);
  if (want.ci95 === null) expect(actual?.ci95, `${what}: ci95`).toBeNull();
  else {
    close(actual?.ci95?.[0], want.ci95[0], `${what}: ci95 lower`);
    close(actual?.ci95?.[1], want.ci95[1], `${what}: ci95 upper`);
  }
}

async function get<T>(path: string, as: 'viewer' | { key: string } = 'viewer'): Promise<T> {
  const res =
    as === 'viewer'
      ? await t.request<T>('GET', path, { as: 'viewer' })
      : await t.request<T>('GET', path, { headers: { authorization: `Bearer ${as.key}` } });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

// ---- the data itself ----------------------------------------------------------------------------------

describe('the generated data', () => {
  it('went through every live path it is meant to exercise', () => {
    const c = live.counts;
    for (const path of [
      'one-click then form',
      'edited',
      'scanner',
      'scanner then person',
      'fast click cleared by the form',
      'late edit refused',
      'staff counted a flagged response',
      'staff marked a bot',
      'staff counted it again',
      'edited after a staff decision',
      'customer erased',
      'principles version 2 published',
      'event: first response moved',
      'event: opened earlier',
      'event: team changed',
      'event: reopened',
      'event: resolved again',
      'send sent',
    ])
      expect(c[path] ?? 0, path).toBeGreaterThan(0);
    expect(raw.responses.length).toBeGreaterThan(500);
    const principles = raw.responses.filter((r) => r.surveyId === live.surveys.principles && r.counted);
    expect(principles.length).toBeGreaterThan(40);
    expect(raw.responses.some((r) => r.surveyId === live.surveys.nps && r.counted)).toBe(true);
    expect(raw.responses.some((r) => r.surveyId === live.surveys.ces && r.counted)).toBe(true);
    expect(raw.responses.filter((r) => !r.counted).length).toBeGreaterThan(10);
  });

  it('counts a response exactly when no bot is suspected, unless staff decided otherwise', () => {
    const wrong = raw.responses.filter((r) => !r.decidedByStaff && r.counted === r.suspectedBot);
    expect(wrong.map((r) => ({ id: r.id, counted: r.counted, suspectedBot: r.suspectedBot }))).toEqual([]);
    // Staff decisions went both ways.
    expect(raw.responses.some((r) => r.decidedByStaff && r.counted && r.suspectedBot)).toBe(true);
    expect(raw.responses.some((r) => r.decidedByStaff && !r.counted && !r.suspectedBot)).toBe(true);
  });

  it('keeps every response on the organisation-local day of its first answer', () => {
    const moved = raw.responses.filter((r) => r.day !== r.submittedDay);
    expect(moved.map((r) => ({ id: r.id, rollupDay: r.day, firstAnswerDay: r.submittedDay }))).toEqual([]);
  });
});

// ---- the rollup tables ------------------------------------------------------------------------------------

describe('rollup tables equal a recount of the raw rows', () => {
  const KEY = ['day', 'surveyId', 'teamId', 'agentId', 'channel'] as const;

  it('daily_rollups', async () => {
    const actual = await t.db.select().from(dailyRollups);
    expect(rowDifferences(expectedDailyRollups(raw), actual, KEY)).toEqual([]);
  });

  it('daily_team_rollups (kept by the trigger)', async () => {
    const actual = await t.db.select().from(dailyTeamRollups);
    expect(
      rowDifferences(expectedTeamRollups(raw), actual, ['day', 'surveyId', 'teamId', 'channel']),
    ).toEqual([]);
  });

  it('daily_reason_rollups', async () => {
    const expected = expectedReasonRollups(raw);
    expect(expected.length).toBeGreaterThan(50);
    const actual = await t.db.select().from(dailyReasonRollups);
    expect(rowDifferences(expected, actual, [...KEY, 'reason'])).toEqual([]);
  });

  it('daily_driver_rollups', async () => {
    const expected = expectedDriverRollups(raw);
    expect(expected.length).toBeGreaterThan(50);
    // The demo's chat survey has key drivers and NPS of its own, before any live answer.
    expect(expected.filter((r) => r.surveyId === demoChatSurveyId).length).toBeGreaterThan(50);
    expect(expectedDailyRollups(raw).some((r) => r.surveyId === demoChatSurveyId && r.npsPromoters > 0)).toBe(
      true,
    );
    const actual = await t.db.select().from(dailyDriverRollups);
    expect(rowDifferences(expected, actual, ['day', 'surveyId', 'teamId', 'questionId'])).toEqual([]);
  });

  it('ticket_duration_rollups', async () => {
    const expected = expectedDurationRollups(raw, (minutes) => durationBucket(minutes).lower);
    expect(expected.length).toBeGreaterThan(500);
    const actual = await t.db.select().from(ticketDurationRollups);
    expect(rowDifferences(expected, actual, ['measure', 'day', 'teamId', 'bucket'])).toEqual([]);
  });
});

// ---- the endpoints --------------------------------------------------------------------------------------

const TILE_CASES: [string, ScopeName][] = [
  ['the whole data set', 'all'],
  ['November (live activity)', 'all'],
  ['November (live activity)', 'team'],
  ['November (live activity)', 'agent'],
  ['the last two weeks', 'channel'],
  ['the last two weeks', 'survey'],
  ['one day', 'all'],
  ['September to October', 'team and channel'],
];

describe('GET /api/v1/reports/tiles', () => {
  it.each(TILE_CASES)(
    '%s, filter %s: each survey tile as the raw rows give it',
    async (periodName, scopeName) => {
      const p = PERIODS[periodName] as Period;
      const s = scopeOf(scopeName);
      const body = await get<Tiles>(`/api/v1/reports/tiles?${query(p, s)}`);
      const before = previousOf(p);
      const now = rawCounts(p, s);
      const then = rawCounts(before, s);
      for (const metric of ['csat', 'nps', 'ces', 'resolution_rate', 'response_rate'] as const) {
        const tile = body.tiles.find((x: Tile) => x.metric === metric);
        const want = figureOf(now, metric);
        const previous = figureOf(then, metric);
        expectFigure(tile, want, metric);
        expect(tile?.previous).toMatchObject({ ...before, n: previous.n });
        close(tile?.previous.value, previous.value, `${metric}: previous value`);
        close(
          tile?.change,
          want.value !== null && previous.value !== null ? want.value - previous.value : null,
          `${metric}: change`,
        );
        expect(tile?.significant, `${metric}: significant`).toBe(
          want.n > 0 && previous.n > 0 ? significanceOf(now, then, metric) : null,
        );
        expect(tile?.smallSample).toBe(lowSample(want.n));
        expect(tile?.ignoredFilters).toEqual([]);
      }
      const ignored = (['agentId', 'channel', 'surveyId'] as const).filter((f) => s[f] !== undefined);
      expect(body.tiles.find((x) => x.metric === 'follow_ups_in_time')?.ignoredFilters).toEqual(ignored);
    },
  );
});

describe('GET /api/v1/reports/trend', () => {
  const CASES: [string, 'day' | 'week' | 'month' | 'quarter', ScopeName][] = [
    ['the whole data set', 'week', 'all'],
    ['the whole data set', 'month', 'team'],
    ['the whole data set', 'quarter', 'channel'],
    ['November (live activity)', 'day', 'all'],
    ['November (live activity)', 'week', 'survey'],
    ['the last two weeks', 'day', 'agent'],
    ['September to October', 'month', 'all'],
  ];
  it.each(CASES)(
    '%s by %s, filter %s: csat, nps and responses per period',
    async (periodName, unit, scopeName) => {
      const p = PERIODS[periodName] as Period;
      const s = scopeOf(scopeName);
      const keyOf = (day: string) => periodKey(new Date(`${day}T12:00:00Z`), unit, 'UTC');
      // Every period the dates touch, with its first and last date inside the range.
      const periods = new Map<string, Period>();
      for (let d = dayNumber(p.from); d <= dayNumber(p.to); d++) {
        const day = dayOf(d);
        const k = keyOf(day);
        const known = periods.get(k);
        periods.set(k, { from: known?.from ?? day, to: day });
      }
      for (const metric of ['csat', 'nps', 'responses'] as const) {
        const body = await get<Trend>(`/api/v1/reports/trend?${query(p, s, { metric, unit })}`);
        expect(
          body.points.map((x) => x.key),
          metric,
        ).toEqual([...periods.keys()]);
        for (const point of body.points) {
          const range = periods.get(point.key) as Period;
          expect({ from: point.from, to: point.to }).toEqual(range);
          const c = rawCounts(range, s);
          if (metric === 'responses')
            expect(point, point.key).toMatchObject({ value: c.responses, n: c.responses, ci95: null });
          else expectFigure(point, figureOf(c, metric), `${metric} ${point.key}`);
        }
      }
    },
  );
});

describe('GET /api/v1/reports/breakdown', () => {
  const CASES: [string, 'team' | 'agent' | 'channel', RateMetric, ScopeName][] = [
    ['the whole data set', 'team', 'csat', 'all'],
    ['the whole data set', 'agent', 'csat', 'all'],
    ['the whole data set', 'channel', 'resolution_rate', 'all'],
    ['November (live activity)', 'agent', 'response_rate', 'team'],
    ['November (live activity)', 'channel', 'csat', 'all'],
    ['the last two weeks', 'team', 'nps', 'all'],
    ['September to October', 'agent', 'csat', 'channel'],
  ];
  it.each(CASES)(
    '%s by %s, %s, filter %s: every group, ranked by the lower bound',
    async (periodName, by, metric, scopeName) => {
      const p = PERIODS[periodName] as Period;
      const s = scopeOf(scopeName);
      const body = await get<Breakdown>(`/api/v1/reports/breakdown?${query(p, s, { by, metric })}`);
      const idOf = (x: Keyed) => (by === 'team' ? x.teamId : by === 'agent' ? x.agentId : x.channel);
      const groups = new Set<string | null>();
      for (const x of [...raw.responses, ...raw.sends]) if (inScope(x, p, s)) groups.add(idOf(x));
      const rows: BreakdownRow[] = [];
      for (const id of groups) {
        const figure = figureOf(
          rawCounts(p, s, (x) => idOf(x) === id),
          metric,
        );
        if (figure.n === 0) continue;
        const name = id === null ? null : by === 'channel' ? id : (names.get(id) ?? null);
        rows.push({ id, name, ...figure, smallSample: lowSample(figure.n), rank: null });
      }
      // Namesakes (two agents called the same) by id.
      const byName = (a: BreakdownRow, b: BreakdownRow) =>
        a.name === b.name
          ? (a.id ?? '').localeCompare(b.id ?? '')
          : a.name === null
            ? 1
            : b.name === null
              ? -1
              : a.name.localeCompare(b.name);
      const ranked = rows
        .filter((r) => !r.smallSample)
        .sort((a, b) => (b.ci95?.[0] ?? -Infinity) - (a.ci95?.[0] ?? -Infinity) || b.n - a.n || byName(a, b))
        .map((r, i) => ({ ...r, rank: i + 1 }));
      const small = rows.filter((r) => r.smallSample).sort(byName);
      const want = [...ranked, ...small];
      expect(body.rows.map((r) => [r.id, r.name, r.rank, r.smallSample])).toEqual(
        want.map((r) => [r.id, r.name, r.rank, r.smallSample]),
      );
      body.rows.forEach((row, i) => expectFigure(row, want[i] as Figure, `${by} ${row.name}`));
      if (periodName === 'the whole data set' && by !== 'channel') expect(ranked.length).toBeGreaterThan(1);
    },
  );
});

describe('GET /api/v1/reports/summary', () => {
  const CASES: [string, ScopeName][] = [
    ['the whole data set', 'all'],
    ['November (live activity)', 'team'],
    ['the last two weeks', 'survey'],
    ['September to October', 'all'],
  ];
  it.each(CASES)(
    '%s, filter %s: counts, rates and intervals as the raw rows give them',
    async (periodName, scopeName) => {
      const p = PERIODS[periodName] as Period;
      const s = scopeOf(scopeName);
      const body = await get<Summary>(`/api/v1/reports/summary?${query(p, s)}`);
      const c = rawCounts(p, s);
      const fraction = (f: Figure) => ({
        value: f.value === null ? null : f.value / 100,
        n: f.n,
        ci95: f.ci95 === null ? null : (f.ci95.map((b) => b / 100) as Interval),
      });
      const csat = fraction(figureOf(c, 'csat'));
      expect(body.csat).toMatchObject({ satisfied: csatSatisfied(c), n: csat.n });
      expect(body.csat.distribution).toEqual([c.csat1, c.csat2, c.csat3, c.csat4, c.csat5]);
      expectFigure({ ...body.csat, value: body.csat.rate }, csat, 'csat');
      const resolution = fraction(figureOf(c, 'resolution_rate'));
      expectFigure({ ...body.resolution, value: body.resolution.rate }, resolution, 'resolution');
      const rr = fraction(figureOf(c, 'response_rate'));
      expect(body.responseRate).toMatchObject({ responses: Math.min(c.responses, c.sent), sent: c.sent });
      expectFigure(
        { ...body.responseRate, value: body.responseRate.rate, n: body.responseRate.sent },
        rr,
        'response rate',
      );
      const npsFigure = figureOf(c, 'nps');
      if (npsFigure.n === 0) expect(body.nps).toBeNull();
      else {
        expect(body.nps).toMatchObject(npsCountsOf(c));
        expectFigure({ ...body.nps, value: body.nps?.score ?? null }, npsFigure, 'nps');
      }
      const cesFigure = figureOf(c, 'ces');
      if (cesFigure.n === 0) expect(body.ces).toBeNull();
      else expectFigure({ ...body.ces, value: body.ces?.mean ?? null }, cesFigure, 'ces');
      expect(body.excludedBots).toBe(c.bots);
      // Follow-ups opened in a period long past: none is near its due time, so the clock cannot tip one over.
      if (p.to < '2026-11-20') {
        const rows = await t.db.select().from(followUps);
        const opened = rows.filter((f) => {
          const day = f.createdAt.toISOString().slice(0, 10);
          return day >= p.from && day <= p.to && (s.teamId === undefined || f.teamId === s.teamId);
        });
        const now = new Date();
        expect(body.followUps).toMatchObject({
          open: opened.filter((f) => f.status === 'open').length,
          overdue: opened.filter((f) => f.status === 'open' && f.dueAt < now).length,
          closed: opened.filter((f) => f.status === 'closed').length,
          closedInTime: opened.filter((f) => f.status === 'closed' && f.closedAt && f.closedAt <= f.dueAt)
            .length,
        });
      }
    },
  );
});

describe('GET /api/v1/reports/reasons', () => {
  const CASES: [string, ScopeName][] = [
    ['the whole data set', 'all'],
    ['November (live activity)', 'team'],
    ['November (live activity)', 'survey'],
    ['the last two weeks', 'agent'],
    ['September to October', 'team and channel'],
    ['one day', 'channel'],
  ];
  it.each(CASES)('%s, filter %s: the Pareto of the raw reasons', async (periodName, scopeName) => {
    const p = PERIODS[periodName] as Period;
    const s = scopeOf(scopeName);
    const body = await get<Reasons>(`/api/v1/reports/reasons?${query(p, s)}`);
    const counts: Record<string, number> = {};
    let withReason = 0;
    for (const r of raw.responses) {
      if (!r.counted || !inScope(r, p, s)) continue;
      const given = new Set(r.reasons);
      if (given.size > 0) withReason += 1;
      for (const reason of given) counts[reason] = (counts[reason] ?? 0) + 1;
    }
    const labels = latestLabels(raw).reasons;
    const want = pareto(counts);
    expect(body.responsesWithReason).toBe(withReason);
    expect(body.total).toBe(want.reduce((a, x) => a + x.count, 0));
    expect(body.rows.map((r) => [r.reason, r.count])).toEqual(want.map((x) => [x.key, x.count]));
    body.rows.forEach((row, i) => {
      const x = want[i];
      close(row.share, x?.share ?? null, `${row.reason}: share`);
      close(row.cumulativeShare, x?.cumulativeShare ?? null, `${row.reason}: cumulative share`);
      expect(row.label).toBe(labels.get(row.reason) ?? row.reason);
    });
  });
});

describe('GET /api/v1/reports/drivers', () => {
  const CASES: [string, ScopeName][] = [
    ['the whole data set', 'all'],
    ['November (live activity)', 'survey'],
    ['the last two weeks', 'all'],
    ['the whole data set', 'team'],
    ['one day', 'all'],
  ];
  it.each(CASES)('%s, filter %s: keyDrivers over the raw answers', async (periodName, scopeName) => {
    const p = PERIODS[periodName] as Period;
    const s = scopeOf(scopeName);
    const path = `/api/v1/reports/drivers?${query(p, s)}`;
    const body = await get<Drivers>(path);
    // One row per counted response with its answered statements: keyDrivers pairs them with the rating itself.
    const rows = raw.responses
      .filter((r: RawResponse) => inScope(r, p, s))
      .map((r) => driverPairs(raw, r))
      .filter((pairs) => pairs.length > 0)
      .map((pairs) => ({
        overall: pairs[0]?.y ?? null,
        drivers: Object.fromEntries(pairs.map((x) => [x.questionId, x.x])),
      }));
    const means = new Map<string, number>();
    for (const row of rows)
      for (const [q, x] of Object.entries(row.drivers)) means.set(q, (means.get(q) ?? 0) + (x ?? 0));
    const labels = latestLabels(raw).questions;
    const want = keyDrivers(rows);
    expect(body.rows.map((r) => [r.questionId, r.n])).toEqual(want.map((d) => [d.driver, d.n]));
    body.rows.forEach((row, i) => {
      const d = want[i];
      if (!d) return;
      close(row.r, d.r, `${row.questionId}: r`);
      const ci = fisherInterval(d.r, d.n);
      close(row.ci95?.[0] ?? null, ci?.[0] ?? null, `${row.questionId}: ci95 lower`);
      close(row.ci95?.[1] ?? null, ci?.[1] ?? null, `${row.questionId}: ci95 upper`);
      close(row.mean, d.n > 0 ? (means.get(d.driver) ?? 0) / d.n : null, `${row.questionId}: mean`);
      expect(row.smallSample).toBe(lowSample(d.n));
      expect(row.label).toBe(labels.get(row.questionId));
    });
    if (periodName === 'the whole data set' && scopeName === 'all') {
      // Both versions' statements: 'prevention' (version 1 only) and 'speed' (version 2 only) are there.
      expect(body.rows.map((r) => r.questionId)).toEqual(
        expect.arrayContaining(['prevention', 'speed', 'courteous']),
      );
    }
  });
});

// ---- ticket durations ------------------------------------------------------------------------------------

/** percentile_cont(0.5) of the values, with the two middle values. */
function exactMedian(values: number[]): { median: number; lo: number; hi: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const lo = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  const hi = sorted[Math.ceil((sorted.length - 1) / 2)] as number;
  return { median: (lo + hi) / 2, lo, hi };
}

function expectHours(
  actual: MetricValue,
  measure: 'first_response' | 'resolution',
  p: Period,
  teamId?: string,
) {
  const minutes = raw.tickets
    .filter((tk) => teamId === undefined || tk.teamId === teamId)
    .flatMap((tk) => {
      const day = measure === 'first_response' ? tk.openedDay : tk.resolvedDay;
      const m = measure === 'first_response' ? tk.firstResponseMinutes : tk.resolutionMinutes;
      return day !== null && m !== null && day >= p.from && day <= p.to ? [m] : [];
    });
  expect(actual.n, `${measure}: n`).toBe(minutes.length);
  const exact = exactMedian(minutes);
  if (exact === null) {
    expect(actual.value).toBeNull();
    return;
  }
  // Read from a histogram, the median may be off by the width of the middle values' buckets.
  const widest = Math.max(durationBucket(exact.lo).width, durationBucket(exact.hi).width);
  expect(actual.value, `${measure}: value`).not.toBeNull();
  expect(
    Math.abs((actual.value ?? 0) * 60 - exact.median),
    `${measure}: |median − exact| in minutes`,
  ).toBeLessThanOrEqual(widest + 1e-6);
}

describe('first response and resolution hours', () => {
  const CASES: [string, 'all' | 'team'][] = [
    ['the whole data set', 'all'],
    ['November (live activity)', 'all'],
    ['November (live activity)', 'team'],
    ['one day', 'all'],
    ['September to October', 'team'],
  ];
  it.each(CASES)(
    '%s, %s: metricValue is the median of the raw durations, within a bucket',
    async (periodName, scopeName) => {
      const p = PERIODS[periodName] as Period;
      const teamId = scopeName === 'team' ? ids.team : undefined;
      for (const [metric, measure] of [
        ['first_response_hours', 'first_response'],
        ['resolution_hours', 'resolution'],
      ] as const) {
        expectHours(await metricValue(t.db, metric, { teamId }, p, NOW), measure, p, teamId);
      }
    },
  );

  it('a key result following them shows the same value through /api/v1/okrs', async () => {
    const created = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: {
        quarter: '2026-Q4',
        teamId: ids.team,
        title: 'Answer and solve faster',
        ownerUserId: t.users.manager.id,
        keyResults: [
          { kind: 'metric', title: 'First response', metric: 'first_response_hours', baseline: 4, target: 2 },
          { kind: 'metric', title: 'Resolution', metric: 'resolution_hours', baseline: 20, target: 12 },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const period: Period = {
      from: created.body.period.from,
      to: created.body.period.measuredTo ?? created.body.period.to,
    };
    const [first, resolution] = created.body.keyResults;
    expectHours(
      { ...first.current, metric: 'first_response_hours', ci95: null, unit: 'hours' },
      'first_response',
      period,
      ids.team,
    );
    expectHours(
      { ...resolution.current, metric: 'resolution_hours', ci95: null, unit: 'hours' },
      'resolution',
      period,
      ids.team,
    );
  });
});

describe('access', () => {
  it('a BI key with reports:read reads the same figures as a viewer', async () => {
    const created = await t.request('POST', '/api/v1/api-keys', {
      as: 'admin',
      json: { name: 'BI', scopes: ['reports:read'] },
    });
    expect(created.status).toBe(201);
    const p = PERIODS['November (live activity)'] as Period;
    for (const path of [
      `/api/v1/reports/tiles?${query(p, {})}`,
      `/api/v1/reports/trend?${query(p, {}, { metric: 'csat', unit: 'week' })}`,
      `/api/v1/reports/breakdown?${query(p, {}, { by: 'team' })}`,
      `/api/v1/reports/summary?${query(p, {})}`,
    ]) {
      const asViewer = await get<unknown>(path);
      expect(await get<unknown>(path, { key: created.body.key })).toEqual(asViewer);
    }
  });
});
