import { scoringTemplateOf } from '@rapport/contracts';
import { auditLog } from '@rapport/db';
import { auditScore, cohenKappa, periodKey } from '@rapport/scoring';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, quarterBounds } from '../services/audit-dates';
import { CHECKLIST, createChecklist, createStaff, createTeam } from '../testing/audit-fixtures';
import { answered } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';
import { createScorecard, SCORECARD } from '../testing/review-fixtures';

let t: TestContext;
let otherAuditor: { id: string; cookie: string };
let teamId: string;
let cycleId: string;
let dueOn: string;
let reviewIds: string[] = [];
/** The ticket a customer answered a survey about. */
let surveyedTicket: string;

const now = new Date();
const quarter = periodKey(now, 'quarter', 'UTC');
const previousQuarter = periodKey(
  new Date(quarterBounds(quarter, 'UTC').start.getTime() - 86_400_000),
  'quarter',
  'UTC',
);
const AGENT_EMAIL = 'viewer@test.example';
const MISSING = '00000000-0000-4000-8000-000000000000';
const FULL_PASS = [
  { itemId: 'greet', value: 'pass' },
  { itemId: 'accurate', value: 'pass' },
  { itemId: 'confirmed', value: '4' },
  { itemId: 'calm', value: 'pass' },
];
const score = (answers: { itemId: string; value: string }[]) =>
  auditScore(
    scoringTemplateOf(SCORECARD),
    answers.map((a) => ({
      itemId: a.itemId,
      value: /^\d+$/.test(a.value) ? Number(a.value) : (a.value as 'pass'),
    })),
  );

beforeAll(async () => {
  t = await createTestContext();
  otherAuditor = await createStaff(t, 'second.auditor@test.example', 'auditor');
  // The team's lead owns its corrective actions; the agent reviewed is the viewer (same email).
  teamId = await createTeam(t, 'Alpha', t.users.manager.id);
  const first = await answered(t, { rating: 2, resolved: false }, { team: 'Alpha', agentEmail: AGENT_EMAIL });
  surveyedTicket = first.ticketId;
  for (let i = 0; i < 3; i++)
    await answered(t, { rating: 5, resolved: true }, { team: 'Alpha', agentEmail: AGENT_EMAIL });
  const checklistId = await createChecklist(t);
  // Last quarter's audit of the team, for the quarter-over-quarter change.
  const previous = await t.request('POST', '/api/v1/audit-cycles', {
    as: 'manager',
    json: {
      quarter: previousQuarter,
      dueOn: addDays(quarterBounds(previousQuarter, 'UTC').firstDay, 80),
      checklistTemplateId: checklistId,
      defaultAuditorUserId: t.users.auditor.id,
    },
  });
  expect(previous.status).toBe(201);
  const previousAudit = previous.body.audits[0].id;
  const prevAnswers = await t.request('PUT', `/api/v1/audits/${previousAudit}/answers`, {
    as: 'manager',
    json: {
      answers: [
        { itemId: 'channels', value: 'pass' },
        { itemId: 'hours', value: 'fail', note: 'Not published.' },
        { itemId: 'targets', value: '3' },
        { itemId: 'followups', value: 'pass' },
        { itemId: 'causes', value: '4' },
      ],
    },
  });
  expect(prevAnswers.status).toBe(200);
  dueOn = addDays(quarterBounds(quarter, 'UTC').firstDay, 85);
  const cycle = await t.request('POST', '/api/v1/audit-cycles', {
    as: 'manager',
    json: {
      quarter,
      dueOn,
      checklistTemplateId: checklistId,
      scorecardTemplateId: await createScorecard(t),
      defaultAuditorUserId: t.users.auditor.id,
      samplePerAgent: 4,
    },
  });
  expect(cycle.status).toBe(201);
  cycleId = cycle.body.id;
  const list = await t.request('GET', `/api/v1/reviews?cycleId=${cycleId}`, { as: 'auditor' });
  reviewIds = list.body.items.map((r: { id: string }) => r.id);
});
afterAll(() => t.close());

const put = (id: string, answers: unknown[], as: 'auditor' | 'manager' = 'auditor') =>
  t.request('PUT', `/api/v1/reviews/${id}/answers`, { as, json: { answers } });

describe('reviewing the sampled tickets', () => {
  it('lists the reviews to their reviewer only; the agent sees none while they are drafts', async () => {
    expect(reviewIds).toHaveLength(4);
    const other = await t.request('GET', '/api/v1/reviews', { headers: { cookie: otherAuditor.cookie } });
    expect(other.body.items).toEqual([]);
    const agent = await t.request('GET', '/api/v1/reviews', { as: 'viewer' });
    expect(agent.body.items).toEqual([]);
    const peek = await t.request('GET', `/api/v1/reviews/${reviewIds[0]}`, {
      headers: { cookie: otherAuditor.cookie },
    });
    expect(peek.status).toBe(403);
    const drafts = await t.request('GET', `/api/v1/reviews?status=draft&cycleId=${cycleId}`, {
      as: 'manager',
    });
    expect(drafts.body.items).toHaveLength(4);
    const bad = await t.request('GET', '/api/v1/reviews?status=maybe', { as: 'manager' });
    expect(bad.status).toBe(400);
    expect((await t.request('GET', `/api/v1/reviews/${MISSING}`, { as: 'manager' })).status).toBe(404);
  });

  it('shows the ticket, the customer and their survey answers in the survey wording', async () => {
    const list = await t.request('GET', `/api/v1/reviews?cycleId=${cycleId}`, { as: 'auditor' });
    const id = list.body.items.find((r: { ticket: { id: string } }) => r.ticket.id === surveyedTicket).id;
    const res = await t.request('GET', `/api/v1/reviews/${id}`, { as: 'auditor' });
    expect(res.status).toBe(200);
    expect(res.body.ticket.channel).toBe('email');
    expect(res.body.ticket.resolvedAt).not.toBeNull();
    expect(res.body.ticket.customer.name).toMatch(/^Customer /);
    expect(res.body.agent.name).toBe('Agent');
    expect(res.body.team).toEqual({ id: teamId, name: 'Alpha' });
    expect(res.body.template.definition).toEqual(SCORECARD);
    expect(res.body.surveyResponses).toHaveLength(1);
    expect(res.body.surveyResponses[0].survey.defaultLocale).toBe('en');
    const rating = res.body.surveyResponses[0].answers.find(
      (a: { questionId: string }) => a.questionId === 'rating',
    );
    expect(rating.value).toBe(2);
    expect(rating.question.text).toMatch(/satisf/i);
    expect(res.body.result).toEqual(score([]));
  });

  it('refuses answers that do not fit, and saves nothing', async () => {
    const id = reviewIds[0] as string;
    const res = await put(id, [
      { itemId: 'greet', value: 'na' },
      { itemId: 'confirmed', value: '5' },
      { itemId: 'accurate', value: 'fail' },
      { itemId: 'nope', value: 'pass' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'answers.0.value',
      'answers.1.value',
      'answers.2.note',
      'answers.3.itemId',
    ]);
    const shape = await put(id, [{ itemId: 'greet', value: 'maybe' }]);
    expect(shape.status).toBe(400);
    expect(shape.body.error.code).toBe('VALIDATION');
    expect((await put(MISSING, FULL_PASS)).status).toBe(404);
    const detail = await t.request('GET', `/api/v1/reviews/${id}`, { as: 'auditor' });
    expect(detail.body.answers).toEqual([]);
  });

  it('scores through the API exactly as auditScore does', async () => {
    const id = reviewIds[0] as string;
    const answers = [
      { itemId: 'greet', value: 'pass' },
      { itemId: 'confirmed', value: '2', note: 'Closed without asking.' },
    ];
    const res = await put(id, answers);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual(score(answers));
    expect(res.body.progress).toEqual({ answered: 2, total: 4 });
  });

  it('refuses to submit with items unanswered, listing them', async () => {
    const res = await t.request('POST', `/api/v1/reviews/${reviewIds[0]}/submit`, { as: 'auditor' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'answers.accurate',
      'answers.calm',
    ]);
  });

  it('submits, locks the review, and opens one action per failed critical item, once', async () => {
    const id = reviewIds[0] as string;
    const answers = [
      { itemId: 'greet', value: 'pass' },
      { itemId: 'accurate', value: 'fail', note: 'Quoted the wrong refund period.' },
      { itemId: 'confirmed', value: '2', note: 'Closed without asking.' },
      { itemId: 'calm', value: 'pass' },
    ];
    expect((await put(id, answers.slice(1))).status).toBe(200);
    const res = await t.request('POST', `/api/v1/reviews/${id}/submit`, { as: 'auditor' });
    expect(res.status).toBe(200);
    const expected = score(answers);
    expect(expected.score).toBe(0);
    expect(res.body.status).toBe('submitted');
    expect(res.body.score).toBe(expected.score);
    expect(res.body.passed).toBe(false);
    expect(res.body.actionIds).toHaveLength(1);
    const again = await t.request('POST', `/api/v1/reviews/${id}/submit`, { as: 'auditor' });
    expect(again.status).toBe(409);
    const change = await put(id, [{ itemId: 'greet', value: 'pass' }], 'manager');
    expect(change.status).toBe(409);
    expect(change.body.error.message).toMatch(/submitted and locked/);
    const actions = await t.request('GET', `/api/v1/actions?cycleId=${cycleId}`, { as: 'manager' });
    expect(actions.body.items).toHaveLength(1);
    expect(actions.body.items[0]).toMatchObject({
      reviewId: id,
      itemId: 'accurate',
      owner: { id: t.users.manager.id },
      dueOn: addDays(dueOn, 30),
      team: { id: teamId },
    });
    // The reviewer (an auditor) sees the action their review opened; another auditor does not.
    const mine = await t.request('GET', `/api/v1/actions?cycleId=${cycleId}`, { as: 'auditor' });
    expect(mine.body.items.map((a: { reviewId: string }) => a.reviewId)).toEqual([id]);
    const actionId = mine.body.items[0].id as string;
    expect((await t.request('GET', `/api/v1/actions/${actionId}`, { as: 'auditor' })).status).toBe(200);
    const others = await t.app.request(`/api/v1/actions?cycleId=${cycleId}`, {
      headers: { cookie: otherAuditor.cookie },
    });
    expect(((await others.json()) as { items: unknown[] }).items).toEqual([]);
    const otherOne = await t.app.request(`/api/v1/actions/${actionId}`, {
      headers: { cookie: otherAuditor.cookie },
    });
    expect(otherOne.status).toBe(404);
    const log = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.id));
    expect(log.map((l) => l.action)).toEqual(['review.answer', 'review.answer', 'review.submit']);
  });

  it('lets the others be scored and submitted in full', async () => {
    for (const id of reviewIds.slice(1)) {
      expect((await put(id, FULL_PASS)).status).toBe(200);
      const res = await t.request('POST', `/api/v1/reviews/${id}/submit`, { as: 'auditor' });
      expect(res.status).toBe(200);
      expect(res.body.score).toBe(100);
    }
    const agent = await t.request('GET', '/api/v1/reviews', { as: 'viewer' });
    expect(agent.body.items).toHaveLength(4);
  });
});

describe('disputes', () => {
  const disputes = (
    id: string,
    json: unknown,
    headers: { as?: 'viewer' | 'manager' | 'auditor'; cookie?: string },
  ) =>
    t.request('POST', `/api/v1/reviews/${id}/disputes`, {
      as: headers.as,
      headers: headers.cookie ? { cookie: headers.cookie } : undefined,
      json,
    });

  it('lets the agent (by email) or a manager dispute a submitted item, one open dispute per item', async () => {
    const id = reviewIds[0] as string;
    const bad = await disputes(id, { itemId: 'nope', comment: 'x' }, { as: 'viewer' });
    expect(bad.status).toBe(400);
    const empty = await disputes(id, { itemId: 'accurate', comment: '  ' }, { as: 'viewer' });
    expect(empty.status).toBe(400);
    const stranger = await disputes(
      id,
      { itemId: 'accurate', comment: 'No.' },
      { cookie: otherAuditor.cookie },
    );
    expect(stranger.status).toBe(403);
    const res = await disputes(
      id,
      { itemId: 'accurate', comment: 'The policy changed that week.' },
      { as: 'viewer' },
    );
    expect(res.status).toBe(201);
    expect(res.body.openDisputes).toBe(1);
    expect(res.body.disputes[0]).toMatchObject({
      itemId: 'accurate',
      status: 'open',
      raisedBy: { id: t.users.viewer.id },
    });
    const twice = await disputes(id, { itemId: 'accurate', comment: 'Again.' }, { as: 'manager' });
    expect(twice.status).toBe(409);
    const second = await disputes(
      id,
      { itemId: 'confirmed', comment: 'The customer confirmed by phone.' },
      { as: 'manager' },
    );
    expect(second.status).toBe(201);
  });

  it('accepting with a new value re-scores; rejecting keeps the answer; decisions are final', async () => {
    const id = reviewIds[0] as string;
    const before = await t.request('GET', `/api/v1/reviews/${id}`, { as: 'auditor' });
    const [accurate, confirmed] = before.body.disputes;
    const decide = (disputeId: string, json: unknown, as: 'auditor' | 'manager' | 'viewer' = 'auditor') =>
      t.request('POST', `/api/v1/reviews/${id}/disputes/${disputeId}/decide`, { as, json });
    expect((await decide(accurate.id, { decision: 'accepted', reason: 'Yes' }, 'viewer')).status).toBe(403);
    const wrongReviewer = await t.request('POST', `/api/v1/reviews/${id}/disputes/${accurate.id}/decide`, {
      headers: { cookie: otherAuditor.cookie },
      json: { decision: 'rejected', reason: 'No' },
    });
    expect(wrongReviewer.status).toBe(403);
    expect((await decide(accurate.id, { decision: 'rejected', reason: 'x', newValue: 'pass' })).status).toBe(
      400,
    );
    expect((await decide(accurate.id, { decision: 'accepted', reason: 'x', newValue: '7' })).status).toBe(
      400,
    );
    expect((await decide(MISSING, { decision: 'rejected', reason: 'x' })).status).toBe(404);

    const accepted = await decide(accurate.id, {
      decision: 'accepted',
      reason: 'The policy did change on the Monday.',
      newValue: 'pass',
    });
    expect(accepted.status).toBe(200);
    const after = [
      { itemId: 'greet', value: 'pass' },
      { itemId: 'accurate', value: 'pass' },
      { itemId: 'confirmed', value: '2' },
      { itemId: 'calm', value: 'pass' },
    ];
    expect(accepted.body.score).toBe(score(after).score);
    expect(accepted.body.passed).toBe(score(after).passed);
    expect(accepted.body.result).toEqual(score(after));
    expect(accepted.body.disputes[0]).toMatchObject({
      status: 'accepted',
      previousValue: 'fail',
      newValue: 'pass',
      decidedBy: { id: t.users.auditor.id },
    });

    const rejected = await decide(
      confirmed.id,
      { decision: 'rejected', reason: 'No confirmation on the ticket.' },
      'manager',
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.score).toBe(accepted.body.score);
    expect(rejected.body.answers.find((a: { itemId: string }) => a.itemId === 'confirmed').value).toBe('2');
    expect(rejected.body.disputes[1]).toMatchObject({
      status: 'rejected',
      previousValue: null,
      newValue: null,
    });
    expect(rejected.body.openDisputes).toBe(0);
    expect((await decide(confirmed.id, { decision: 'accepted', reason: 'Changed my mind' })).status).toBe(
      409,
    );
    // The action already opened stays for the team to close; none is added.
    const actions = await t.request('GET', `/api/v1/actions?cycleId=${cycleId}`, { as: 'manager' });
    expect(actions.body.items).toHaveLength(1);
  });
});

describe('calibration', () => {
  let ticketIds: string[] = [];

  it('sets up the same tickets for every reviewer, for managers only', async () => {
    const byAuditor = await t.request('POST', `/api/v1/audit-cycles/${cycleId}/calibration`, {
      as: 'auditor',
      json: { reviewerUserIds: [t.users.auditor.id, otherAuditor.id] },
    });
    expect(byAuditor.status).toBe(403);
    const one = await t.request('POST', `/api/v1/audit-cycles/${cycleId}/calibration`, {
      as: 'manager',
      json: { reviewerUserIds: [otherAuditor.id] },
    });
    expect(one.status).toBe(400);
    const viewerReviewer = await t.request('POST', `/api/v1/audit-cycles/${cycleId}/calibration`, {
      as: 'manager',
      json: { reviewerUserIds: [otherAuditor.id, t.users.viewer.id] },
    });
    expect(viewerReviewer.status).toBe(400);
    expect(viewerReviewer.body.error.details[0].path).toBe('reviewerUserIds.1');
    const foreign = await t.request('POST', `/api/v1/audit-cycles/${cycleId}/calibration`, {
      as: 'manager',
      json: { ticketIds: [MISSING], reviewerUserIds: [otherAuditor.id, t.users.manager.id] },
    });
    expect(foreign.status).toBe(400);
    const res = await t.request('POST', `/api/v1/audit-cycles/${cycleId}/calibration`, {
      as: 'manager',
      json: { count: 3, reviewerUserIds: [t.users.auditor.id, otherAuditor.id, t.users.manager.id] },
    });
    expect(res.status).toBe(201);
    ticketIds = res.body.tickets.map((x: { id: string }) => x.id);
    expect(ticketIds).toHaveLength(3);
    // The sample's own reviewer keeps their review; the two others get calibration reviews.
    expect(res.body.reviews).toHaveLength(9);
    expect(res.body.items[0].meanKappa).toBeNull();
    // Calibration reviews are practice: the agent cannot dispute them.
    const practice = res.body.reviews.find(
      (r: { reviewer: { id: string } }) => r.reviewer.id === otherAuditor.id,
    );
    const dispute = await t.request('POST', `/api/v1/reviews/${practice.id}/disputes`, {
      as: 'manager',
      json: { itemId: 'greet', comment: 'x' },
    });
    expect(dispute.status).toBe(409);
    expect(res.body.items[0].reason).toMatch(/at least 2/);
  });

  it("gives each pair's kappa per item exactly as cohenKappa does, and the spread", async () => {
    const mine = await t.request('GET', `/api/v1/reviews?calibration=true`, {
      headers: { cookie: otherAuditor.cookie },
    });
    expect(mine.body.items).toHaveLength(3);
    const managers = await t.request('GET', `/api/v1/reviews?calibration=true&cycleId=${cycleId}`, {
      as: 'manager',
    });
    expect(managers.body.items).toHaveLength(6);
    const valuesOf = (reviewer: string, ticket: string) => {
      const i = ticketIds.indexOf(ticket);
      if (reviewer === otherAuditor.id)
        return [
          { itemId: 'greet', value: i === 0 ? 'fail' : 'pass', note: 'Cold opening.' },
          { itemId: 'accurate', value: 'pass' },
          { itemId: 'confirmed', value: String(2 + i), note: 'Partly.' },
          { itemId: 'calm', value: 'pass' },
        ];
      return [
        { itemId: 'greet', value: 'pass' },
        { itemId: 'accurate', value: 'pass' },
        { itemId: 'confirmed', value: i === 2 ? 'na' : '3', note: 'Mostly.' },
        { itemId: 'calm', value: 'pass' },
      ];
    };
    for (const r of managers.body.items as {
      id: string;
      reviewer: { id: string };
      ticket: { id: string };
    }[]) {
      const saved = await put(r.id, valuesOf(r.reviewer.id, r.ticket.id), 'manager');
      expect(saved.status).toBe(200);
      expect((await t.request('POST', `/api/v1/reviews/${r.id}/submit`, { as: 'manager' })).status).toBe(200);
    }
    const res = await t.request('GET', `/api/v1/audit-cycles/${cycleId}/calibration`, { as: 'auditor' });
    expect(res.status).toBe(200);
    const reviewers = res.body.reviewers.map((p: { id: string }) => p.id);
    expect(reviewers.sort()).toEqual([t.users.auditor.id, otherAuditor.id, t.users.manager.id].sort());
    const detailOf = new Map<string, Record<string, string>>();
    for (const tid of ticketIds) detailOf.set(tid, {});
    const auditorReviews = await t.request('GET', `/api/v1/reviews?calibration=false&cycleId=${cycleId}`, {
      as: 'auditor',
    });
    const auditorValues = new Map<string, Map<string, string>>();
    for (const r of auditorReviews.body.items as { id: string; ticket: { id: string } }[]) {
      const d = await t.request('GET', `/api/v1/reviews/${r.id}`, { as: 'auditor' });
      auditorValues.set(
        r.ticket.id,
        new Map(d.body.answers.map((a: { itemId: string; value: string }) => [a.itemId, a.value])),
      );
    }
    const value = (reviewer: string, ticket: string, itemId: string): string =>
      reviewer === t.users.auditor.id
        ? (auditorValues.get(ticket)?.get(itemId) as string)
        : (valuesOf(reviewer, ticket).find((a) => a.itemId === itemId)?.value as string);
    for (const item of res.body.items) {
      for (const pair of item.pairs) {
        const pairs = ticketIds.map(
          (tid) =>
            [value(pair.reviewerA.id, tid, item.itemId), value(pair.reviewerB.id, tid, item.itemId)] as [
              string,
              string,
            ],
        );
        const expected = cohenKappa(pairs);
        expect(pair.n).toBe(3);
        expect(pair.kappa).toBe(expected.kappa);
        expect(pair.observedAgreement).toBe(expected.observedAgreement);
      }
      const kappas = item.pairs.map((p: { kappa: number }) => p.kappa);
      expect(item.meanKappa).toBeCloseTo(
        kappas.reduce((a: number, b: number) => a + b, 0) / kappas.length,
        12,
      );
    }
    const greet = res.body.items.find((i: { itemId: string }) => i.itemId === 'greet');
    const firstTicket = greet.tickets.find((x: { ticketId: string }) => x.ticketId === ticketIds[0]);
    expect(firstTicket.values[otherAuditor.id]).toBe('fail');
    expect(firstTicket.spread).toMatchObject({ min: 0, max: 1, n: 3 });
    expect(firstTicket.spread.sd).toBeCloseTo(Math.sqrt(2 / 9), 12);
    expect(
      (await t.request('GET', `/api/v1/audit-cycles/${cycleId}/calibration`, { as: 'viewer' })).status,
    ).toBe(403);
  });
});

describe('results', () => {
  it("gives each agent's review score over submitted non-calibration reviews, with n", async () => {
    const res = await t.request('GET', `/api/v1/audit-cycles/${cycleId}/results`, { as: 'manager' });
    expect(res.status).toBe(200);
    const [team] = res.body.teams;
    expect(team.team).toEqual({ id: teamId, name: 'Alpha' });
    expect(team.previousQuarter).toBe(previousQuarter);
    const [agent] = team.agents;
    const reviewed = await t.request('GET', `/api/v1/reviews?calibration=false&cycleId=${cycleId}`, {
      as: 'manager',
    });
    const scores = reviewed.body.items.map((r: { score: number }) => r.score);
    expect(agent.n).toBe(4);
    expect(agent.reviewScore).toBeCloseTo(scores.reduce((a: number, b: number) => a + b, 0) / 4, 12);
    expect(agent.passShare).toBe(reviewed.body.items.filter((r: { passed: boolean }) => r.passed).length / 4);
    expect(agent.pendingReviews).toBe(0);
  });

  it('compares each checklist section with last quarter, and shows viewers only signed audits', async () => {
    const cycle = await t.request('GET', `/api/v1/audit-cycles/${cycleId}`, { as: 'manager' });
    const auditId = cycle.body.audits[0].id;
    const answers = [
      { itemId: 'channels', value: 'pass' },
      { itemId: 'hours', value: 'pass' },
      { itemId: 'targets', value: '5' },
      { itemId: 'followups', value: 'fail', note: 'Two late.' },
      { itemId: 'causes', value: '4' },
    ];
    expect(
      (await t.request('PUT', `/api/v1/audits/${auditId}/answers`, { as: 'manager', json: { answers } }))
        .status,
    ).toBe(200);
    const res = await t.request('GET', `/api/v1/audit-cycles/${cycleId}/results`, { as: 'manager' });
    const tpl = scoringTemplateOf(CHECKLIST);
    const toValue = (v: string) => (/^\d+$/.test(v) ? Number(v) : (v as 'pass'));
    const now = auditScore(
      tpl,
      answers.map((a) => ({ itemId: a.itemId, value: toValue(a.value) })),
    );
    const before = auditScore(tpl, [
      { itemId: 'channels', value: 'pass' },
      { itemId: 'hours', value: 'fail' },
      { itemId: 'targets', value: 3 },
      { itemId: 'followups', value: 'pass' },
      { itemId: 'causes', value: 4 },
    ]);
    const sections = res.body.teams[0].sections;
    expect(sections.map((s: { id: string }) => s.id)).toEqual(['reach', 'listen']);
    sections.forEach((s: { score: number; previous: number; change: number }, i: number) => {
      expect(s.score).toBe(now.sections[i]?.score);
      expect(s.previous).toBe(before.sections[i]?.score);
      expect(s.change).toBeCloseTo((now.sections[i]?.score ?? 0) - (before.sections[i]?.score ?? 0), 12);
    });
    const viewer = await t.request('GET', `/api/v1/audit-cycles/${cycleId}/results`, { as: 'viewer' });
    expect(viewer.status).toBe(200);
    expect(viewer.body.teams).toEqual([]);
    expect(
      (await t.request('GET', `/api/v1/audit-cycles/${MISSING}/results`, { as: 'manager' })).status,
    ).toBe(404);
  });
});
