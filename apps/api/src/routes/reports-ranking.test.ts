import type { BreakdownRow, Tile, TrendPoint } from '@rapport/contracts';
import { surveys } from '@rapport/db';
import { wilsonInterval } from '@rapport/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousPeriod } from '../services/report-tiles';
import { addToRollup, type RollupDelta } from '../services/rollups';
import { createTeam } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

// Constructed rollups (written by the same function the answering path uses) for the statistics:
// a pair of periods with a known significant and a known insignificant change, and teams whose
// order by the interval's lower bound differs from their order by point estimate.

let t: TestContext;
let surveyId: string;
const teamIds: Record<string, string> = {};

const add = (day: string, teamId: string | null, delta: RollupDelta, channel = 'email') =>
  addToRollup(t.db, { day, surveyId, teamId, agentId: null, channel }, delta);

beforeAll(async () => {
  t = await createTestContext();
  const [survey] = await t.db.select({ id: surveys.id }).from(surveys).limit(1);
  if (!survey) throw new Error('no default survey');
  surveyId = survey.id;
  for (const name of ['Steady', 'Perfect thirty', 'Middling', 'Tiny'])
    teamIds[name] = await createTeam(t, name);

  // Mid-March 2025, inside April 2025's previous period (2–31 March), against mid-April.
  await add('2025-03-15', null, {
    sent: 200,
    responses: 100,
    csat5: 50,
    csat1: 50,
    npsPromoters: 30,
    npsPassives: 40,
    npsDetractors: 30,
    resolvedYes: 40,
    resolvedNo: 10,
  });
  await add('2025-04-15', null, {
    sent: 200,
    responses: 100,
    csat5: 80,
    csat1: 20,
    npsPromoters: 35,
    npsPassives: 35,
    npsDetractors: 30,
    resolvedYes: 41,
    resolvedNo: 9,
    ces7: 10,
  });

  // June 2025, by team: 97 of 100 (lower bound 91.5%) beats 30 of 30 (100%, lower bound 88.7%);
  // 5 of 5 is the highest point estimate but too small to rank.
  const june = '2025-06-10';
  await add(june, teamIds.Steady ?? null, { responses: 100, csat5: 97, csat1: 3 });
  await add(june, teamIds['Perfect thirty'] ?? null, { responses: 30, csat5: 30 }, 'chat');
  await add(june, teamIds.Middling ?? null, { responses: 100, csat4: 60, csat2: 40 });
  await add(june, teamIds.Tiny ?? null, { responses: 5, csat5: 5 });
  // Sent but unanswered: a team with nothing to say about CSAT is not listed.
  await add(june, null, { sent: 3 });
});
afterAll(() => t.close());

const get = async <T>(path: string, as: 'viewer' | 'manager' | 'admin' = 'viewer') => {
  const res = await t.request<T>('GET', path, { as });
  expect(res.status).toBe(200);
  return res.body;
};

describe('previousPeriod', () => {
  it.each([
    ['2026-03-01', '2026-03-31', '2026-01-29', '2026-02-28'],
    ['2025-04-01', '2025-04-30', '2025-03-02', '2025-03-31'],
    ['2026-01-01', '2026-01-01', '2025-12-31', '2025-12-31'],
    ['2024-03-01', '2024-03-07', '2024-02-23', '2024-02-29'],
  ])('%s..%s follows %s..%s', (from, to, prevFrom, prevTo) => {
    expect(previousPeriod({ from, to })).toEqual({ from: prevFrom, to: prevTo });
  });
});

describe('GET /api/v1/reports/tiles significance', () => {
  it('flags a real change as significant and a small one as not', async () => {
    const body = await get<{ tiles: Tile[] }>('/api/v1/reports/tiles?from=2025-04-01&to=2025-04-30');
    const tile = (m: string) => body.tiles.find((x) => x.metric === m);
    // CSAT 50% → 80% of 100 each: z ≈ 4.4.
    expect(tile('csat')).toMatchObject({
      value: 80,
      n: 100,
      previous: { from: '2025-03-02', to: '2025-03-31', value: 50, n: 100 },
      significant: true,
      smallSample: false,
    });
    expect(tile('csat')?.change).toBeCloseTo(30, 9);
    // NPS 0 → 5 of 100 each: z ≈ 0.45.
    expect(tile('nps')).toMatchObject({
      value: 5,
      n: 100,
      previous: { value: 0 },
      change: 5,
      significant: false,
    });
    // Resolution 80% → 82% of 50: not significant.
    expect(tile('resolution_rate')).toMatchObject({ value: 82, n: 50, significant: false });
    expect(tile('resolution_rate')?.change).toBeCloseTo(2, 9);
    // The same response rate both times: no change, not significant.
    expect(tile('response_rate')).toMatchObject({ value: 50, n: 200, change: 0, significant: false });
    // CES has no two-sample test here; nothing before to compare with either.
    expect(tile('ces')).toMatchObject({
      value: 7,
      n: 10,
      change: null,
      significant: null,
      smallSample: true,
    });
    // No follow-ups or audits at all: no value, no claim.
    expect(tile('follow_ups_in_time')).toMatchObject({ value: null, n: 0, significant: null });
    expect(tile('audit_score')).toMatchObject({ value: null, n: 0, significant: null });
  });
});

describe('GET /api/v1/reports/breakdown ordering', () => {
  it('ranks by the lower bound of the interval and lists small samples last, unranked', async () => {
    const body = await get<{ rows: BreakdownRow[] }>(
      '/api/v1/reports/breakdown?by=team&metric=csat&from=2025-06-01&to=2025-06-30',
    );
    expect(body.rows.map((r) => [r.name, r.rank, r.smallSample])).toEqual([
      ['Steady', 1, false],
      ['Perfect thirty', 2, false],
      ['Middling', 3, false],
      ['Tiny', null, true],
    ]);
    const [steady, perfect] = body.rows;
    // The point estimates alone would have put "Perfect thirty" first.
    expect((perfect?.value ?? 0) > (steady?.value ?? 0)).toBe(true);
    expect(steady?.ci95?.[0]).toBeCloseTo(100 * wilsonInterval(97, 100)[0], 9);
    expect(perfect?.ci95?.[0]).toBeCloseTo(100 * wilsonInterval(30, 30)[0], 9);
    expect(body.rows[3]).toMatchObject({ value: 100, n: 5 });
  });

  it('breaks down by channel, and by any rollup metric', async () => {
    const body = await get<{ rows: BreakdownRow[]; unit: string }>(
      '/api/v1/reports/breakdown?by=channel&metric=csat&from=2025-06-01&to=2025-06-30',
    );
    // Chat: 30 of 30 (lower bound 88.7%); email: 162 of 205 (79%, lower bound about 73%).
    expect(body.rows.map((r) => [r.id, r.n, r.rank])).toEqual([
      ['chat', 30, 1],
      ['email', 205, 2],
    ]);
    const rr = await get<{ rows: BreakdownRow[]; unit: string }>(
      '/api/v1/reports/breakdown?by=team&metric=response_rate&from=2025-06-01&to=2025-06-30',
    );
    // Only the sends without a team have a response rate (0 of 3); the teams sent nothing.
    expect(rr).toMatchObject({
      unit: 'percent',
      rows: [{ id: null, name: null, value: 0, n: 3, rank: null }],
    });
  });
});

describe('GET /api/v1/reports/trend', () => {
  it('gives NPS per month with its interval, and empty periods as gaps', async () => {
    const body = await get<{ points: TrendPoint[]; valueUnit: string }>(
      '/api/v1/reports/trend?metric=nps&unit=month&from=2025-02-10&to=2025-05-20',
    );
    expect(body.valueUnit).toBe('points');
    expect(body.points.map((p) => [p.key, p.from, p.to, p.value, p.n])).toEqual([
      ['2025-02', '2025-02-10', '2025-02-28', null, 0],
      ['2025-03', '2025-03-01', '2025-03-31', 0, 100],
      ['2025-04', '2025-04-01', '2025-04-30', 5, 100],
      ['2025-05', '2025-05-01', '2025-05-20', null, 0],
    ]);
    expect(body.points[2]?.ci95?.[0]).toBeLessThan(5);
    expect(body.points[0]?.ci95).toBeNull();
  });

  it('keys ISO weeks and quarters', async () => {
    const weeks = await get<{ points: TrendPoint[] }>(
      '/api/v1/reports/trend?metric=responses&unit=week&from=2025-04-10&to=2025-04-20',
    );
    expect(weeks.points.map((p) => [p.key, p.from, p.to, p.value])).toEqual([
      ['2025-W15', '2025-04-10', '2025-04-13', 0],
      ['2025-W16', '2025-04-14', '2025-04-20', 100],
    ]);
    const quarters = await get<{ points: TrendPoint[] }>(
      '/api/v1/reports/trend?metric=csat&unit=quarter&from=2025-01-01&to=2025-12-31',
    );
    expect(quarters.points.map((p) => [p.key, p.n])).toEqual([
      ['2025-Q1', 100],
      ['2025-Q2', 100 + 235],
      ['2025-Q3', 0],
      ['2025-Q4', 0],
    ]);
  });
});

describe('report input and access', () => {
  it.each([
    ['/api/v1/reports/trend?metric=ces&from=2025-01-01&to=2025-01-31', 'metric'],
    ['/api/v1/reports/trend?metric=csat&unit=year&from=2025-01-01&to=2025-01-31', 'unit'],
    ['/api/v1/reports/trend?metric=csat&from=2025-02-01&to=2025-01-31', 'from must not be after to'],
    ['/api/v1/reports/trend?metric=csat&unit=day&from=2020-01-01&to=2025-01-31', 'larger unit'],
    ['/api/v1/reports/breakdown?by=team&metric=sparkle&from=2025-01-01&to=2025-01-31', 'metric'],
    ['/api/v1/reports/breakdown?by=region&from=2025-01-01&to=2025-01-31', 'by'],
    ['/api/v1/reports/breakdown?by=team&from=2025-02-30&to=2025-03-31', 'real date'],
    ['/api/v1/reports/tiles?from=2025-02-01&to=2025-01-01', 'from must not be after to'],
    ['/api/v1/reports/tiles?from=2025-01-01&to=2025-01-31&teamId=nope', 'teamId'],
    ['/api/v1/reports/tiles?to=2025-01-31', 'from'],
  ])('answers %s with 400', async (path, words) => {
    const res = await t.request('GET', path, { as: 'viewer' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toContain(words);
  });

  it('lets an API key with reports:read in, and refuses one without it, auditors and strangers', async () => {
    const keyWith = async (scopes: string[]) =>
      (await t.request('POST', '/api/v1/api-keys', { as: 'admin', json: { name: 'BI', scopes } })).body
        .key as string;
    const reader = await keyWith(['reports:read']);
    const writer = await keyWith(['tickets:write']);
    for (const path of [
      '/api/v1/reports/tiles?from=2025-04-01&to=2025-04-30',
      '/api/v1/reports/trend?metric=csat&from=2025-04-01&to=2025-04-30',
      '/api/v1/reports/breakdown?by=team&from=2025-04-01&to=2025-04-30',
    ]) {
      const ok = await t.request('GET', path, { headers: { authorization: `Bearer ${reader}` } });
      expect(ok.status).toBe(200);
      const refused = await t.request('GET', path, { headers: { authorization: `Bearer ${writer}` } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('reports:read');
      expect((await t.request('GET', path, { as: 'auditor' })).status).toBe(403);
      expect((await t.request('GET', path)).status).toBe(401);
    }
  });
});
