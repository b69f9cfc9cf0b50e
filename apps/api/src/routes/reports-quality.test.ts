import type { QualityByTeam, ReviewCsat } from '@rapport/contracts';
import {
  agents,
  auditCycles,
  audits,
  auditTemplates,
  responses,
  reviews,
  settings,
  tickets,
} from '@rapport/db';
import { and, eq, gte, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecklist, createTeam } from '../testing/audit-fixtures';
import { answered, sentInvitation, type FixtureTicket } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';
import { insertAgent, insertTicket } from '../testing/review-fixtures';
import { submitResponse } from '../services/answering';

/**
 * Audit and quality scores per team and quarter, and review score against CSAT per agent, checked
 * against numbers worked out by hand and against a computation straight from the audits, reviews and
 * responses rows. The organisation is in Belgrade, so quarters and days turn at local midnight
 * (UTC+2 in summer, UTC+1 from 25 October 2026).
 */
const TIME_ZONE = 'Europe/Belgrade';
let t: TestContext;
const team: Record<string, string> = {};
let versionId: string;
const cycle: Record<string, string> = {};

const at = (iso: string) => new Date(iso);

/** The local calendar date of an instant in the organisation's time zone. */
const localDate = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
const quarterOfDate = (day: string) =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

async function review(f: {
  ticketId: string;
  agentId: string | null;
  score: number;
  submittedAt: Date | null;
  calibration?: boolean;
  cycle?: string;
}) {
  await t.db.insert(reviews).values({
    cycleId: cycle[f.cycle ?? '2026-Q2'] ?? '',
    ticketId: f.ticketId,
    agentId: f.agentId,
    templateVersionId: versionId,
    status: f.submittedAt ? 'submitted' : 'draft',
    score: f.score,
    submittedAt: f.submittedAt,
    calibration: f.calibration ?? false,
  });
}

// ---- fixture: audits and reviews from May to October 2026 -------------------------------------------

beforeAll(async () => {
  t = await createTestContext();
  await t.db
    .insert(settings)
    .values({ id: 1, timeZone: TIME_ZONE })
    .onConflictDoUpdate({ target: settings.id, set: { timeZone: TIME_ZONE } });
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta']) team[name] = await createTeam(t, name);
  const templateId = await createChecklist(t);
  const [template] = await t.db
    .select({ versionId: auditTemplates.currentVersionId })
    .from(auditTemplates)
    .where(eq(auditTemplates.id, templateId));
  if (!template?.versionId) throw new Error('no checklist version');
  versionId = template.versionId;
  for (const quarter of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']) {
    const [row] = await t.db
      .insert(auditCycles)
      .values({
        quarter,
        dueOn: '2026-12-31',
        checklistVersionId: versionId,
        samplePerAgent: 3,
        seed: quarter,
      })
      .returning({ id: auditCycles.id });
    if (!row) throw new Error('cycle not inserted');
    cycle[quarter] = row.id;
  }
  const audit = (
    quarter: string,
    teamName: string,
    status: 'draft' | 'submitted' | 'signed',
    score: number,
  ) => ({
    cycleId: cycle[quarter] ?? '',
    teamId: team[teamName] ?? '',
    templateVersionId: versionId,
    dueOn: '2026-12-31',
    status,
    score,
  });
  await t.db.insert(audits).values([
    audit('2026-Q2', 'Alpha', 'signed', 80),
    audit('2026-Q2', 'Beta', 'signed', 90),
    audit('2026-Q3', 'Alpha', 'signed', 70),
    // Submitted but not signed, and a draft: not counted.
    audit('2026-Q3', 'Beta', 'submitted', 50),
    audit('2026-Q3', 'Gamma', 'draft', 10),
    // Before the period's quarters.
    audit('2026-Q1', 'Alpha', 'signed', 20),
    audit('2026-Q1', 'Delta', 'signed', 60),
  ]);

  const alphaAgent = await insertAgent(t, { email: 'alpha@support.example', teamId: team.Alpha ?? '' });
  const betaAgent = await insertAgent(t, { email: 'beta@support.example', teamId: team.Beta ?? '' });
  const loneAgent = await insertAgent(t, { email: 'lone@support.example', teamId: team.Alpha ?? '' });
  await t.db.update(agents).set({ teamId: null }).where(eq(agents.id, loneAgent));
  const alphaTicket = () =>
    insertTicket(t, {
      agentId: alphaAgent,
      teamId: team.Alpha ?? '',
      resolvedAt: at('2026-05-01T10:00:00Z'),
    });
  // A ticket without a team counts for its agent's team; with neither, for no team.
  const betaTicket = await insertTicket(t, {
    agentId: betaAgent,
    teamId: team.Beta ?? '',
    resolvedAt: at('2026-07-01T10:00:00Z'),
  });
  const loneTicket = await insertTicket(t, {
    agentId: loneAgent,
    teamId: team.Alpha ?? '',
    resolvedAt: at('2026-07-01T10:00:00Z'),
  });
  await t.db.update(tickets).set({ teamId: null }).where(eq(tickets.id, betaTicket));
  await t.db.update(tickets).set({ teamId: null }).where(eq(tickets.id, loneTicket));

  const alpha = (score: number, submittedAt: Date | null, calibration = false) =>
    alphaTicket().then((ticketId) =>
      review({ ticketId, agentId: alphaAgent, score, submittedAt, calibration }),
    );
  // Q2 (from 15 May, the period's first day): 100, 70, 90 → 86.67.
  await alpha(10, at('2026-05-14T21:59:00Z')); // 23:59 on 14 May in Belgrade: before the period
  await alpha(100, at('2026-05-14T22:30:00Z')); // 00:30 on 15 May
  await alpha(70, at('2026-06-10T10:00:00Z'));
  await alpha(90, at('2026-06-30T21:30:00Z')); // 23:30 on 30 June: still Q2
  // Q3: 60 (00:30 on 1 July); a calibration review and a draft do not count.
  await alpha(60, at('2026-06-30T22:30:00Z'));
  await alpha(5, at('2026-07-05T10:00:00Z'), true);
  await alpha(5, null);
  // Q4 up to the period's last day (20 October): 50; a minute past local midnight is outside.
  await alpha(50, at('2026-10-20T21:30:00Z'));
  await alpha(0, at('2026-10-20T22:01:00Z'));
  await review({
    ticketId: betaTicket,
    agentId: betaAgent,
    score: 80,
    submittedAt: at('2026-08-01T10:00:00Z'),
  });
  await review({
    ticketId: loneTicket,
    agentId: loneAgent,
    score: 40,
    submittedAt: at('2026-08-01T10:00:00Z'),
  });
});
afterAll(() => t.close());

const get = async <T>(path: string) => {
  const res = await t.request<T>('GET', path, { as: 'viewer' });
  expect(res.status).toBe(200);
  return res.body;
};

/** The quality figure straight from the rows: every audit and review read back and filtered in JavaScript. */
async function directQuality(from: string, to: string, quarters: string[], teamId?: string) {
  const auditRows = await t.db
    .select({
      quarter: auditCycles.quarter,
      teamId: audits.teamId,
      status: audits.status,
      score: audits.score,
    })
    .from(audits)
    .innerJoin(auditCycles, eq(auditCycles.id, audits.cycleId));
  const reviewRows = await t.db
    .select({
      status: reviews.status,
      calibration: reviews.calibration,
      score: reviews.score,
      submittedAt: reviews.submittedAt,
      ticketTeam: tickets.teamId,
      agentId: reviews.agentId,
    })
    .from(reviews)
    .innerJoin(tickets, eq(tickets.id, reviews.ticketId));
  const agentTeams = new Map(
    (await t.db.select({ id: agents.id, teamId: agents.teamId }).from(agents)).map((a) => [a.id, a.teamId]),
  );
  const counted = reviewRows.flatMap((r) => {
    if (r.status !== 'submitted' || r.calibration || r.score === null || !r.submittedAt) return [];
    const day = localDate(r.submittedAt);
    const teamOf = r.ticketTeam ?? (r.agentId ? agentTeams.get(r.agentId) : null) ?? null;
    if (day < from || day > to || teamOf === null) return [];
    return [{ teamId: teamOf, quarter: quarterOfDate(day), score: r.score }];
  });
  const signed = auditRows.filter(
    (a) => a.status === 'signed' && a.score !== null && quarters.includes(a.quarter),
  );
  const teamIds = new Set([...counted.map((r) => r.teamId), ...signed.map((a) => a.teamId)]);
  if (teamId) for (const id of [...teamIds]) if (id !== teamId) teamIds.delete(id);
  return [...teamIds].map((id) => ({
    id,
    cells: quarters.map((quarter) => {
      const scores = counted.filter((r) => r.teamId === id && r.quarter === quarter).map((r) => r.score);
      return {
        quarter,
        auditScore: mean(
          signed.filter((a) => a.teamId === id && a.quarter === quarter).map((a) => a.score ?? 0),
        ),
        qualityScore: mean(scores),
        reviews: scores.length,
      };
    }),
  }));
}

/** Cells compared with a tolerance: means of doubles are summed in a different order in SQL. */
function expectCells(
  actual: QualityByTeam['teams'][number]['cells'],
  want: QualityByTeam['teams'][number]['cells'],
) {
  expect(actual.map((c) => [c.quarter, c.reviews])).toEqual(want.map((c) => [c.quarter, c.reviews]));
  actual.forEach((cell, i) => {
    const w = want[i];
    for (const key of ['auditScore', 'qualityScore'] as const) {
      if (w?.[key] === null) expect(cell[key], `${cell.quarter} ${key}`).toBeNull();
      else expect(cell[key], `${cell.quarter} ${key}`).toBeCloseTo(w?.[key] ?? NaN, 9);
    }
  });
}

describe('GET /api/v1/reports/quality', () => {
  it('gives each team’s signed-audit and review means per quarter, the reviews clipped to the period', async () => {
    const body = await get<QualityByTeam>('/api/v1/reports/quality?from=2026-05-15&to=2026-10-20');
    expect(body.period).toEqual({ from: '2026-05-15', to: '2026-10-20', timeZone: TIME_ZONE });
    expect(body.quarters).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(body.unit).toBe('points');
    // Gamma has only a draft, Delta only an audit before these quarters, the lone agent no team.
    expect(body.teams.map((x) => x.name)).toEqual(['Alpha', 'Beta']);
    const [alpha, beta] = body.teams;
    // By hand, from the fixture's comments.
    expectCells(alpha?.cells ?? [], [
      { quarter: '2026-Q2', auditScore: 80, qualityScore: (100 + 70 + 90) / 3, reviews: 3 },
      { quarter: '2026-Q3', auditScore: 70, qualityScore: 60, reviews: 1 },
      { quarter: '2026-Q4', auditScore: null, qualityScore: 50, reviews: 1 },
    ]);
    expectCells(beta?.cells ?? [], [
      { quarter: '2026-Q2', auditScore: 90, qualityScore: null, reviews: 0 },
      { quarter: '2026-Q3', auditScore: null, qualityScore: 80, reviews: 1 },
      { quarter: '2026-Q4', auditScore: null, qualityScore: null, reviews: 0 },
    ]);
    // And from the rows, read back and filtered without SQL.
    const direct = await directQuality('2026-05-15', '2026-10-20', body.quarters);
    expect(body.teams.map((x) => x.id).sort()).toEqual(direct.map((x) => x.id).sort());
    for (const row of body.teams) expectCells(row.cells, direct.find((d) => d.id === row.id)?.cells ?? []);
  });

  it('narrows to one team, and lists nobody for a team without audits or reviews', async () => {
    const body = await get<QualityByTeam>(
      `/api/v1/reports/quality?from=2026-07-01&to=2026-09-30&teamId=${team.Beta}`,
    );
    expect(body.quarters).toEqual(['2026-Q3']);
    expect(body.teams).toHaveLength(1);
    expect(body.teams[0]).toMatchObject({ id: team.Beta, name: 'Beta' });
    const direct = await directQuality('2026-07-01', '2026-09-30', ['2026-Q3'], team.Beta);
    expectCells(body.teams[0]?.cells ?? [], direct[0]?.cells ?? []);
    expect(body.teams[0]?.cells).toEqual([
      { quarter: '2026-Q3', auditScore: null, qualityScore: 80, reviews: 1 },
    ]);
    const none = await get<QualityByTeam>(
      `/api/v1/reports/quality?from=2026-01-01&to=2026-12-31&teamId=${team.Gamma}`,
    );
    expect(none.teams).toEqual([]);
    expect(none.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });
});

// ---- review score against CSAT: real answers today, reviews of the same tickets ----------------------

const ANA: FixtureTicket = { team: 'North', agentEmail: 'ana@support.example' };
const BO: FixtureTicket = { team: 'North', agentEmail: 'bo@support.example' };
const CY: FixtureTicket = { team: 'South', agentEmail: 'cy@support.example' };
const DI: FixtureTicket = { team: 'South', agentEmail: 'di@support.example' };
const FA: FixtureTicket = { team: 'South', agentEmail: 'fa@support.example' };
// The fixtures send an hour ago and answer now; two local days cover both whatever the hour.
const TODAY = localDate(new Date());
const YESTERDAY = localDate(new Date(Date.now() - 86_400_000));
const NOW_ISH = () => new Date(Date.now() - 60_000);

describe('GET /api/v1/reports/review-csat', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const answer = async (who: FixtureTicket, rating: number) =>
      (await answered(t, { rating, resolved: true }, who)).ticketId;
    const plan: [FixtureTicket, number[], number[]][] = [
      // agent, ratings, review scores
      [ANA, [5, 4, 2], [90, 80]],
      [BO, [5, 5], [95]],
      [CY, [3, 4, 1], [60, 70]],
      [DI, [4, 5, 5, 2], [75]],
    ];
    for (const [who, ratings, scores] of plan) {
      const ticketIds: string[] = [];
      for (const rating of ratings) ticketIds.push(await answer(who, rating));
      const [agent] = await t.db
        .select()
        .from(agents)
        .where(eq(agents.email, who.agentEmail ?? ''));
      if (!agent) throw new Error('agent not created');
      ids[who.agentEmail ?? ''] = agent.id;
      for (const [i, score] of scores.entries())
        await review({
          ticketId: ticketIds[i] ?? '',
          agentId: agent.id,
          score,
          submittedAt: NOW_ISH(),
          cycle: '2026-Q4',
        });
    }
    // A mail scanner's 1 for Ana: stored, flagged, not counted in her CSAT.
    const scanned = await sentInvitation(t, ANA);
    await submitResponse(t.db, {
      token: scanned.token,
      answers: { rating: 1, resolved: false },
      partial: false,
      interaction: null,
      userAgent: 'Mozilla/5.0 (compatible; Safelinks)',
    });
    // Di's calibration review and draft do not count; Fa has only a calibration review, so is not listed.
    const diTicket = await answer(DI, 4);
    await review({
      ticketId: diTicket,
      agentId: ids[DI.agentEmail ?? ''] ?? '',
      score: 0,
      submittedAt: NOW_ISH(),
      calibration: true,
      cycle: '2026-Q4',
    });
    await review({
      ticketId: diTicket,
      agentId: ids[DI.agentEmail ?? ''] ?? '',
      score: 0,
      submittedAt: null,
      cycle: '2026-Q3',
    });
    const faTicket = await answer(FA, 5);
    const [fa] = await t.db
      .select()
      .from(agents)
      .where(eq(agents.email, FA.agentEmail ?? ''));
    await review({
      ticketId: faTicket,
      agentId: fa?.id ?? null,
      score: 10,
      submittedAt: NOW_ISH(),
      calibration: true,
      cycle: '2026-Q4',
    });
    // Ed (North) has a review but no answers: listed without a CSAT, left out of r.
    const [north] = await t.db
      .select()
      .from(agents)
      .where(eq(agents.id, ids[ANA.agentEmail ?? ''] ?? ''));
    const ed = await insertAgent(t, { email: 'ed@support.example', teamId: north?.teamId ?? '' });
    ids['ed@support.example'] = ed;
    const edTicket = await insertTicket(t, {
      agentId: ed,
      teamId: north?.teamId ?? '',
      resolvedAt: new Date(),
    });
    await review({ ticketId: edTicket, agentId: ed, score: 50, submittedAt: NOW_ISH(), cycle: '2026-Q4' });
    // The helpdesk fixture names every agent "Agent" (and renames them with each event): name them apart.
    for (const who of [ANA, BO, CY, DI, FA]) {
      const email = who.agentEmail ?? '';
      await t.db
        .update(agents)
        .set({ name: email.split('@')[0] ?? '' })
        .where(eq(agents.email, email));
    }
  });

  /** Each agent's CSAT straight from the counted responses of the period, and their review mean from the review rows. */
  async function directPoints(teamId?: string) {
    const where = [
      eq(responses.counted, true),
      gte(responses.rollupDay, YESTERDAY),
      lte(responses.rollupDay, TODAY),
    ];
    if (teamId) where.push(eq(responses.teamId, teamId));
    const answers = await t.db
      .select({ agentId: responses.agentId, csat: responses.csat })
      .from(responses)
      .where(and(...where));
    const reviewRows = await t.db
      .select({
        agentId: reviews.agentId,
        score: reviews.score,
        status: reviews.status,
        calibration: reviews.calibration,
        submittedAt: reviews.submittedAt,
        ticketTeam: tickets.teamId,
        agentTeam: agents.teamId,
        name: agents.name,
      })
      .from(reviews)
      .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
      .innerJoin(agents, eq(agents.id, reviews.agentId));
    const counted = reviewRows.filter(
      (r) =>
        r.status === 'submitted' &&
        !r.calibration &&
        r.submittedAt !== null &&
        localDate(r.submittedAt) >= YESTERDAY &&
        localDate(r.submittedAt) <= TODAY &&
        (!teamId || (r.ticketTeam ?? r.agentTeam) === teamId),
    );
    const agentIds = [...new Set(counted.map((r) => r.agentId ?? ''))];
    return agentIds.map((agentId) => {
      const own = counted.filter((r) => r.agentId === agentId);
      const rated = answers.filter((a) => a.agentId === agentId && a.csat !== null);
      return {
        agentId,
        name: own[0]?.name ?? '',
        reviewScore: mean(own.map((r) => r.score ?? 0)) ?? NaN,
        reviews: own.length,
        csat:
          rated.length === 0 ? null : (100 * rated.filter((a) => (a.csat ?? 0) >= 4).length) / rated.length,
        csatN: rated.length,
      };
    });
  }

  /** Pearson's r by the textbook formula, and its Fisher-z 95% interval. */
  function pearsonWithInterval(pairs: [number, number][]) {
    const n = pairs.length;
    const mx = pairs.reduce((s, [x]) => s + x, 0) / n;
    const my = pairs.reduce((s, [, y]) => s + y, 0) / n;
    const sxy = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
    const sxx = pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
    const syy = pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0);
    const r = sxy / Math.sqrt(sxx * syy);
    const z = Math.atanh(r);
    const half = 1.959963984540054 / Math.sqrt(n - 3);
    return { r, ci95: [Math.tanh(z - half), Math.tanh(z + half)] as const };
  }

  it('pairs each reviewed agent’s mean review score with their CSAT, and correlates them across agents', async () => {
    const body = await get<ReviewCsat>(`/api/v1/reports/review-csat?from=${YESTERDAY}&to=${TODAY}`);
    expect(body.period).toEqual({ from: YESTERDAY, to: TODAY, timeZone: TIME_ZONE });
    // By hand: Ana 85 / 2 of 3; Bo 95 / 2 of 2; Cy 65 / 1 of 3; Di 75 / 4 of 5; Ed 50 / none.
    expect(body.points.map((p) => [p.name, p.reviewScore, p.reviews, p.csatN])).toEqual([
      ['ana', 85, 2, 3],
      ['bo', 95, 1, 2],
      ['cy', 65, 2, 3],
      ['di', 75, 1, 5],
      ['ed', 50, 1, 0],
    ]);
    expect(body.points.map((p) => (p.csat === null ? null : Number(p.csat.toFixed(6))))).toEqual([
      Number(((100 * 2) / 3).toFixed(6)),
      100,
      Number((100 / 3).toFixed(6)),
      80,
      null,
    ]);
    expect(body.points.find((p) => p.name === 'ed')).toMatchObject({ csat: null, csatN: 0 });
    // From the rows.
    const direct = await directPoints();
    expect(direct).toHaveLength(body.points.length);
    for (const point of body.points) {
      const want = direct.find((d) => d.agentId === point.agentId);
      expect(point).toMatchObject({ name: want?.name, reviews: want?.reviews, csatN: want?.csatN });
      expect(point.reviewScore).toBeCloseTo(want?.reviewScore ?? NaN, 9);
      if (want?.csat === null) expect(point.csat).toBeNull();
      else expect(point.csat).toBeCloseTo(want?.csat ?? NaN, 9);
    }
    // r over the four agents with both.
    const pairs = direct
      .filter((d) => d.csat !== null)
      .map((d): [number, number] => [d.reviewScore, d.csat ?? 0]);
    const expected = pearsonWithInterval(pairs);
    expect(body.n).toBe(4);
    expect(body.smallSample).toBe(true);
    expect(body.r).toBeCloseTo(expected.r, 9);
    expect(body.ci95?.[0]).toBeCloseTo(expected.ci95[0], 9);
    expect(body.ci95?.[1]).toBeCloseTo(expected.ci95[1], 9);
  });

  it('narrows to a team’s reviews and answers; below three agents there is no r', async () => {
    const [north] = await t.db
      .select({ teamId: agents.teamId })
      .from(agents)
      .where(eq(agents.email, 'ana@support.example'));
    const body = await get<ReviewCsat>(
      `/api/v1/reports/review-csat?from=${YESTERDAY}&to=${TODAY}&teamId=${north?.teamId}`,
    );
    expect(body.points.map((p) => p.name)).toEqual(['ana', 'bo', 'ed']);
    const direct = await directPoints(north?.teamId ?? '');
    expect(body.points.map((p) => [p.agentId, p.csatN])).toEqual(
      direct.sort((a, b) => a.name.localeCompare(b.name)).map((d) => [d.agentId, d.csatN]),
    );
    expect(body).toMatchObject({ r: null, ci95: null, n: 2, smallSample: true });
    // Nobody reviewed in an empty period: nothing to correlate.
    const empty = await get<ReviewCsat>('/api/v1/reports/review-csat?from=2025-01-01&to=2025-01-31');
    expect(empty).toMatchObject({ points: [], r: null, ci95: null, n: 0, smallSample: true });
  });
});

describe('quality report input and access', () => {
  it.each([
    ['/api/v1/reports/quality?from=2026-02-01&to=2026-01-01', 'from must not be after to'],
    ['/api/v1/reports/quality?from=2026-01-01&to=2026-01-31&teamId=nope', 'teamId'],
    ['/api/v1/reports/quality?to=2026-01-31', 'from'],
    ['/api/v1/reports/quality?from=1990-01-01&to=2026-01-31', 'at most 40'],
    ['/api/v1/reports/review-csat?from=2026-02-30&to=2026-03-31', 'real date'],
    ['/api/v1/reports/review-csat?from=2026-03-01', 'to'],
    ['/api/v1/reports/review-csat?from=2026-03-01&to=2026-03-31&teamId=12', 'teamId'],
  ])('answers %s with 400', async (path, words) => {
    const res = await t.request('GET', path, { as: 'viewer' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toContain(words);
  });

  it('lets viewers and reports:read keys in, and refuses auditors, other keys and strangers', async () => {
    const keyWith = async (scopes: string[]) =>
      (await t.request('POST', '/api/v1/api-keys', { as: 'admin', json: { name: 'BI', scopes } })).body
        .key as string;
    const reader = await keyWith(['reports:read']);
    const writer = await keyWith(['tickets:write']);
    for (const path of [
      '/api/v1/reports/quality?from=2026-05-15&to=2026-10-20',
      '/api/v1/reports/review-csat?from=2026-05-15&to=2026-10-20',
    ]) {
      expect((await t.request('GET', path, { as: 'viewer' })).status).toBe(200);
      expect((await t.request('GET', path, { headers: { authorization: `Bearer ${reader}` } })).status).toBe(
        200,
      );
      expect((await t.request('GET', path, { headers: { authorization: `Bearer ${writer}` } })).status).toBe(
        403,
      );
      expect((await t.request('GET', path, { as: 'auditor' })).status).toBe(403);
      expect((await t.request('GET', path)).status).toBe(401);
    }
  });
});
