import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitResponse } from '../services/answering';
import { answered, sentInvitation } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await answered(
    t,
    { rating: 5, resolved: true, comment: 'Fast and kind, thank you!' },
    { team: 'Billing', locale: 'en' },
  );
  await answered(
    t,
    { rating: 2, resolved: false, reasons: ['took_too_long', 'not_informed'], callback: true },
    { team: 'Billing', locale: 'sr' },
  );
  await answered(t, { rating: 4, resolved: true }, { team: 'Technical', locale: 'hr' });
  await answered(
    t,
    { rating: 1, resolved: false, reasons: ['unfriendly'], comment: 'Nobody called 100% back' },
    { team: 'Technical', locale: 'ru', agentEmail: 'olga@support.example' },
  );
});
afterAll(() => t.close());

type Item = { csat: number; comment: string | null; team: { name: string }; locale: string };

describe('GET /api/v1/responses', () => {
  it('lists newest first with ticket, customer, team and follow-up', async () => {
    const res = await t.request('GET', '/api/v1/responses', { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: Item) => r.csat)).toEqual([1, 4, 2, 5]);
    expect(res.body.items[0]).toMatchObject({
      resolved: false,
      reasons: ['unfriendly'],
      locale: 'ru',
      suspectedBot: false,
      counted: true,
      team: { name: 'Technical' },
      ticket: { subject: expect.stringMatching(/^Fixture ticket/) },
    });
    expect(res.body.items[0].followUpId).not.toBeNull();
    expect(res.body.items[3].followUpId).toBeNull();
  });

  it.each([
    ['score=1,2', [1, 2]],
    ['resolved=true', [4, 5]],
    ['hasComment=true', [1, 5]],
    ['hasComment=false', [2, 4]],
    ['locale=sr', [2]],
    ['reason=not_informed', [2]],
    ['q=100%25', [1]],
    ['q=FAST', [5]],
    ['q=100', [1]],
    ['score=1,2&resolved=false&hasComment=true', [1]],
    ['bot=true', []],
  ])('filters with ?%s', async (query, scores) => {
    const res = await t.request('GET', `/api/v1/responses?${query}`, { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: Item) => r.csat).sort()).toEqual(scores);
  });

  it('filters by team and pages with a cursor', async () => {
    const teams = (await t.request('GET', '/api/v1/teams', { as: 'manager' })).body.items;
    const billing = teams.find((x: { name: string }) => x.name === 'Billing').id;
    const byTeam = await t.request('GET', `/api/v1/responses?teamId=${billing}`, { as: 'manager' });
    expect(byTeam.body.items.map((r: Item) => r.csat)).toEqual([2, 5]);
    const first = await t.request('GET', '/api/v1/responses?limit=3', { as: 'manager' });
    const second = await t.request('GET', `/api/v1/responses?limit=3&cursor=${first.body.nextCursor}`, {
      as: 'manager',
    });
    expect(second.body.items.map((r: Item) => r.csat)).toEqual([5]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('filters by agent and by survey', async () => {
    const agents = (await t.request('GET', '/api/v1/agents', { as: 'manager' })).body.items;
    const olga = agents.find((a: { email: string }) => a.email === 'olga@support.example').id;
    const byAgent = await t.request('GET', `/api/v1/responses?agentId=${olga}`, { as: 'manager' });
    expect(byAgent.body.items.map((r: Item) => r.csat)).toEqual([1]);
    const surveys = (await t.request('GET', '/api/v1/surveys', { as: 'manager' })).body.items;
    const survey = surveys[0].id;
    const bySurvey = await t.request('GET', `/api/v1/responses?surveyId=${survey}`, { as: 'manager' });
    expect(bySurvey.body.items.map((r: Item) => r.csat)).toEqual([1, 4, 2, 5]);
    const other = await t.request('GET', '/api/v1/responses?surveyId=00000000-0000-4000-8000-000000000000', {
      as: 'manager',
    });
    expect(other.body.items).toEqual([]);
  });

  it('filters by date range in the organisation time zone', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await t.request('GET', `/api/v1/responses?from=${today}&to=${today}`, { as: 'manager' })).body.items,
    ).toHaveLength(4);
    expect(
      (await t.request('GET', '/api/v1/responses?to=2020-01-01', { as: 'manager' })).body.items,
    ).toHaveLength(0);
  });

  it.each([
    ['score=6'],
    ['resolved=maybe'],
    ['from=2026-02-30'],
    ['cursor=zzz'],
    ['teamId=nope'],
    ['locale=de'],
    ['reason=Not%20a%20code'],
    ['from=2026-03-02&to=2026-03-01'],
    ['limit=0'],
  ])('answers ?%s with 400', async (query) => {
    const res = await t.request('GET', `/api/v1/responses?${query}`, { as: 'manager' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
  });

  it('is for managers and admins', async () => {
    expect((await t.request('GET', '/api/v1/responses', { as: 'viewer' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/responses', { as: 'auditor' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/responses')).status).toBe(401);
  });
});

describe('GET /api/v1/reports/summary', () => {
  it('computes the headline numbers from the rollups', async () => {
    // Everything here happened within the last hour: a window of days around now holds it all,
    // whatever the hour (a send an hour ago may fall on yesterday's local day).
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const res = await t.request('GET', `/api/v1/reports/summary?from=${day(-2)}&to=${day(1)}`, {
      as: 'viewer',
    });
    expect(res.status).toBe(200);
    // Ratings 5, 2, 4, 1: satisfied (4–5) = 2 of 4.
    expect(res.body.csat).toMatchObject({ rate: 0.5, satisfied: 2, n: 4, distribution: [1, 1, 0, 1, 1] });
    expect(res.body.csat.ci95[0]).toBeCloseTo(0.15, 2);
    expect(res.body.csat.ci95[1]).toBeCloseTo(0.85, 2);
    expect(res.body.resolution).toMatchObject({ rate: 0.5, n: 4 });
    expect(res.body.responseRate).toMatchObject({ rate: 1, responses: 4, sent: 4 });
    expect(res.body.nps).toBeNull();
    expect(res.body.ces).toBeNull();
    expect(res.body.followUps).toMatchObject({ open: 2, overdue: 0, closed: 0, closedInTime: 0 });
  });

  it('is empty, not NaN, for a period without data', async () => {
    const res = await t.request('GET', '/api/v1/reports/summary?from=2020-01-01&to=2020-01-31', {
      as: 'viewer',
    });
    expect(res.body.csat).toEqual({
      rate: null,
      satisfied: 0,
      n: 0,
      ci95: null,
      distribution: [0, 0, 0, 0, 0],
    });
    expect(res.body.responseRate).toMatchObject({ rate: null, responses: 0, sent: 0 });
  });

  it('accepts an API key with reports:read, refuses auditors and bad ranges', async () => {
    const key = (
      await t.request('POST', '/api/v1/api-keys', {
        as: 'admin',
        json: { name: 'BI', scopes: ['reports:read'] },
      })
    ).body.key;
    const res = await t.request('GET', '/api/v1/reports/summary?from=2026-01-01&to=2026-12-31', {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    expect(
      (await t.request('GET', '/api/v1/reports/summary?from=2026-01-01&to=2026-12-31', { as: 'auditor' }))
        .status,
    ).toBe(403);
    const backwards = await t.request('GET', '/api/v1/reports/summary?from=2026-12-31&to=2026-01-01', {
      as: 'viewer',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe('from must not be after to.');
  });
});

describe('PATCH /api/v1/responses/:id', () => {
  it('counts a flagged response on request, moving the rollup, and marks one as a bot again', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const summary = async () =>
      (await t.request('GET', `/api/v1/reports/summary?from=${today}&to=${today}`, { as: 'manager' })).body;
    const before = await summary();
    const inv = await sentInvitation(t);
    const scanned = await submitResponse(t.db, {
      token: inv.token,
      answers: { rating: 1, resolved: false },
      partial: false,
      interaction: null,
      userAgent: 'Mozilla/5.0 (compatible; Safelinks)',
    });
    const flagged = await summary();
    expect(flagged.excludedBots).toBe(before.excludedBots + 1);
    expect(flagged.csat.n).toBe(before.csat.n);
    expect(scanned.followUpId).toBeNull();

    const counted = await t.request('PATCH', `/api/v1/responses/${scanned.responseId}`, {
      as: 'manager',
      json: { counted: true },
    });
    expect(counted.status).toBe(200);
    expect(counted.body).toMatchObject({
      counted: true,
      suspectedBot: true,
      botEvidence: ['scanner_user_agent', 'no_interaction'],
    });
    expect(counted.body.followUpId).not.toBeNull();
    const after = await summary();
    expect(after.excludedBots).toBe(before.excludedBots);
    expect(after.csat.n).toBe(before.csat.n + 1);
    expect(after.csat.distribution[0]).toBe(before.csat.distribution[0] + 1);

    const back = await t.request('PATCH', `/api/v1/responses/${scanned.responseId}`, {
      as: 'manager',
      json: { counted: false },
    });
    expect(back.body.counted).toBe(false);
    expect((await summary()).csat).toEqual(before.csat);
    const log = await t.request('GET', '/api/v1/audit-log?entityType=response', { as: 'admin' });
    expect(log.body.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      'response.mark_bot',
      'response.count',
    ]);
  });

  it('answers 400 for a bad body, 404 for an unknown response, 403 for viewers', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await t.request('PATCH', `/api/v1/responses/${missing}`, { as: 'manager', json: { counted: 'yes' } }))
        .status,
    ).toBe(400);
    expect(
      (await t.request('PATCH', `/api/v1/responses/${missing}`, { as: 'manager', json: { counted: true } }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('PATCH', `/api/v1/responses/${missing}`, { as: 'viewer', json: { counted: true } }))
        .status,
    ).toBe(403);
  });
});
