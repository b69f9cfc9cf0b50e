import { scoringTemplateOf } from '@rapport/contracts';
import { auditLog } from '@rapport/db';
import { auditScore } from '@rapport/scoring';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST, createChecklist, createStaff, createTeam } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
let otherAuditor: { id: string; cookie: string };
let teamA: string;
let teamB: string;
let auditA: string;
let auditB: string;
let cycleId: string;

beforeAll(async () => {
  t = await createTestContext();
  otherAuditor = await createStaff(t, 'second.auditor@test.example', 'auditor');
  teamA = await createTeam(t, 'Alpha', t.users.manager.id);
  teamB = await createTeam(t, 'Bravo');
  const checklistId = await createChecklist(t);
  const cycle = await t.request('POST', '/api/v1/audit-cycles', {
    as: 'manager',
    json: {
      quarter: '2026-Q4',
      dueOn: '2026-12-15',
      checklistTemplateId: checklistId,
      auditors: { [teamB]: otherAuditor.id },
      defaultAuditorUserId: t.users.auditor.id,
      samplePerAgent: 3,
    },
  });
  expect(cycle.status).toBe(201);
  cycleId = cycle.body.id;
  auditA = cycle.body.audits.find((a: { team: { id: string } }) => a.team.id === teamA).id;
  auditB = cycle.body.audits.find((a: { team: { id: string } }) => a.team.id === teamB).id;
});
afterAll(() => t.close());

const put = (id: string, answers: unknown[], as: 'auditor' | 'manager' = 'auditor') =>
  t.request('PUT', `/api/v1/audits/${id}/answers`, { as, json: { answers } });

describe('answering an audit', () => {
  it('shows the assigned auditor only their own audits, and refuses the others', async () => {
    const mine = await t.request('GET', '/api/v1/audits', { as: 'auditor' });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([auditA]);
    const theirs = await t.request('GET', '/api/v1/audits', { headers: { cookie: otherAuditor.cookie } });
    expect(theirs.body.items.map((a: { id: string }) => a.id)).toEqual([auditB]);
    const peek = await t.request('GET', `/api/v1/audits/${auditB}`, { as: 'auditor' });
    expect(peek.status).toBe(403);
    expect(peek.body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'This audit is assigned to another auditor.',
    });
    const write = await put(auditB, [{ itemId: 'channels', value: 'pass' }]);
    expect(write.status).toBe(403);
    const cycle = await t.request('GET', `/api/v1/audit-cycles/${cycleId}`, { as: 'auditor' });
    expect(cycle.body.audits.map((a: { id: string }) => a.id)).toEqual([auditA]);
    const all = await t.request('GET', `/api/v1/audit-cycles/${cycleId}`, { as: 'manager' });
    expect(all.body.audits).toHaveLength(2);
  });

  it('refuses answers that do not fit the item, pointing at each one, and saves nothing', async () => {
    const res = await put(auditA, [
      { itemId: 'channels', value: 'pass' },
      { itemId: 'hours', value: 'na' },
      { itemId: 'targets', value: '6' },
      { itemId: 'followups', value: 'fail' },
      { itemId: 'causes', value: '1', note: '   ' },
      { itemId: 'nope', value: 'pass' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details).toEqual([
      { path: 'answers.1.value', message: '"Support hours published" cannot be answered N/A.' },
      {
        path: 'answers.2.value',
        message: '"Response-time targets met" is answered a rating from "1" to "5".',
      },
      {
        path: 'answers.3.note',
        message: '"Negative surveys followed up in time": a failed item needs a note saying what was found.',
      },
      {
        path: 'answers.4.note',
        message:
          '"Top causes of dissatisfaction reviewed": a rating below half the scale needs a note saying what was found.',
      },
      { path: 'answers.5.itemId', message: 'The checklist has no item "nope".' },
    ]);
    const detail = await t.request('GET', `/api/v1/audits/${auditA}`, { as: 'auditor' });
    expect(detail.body.answers).toEqual([]);
  });

  it('refuses a body of the wrong shape with the house error', async () => {
    const res = await put(auditA, [{ itemId: 'channels', value: 'maybe' }]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'answers.0.value: An answer is "pass", "fail", "na" or a rating from "1" to "10".',
        details: [
          {
            path: 'answers.0.value',
            message: 'An answer is "pass", "fail", "na" or a rating from "1" to "10".',
          },
        ],
      },
    });
    const missing = await put('00000000-0000-4000-8000-000000000000', [
      { itemId: 'channels', value: 'pass' },
    ]);
    expect(missing.status).toBe(404);
  });

  it('scores the saved answers with auditScore, as they are saved', async () => {
    const first = await put(auditA, [
      { itemId: 'channels', value: 'pass' },
      { itemId: 'targets', value: '4', note: 'Email 3 h median against a 4 h target.' },
    ]);
    expect(first.status).toBe(200);
    expect(first.body.progress).toEqual({ answered: 2, total: 5 });
    expect(first.body.result).toEqual(
      auditScore(scoringTemplateOf(CHECKLIST), [
        { itemId: 'channels', value: 'pass' },
        { itemId: 'targets', value: 4 },
      ]),
    );
    // A later answer replaces the earlier one, note included.
    const second = await put(
      auditA,
      [
        { itemId: 'targets', value: '2', note: 'Chat misses its target.' },
        { itemId: 'hours', value: 'fail', note: 'Hours are not on the contact page.' },
        { itemId: 'followups', value: 'pass' },
        { itemId: 'causes', value: 'na' },
      ],
      'manager',
    );
    expect(second.status).toBe(200);
    const expected = auditScore(scoringTemplateOf(CHECKLIST), [
      { itemId: 'channels', value: 'pass' },
      { itemId: 'hours', value: 'fail' },
      { itemId: 'targets', value: 2 },
      { itemId: 'followups', value: 'pass' },
      { itemId: 'causes', value: 'na' },
    ]);
    expect(second.body.result).toEqual(expected);
    // Hand-worked: reach = 100·(1 + 0 + 2·0.25)/4 = 37.5; listen = 100; audit = (2·37.5 + 100)/3 = 58.33…
    expect(expected.score).toBeCloseTo(58.333333, 5);
    expect(expected.failedCritical).toEqual(['hours']);
    expect(second.body.answers.map((a: { itemId: string; value: string }) => [a.itemId, a.value])).toEqual([
      ['channels', 'pass'],
      ['hours', 'fail'],
      ['targets', '2'],
      ['followups', 'pass'],
      ['causes', 'na'],
    ]);
    expect(second.body.answers[2].note).toBe('Chat misses its target.');
  });
});

describe('submit, sign-off, reopen', () => {
  it('refuses to submit with items unanswered, listing every one', async () => {
    const res = await t.request('POST', `/api/v1/audits/${auditB}/submit`, {
      headers: { cookie: otherAuditor.cookie },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Answer every item before submitting: 5 items are not answered.');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'answers.channels',
      'answers.hours',
      'answers.targets',
      'answers.followups',
      'answers.causes',
    ]);
  });

  it('keeps a draft from sign-off, then submits with the score from auditScore', async () => {
    const early = await t.request('POST', `/api/v1/audits/${auditA}/sign-off`, { as: 'manager' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('Submit the audit before signing it off.');
    const byAuditor = await t.request('POST', `/api/v1/audits/${auditA}/sign-off`, { as: 'auditor' });
    expect(byAuditor.status).toBe(403);

    const res = await t.request('POST', `/api/v1/audits/${auditA}/submit`, { as: 'auditor' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
    expect(res.body.score).toBe(res.body.result.score);
    expect(res.body.passed).toBe(false);
    const later = await put(auditA, [{ itemId: 'channels', value: 'fail', note: 'x' }]);
    expect(later.status).toBe(409);
    expect(later.body.error.message).toMatch(/submitted and waits for sign-off/);
  });

  it('signs off, opens one action per failed item, and then refuses every change', async () => {
    const viewerBefore = await t.request('GET', `/api/v1/audits/${auditA}`, { as: 'viewer' });
    expect(viewerBefore.status).toBe(403);

    const res = await t.request('POST', `/api/v1/audits/${auditA}/sign-off`, { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('signed');
    expect(res.body.signedBy).toEqual({ id: t.users.admin.id, name: 'The admin' });
    // hours failed (critical) and targets rated 2 of 5, below half; the team lead owns them, due 30 days after the cycle.
    expect(
      res.body.actions.map((a: { itemId: string; owner: { id: string }; dueOn: string; status: string }) => [
        a.itemId,
        a.owner.id,
        a.dueOn,
        a.status,
      ]),
    ).toEqual([
      ['hours', t.users.manager.id, '2027-01-14', 'open'],
      ['targets', t.users.manager.id, '2027-01-14', 'open'],
    ]);
    expect(res.body.actions[0].title).toBe('Support hours published');

    const write = await put(auditA, [{ itemId: 'channels', value: 'pass' }], 'manager');
    expect(write.status).toBe(409);
    expect(write.body.error).toEqual({
      code: 'CONFLICT',
      message:
        'This audit is signed off and can no longer be changed. A manager can reopen it, giving a reason.',
    });
    expect((await t.request('POST', `/api/v1/audits/${auditA}/submit`, { as: 'manager' })).status).toBe(409);
    expect((await t.request('POST', `/api/v1/audits/${auditA}/sign-off`, { as: 'manager' })).status).toBe(
      409,
    );

    const viewer = await t.request('GET', `/api/v1/audits/${auditA}`, { as: 'viewer' });
    expect(viewer.status).toBe(200);
    const viewerList = await t.request('GET', '/api/v1/audits', { as: 'viewer' });
    expect(viewerList.body.items.map((a: { id: string }) => a.id)).toEqual([auditA]);
  });

  it('reopens only with a reason, records it, and a second sign-off adds no duplicate actions', async () => {
    const noReason = await t.request('POST', `/api/v1/audits/${auditA}/reopen`, {
      as: 'manager',
      json: { reason: ' ' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([
      { path: 'reason', message: 'Say why the audit is reopened.' },
    ]);
    const byAuditor = await t.request('POST', `/api/v1/audits/${auditA}/reopen`, {
      as: 'auditor',
      json: { reason: 'x' },
    });
    expect(byAuditor.status).toBe(403);

    const reopened = await t.request('POST', `/api/v1/audits/${auditA}/reopen`, {
      as: 'manager',
      json: { reason: 'The hours page was published before the audit date.' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('draft');
    expect(reopened.body.score).toBeNull();
    expect(reopened.body.reopens).toEqual([
      expect.objectContaining({
        fromStatus: 'signed',
        reason: 'The hours page was published before the audit date.',
        by: { id: t.users.manager.id, name: 'The manager' },
      }),
    ]);

    // Now fail "channels" too: re-signing adds that one action and keeps the earlier two once each.
    expect((await put(auditA, [{ itemId: 'channels', value: 'fail', note: 'No chat link.' }])).status).toBe(
      200,
    );
    expect((await t.request('POST', `/api/v1/audits/${auditA}/submit`, { as: 'auditor' })).status).toBe(200);
    const signed = await t.request('POST', `/api/v1/audits/${auditA}/sign-off`, { as: 'manager' });
    expect(signed.status).toBe(200);
    expect(signed.body.actions.map((a: { itemId: string }) => a.itemId).sort()).toEqual([
      'channels',
      'hours',
      'targets',
    ]);

    const log = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'audit'), eq(auditLog.entityId, auditA)))
      .orderBy(asc(auditLog.id));
    expect(log.map((l) => l.action)).toEqual([
      'audit.answer',
      'audit.answer',
      'audit.submit',
      'audit.sign',
      'audit.reopen',
      'audit.answer',
      'audit.submit',
      'audit.sign',
    ]);
  });

  it('refuses to reopen a draft', async () => {
    const res = await t.request('POST', `/api/v1/audits/${auditB}/reopen`, {
      as: 'manager',
      json: { reason: 'why not' },
    });
    expect(res.status).toBe(409);
  });
});
