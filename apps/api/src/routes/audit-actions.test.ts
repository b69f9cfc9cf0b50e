import { auditLog } from '@rapport/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST, createChecklist, createStaff, createTeam } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
let teamA: string;
let teamB: string;
let otherAuditor: { id: string; cookie: string };
let actionA: string;

const FAILING = [
  { itemId: 'channels', value: 'fail', note: 'No chat link on the site.' },
  { itemId: 'hours', value: 'pass' },
  { itemId: 'targets', value: '5' },
  { itemId: 'followups', value: 'pass' },
  { itemId: 'causes', value: 'na' },
];

/** Runs a team's audit to sign-off with `channels` failed. */
async function signedAudit(auditId: string) {
  const saved = await t.request('PUT', `/api/v1/audits/${auditId}/answers`, {
    as: 'manager',
    json: { answers: FAILING },
  });
  expect(saved.status).toBe(200);
  expect((await t.request('POST', `/api/v1/audits/${auditId}/submit`, { as: 'manager' })).status).toBe(200);
  expect((await t.request('POST', `/api/v1/audits/${auditId}/sign-off`, { as: 'manager' })).status).toBe(200);
}

beforeAll(async () => {
  t = await createTestContext();
  otherAuditor = await createStaff(t, 'other.auditor@test.example', 'auditor');
  teamA = await createTeam(t, 'Alpha');
  teamB = await createTeam(t, 'Bravo', t.users.manager.id);
  const checklistId = await createChecklist(t, 'Checklist', CHECKLIST);
  const cycle = await t.request('POST', '/api/v1/audit-cycles', {
    as: 'manager',
    json: {
      quarter: '2026-Q2',
      dueOn: '2026-06-30',
      checklistTemplateId: checklistId,
      auditors: { [teamA]: t.users.auditor.id, [teamB]: otherAuditor.id },
    },
  });
  expect(cycle.status).toBe(201);
  for (const audit of cycle.body.audits as { id: string }[]) await signedAudit(audit.id);
  const list = await t.request('GET', `/api/v1/actions?teamId=${teamA}`, { as: 'manager' });
  actionA = list.body.items[0].id;
});
afterAll(() => t.close());

describe('corrective actions', () => {
  it('lists the actions opened at sign-off: owner is the team lead, or the signer when there is none', async () => {
    const res = await t.request('GET', '/api/v1/actions', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(
      res.body.items.map(
        (a: { team: { name: string }; itemId: string; owner: { id: string }; dueOn: string }) => [
          a.team.name,
          a.itemId,
          a.owner.id,
          a.dueOn,
        ],
      ),
    ).toEqual([
      ['Alpha', 'channels', t.users.manager.id, '2026-07-30'],
      ['Bravo', 'channels', t.users.manager.id, '2026-07-30'],
    ]);
    expect(res.body.items[0]).toMatchObject({
      title: 'Contact channels easy to find',
      status: 'open',
      cycle: { quarter: '2026-Q2' },
      closingNote: null,
    });
  });

  it('shows an auditor only the actions of their own audits', async () => {
    const mine = await t.request('GET', '/api/v1/actions', { as: 'auditor' });
    expect(mine.body.items.map((a: { team: { id: string } }) => a.team.id)).toEqual([teamA]);
    const theirs = await t.request('GET', '/api/v1/actions', { headers: { cookie: otherAuditor.cookie } });
    expect(theirs.body.items.map((a: { team: { id: string } }) => a.team.id)).toEqual([teamB]);
    const other = await t.request('GET', `/api/v1/actions/${actionA}`, {
      headers: { cookie: otherAuditor.cookie },
    });
    expect(other.status).toBe(404);
  });

  it('computes overdue from the due date and filters by it, by status, team and cycle', async () => {
    const bravo = await t.request('GET', `/api/v1/actions?teamId=${teamB}`, { as: 'manager' });
    const later = await t.request('PATCH', `/api/v1/actions/${bravo.body.items[0].id}`, {
      as: 'manager',
      json: { dueOn: '2099-01-15' },
    });
    expect(later.body.overdue).toBe(false);
    const moved = await t.request('PATCH', `/api/v1/actions/${actionA}`, {
      as: 'manager',
      json: { dueOn: '2020-01-15', status: 'in_progress' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ dueOn: '2020-01-15', status: 'in_progress', overdue: true });
    const overdue = await t.request('GET', '/api/v1/actions?overdue=true', { as: 'manager' });
    expect(overdue.body.items.map((a: { id: string }) => a.id)).toEqual([actionA]);
    const notOverdue = await t.request('GET', '/api/v1/actions?overdue=false', { as: 'manager' });
    expect(notOverdue.body.items.map((a: { team: { id: string } }) => a.team.id)).toEqual([teamB]);
    const progress = await t.request('GET', '/api/v1/actions?status=in_progress', { as: 'manager' });
    expect(progress.body.items.map((a: { id: string }) => a.id)).toEqual([actionA]);
    const cycleId = moved.body.cycle.id as string;
    const byCycle = await t.request('GET', `/api/v1/actions?cycleId=${cycleId}&teamId=${teamB}`, {
      as: 'manager',
    });
    expect(byCycle.body.items).toHaveLength(1);
    const bad = await t.request('GET', '/api/v1/actions?overdue=yes', { as: 'manager' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'overdue', message: 'overdue is true or false.' }]);
  });

  it('closes only with a note, records who closed it, and logs every change', async () => {
    const noNote = await t.request('PATCH', `/api/v1/actions/${actionA}`, {
      as: 'manager',
      json: { status: 'done' },
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error).toEqual({
      code: 'VALIDATION',
      message: 'Write a closing note saying what was done before marking the action done.',
      details: [
        {
          path: 'closingNote',
          message: 'Write a closing note saying what was done before marking the action done.',
        },
      ],
    });
    const viewer = await t.request('PATCH', `/api/v1/actions/${actionA}`, {
      as: 'viewer',
      json: { status: 'done', closingNote: 'x' },
    });
    expect(viewer.status).toBe(403);
    const badOwner = await t.request('PATCH', `/api/v1/actions/${actionA}`, {
      as: 'manager',
      json: { ownerUserId: t.users.viewer.id },
    });
    expect(badOwner.status).toBe(400);
    expect(badOwner.body.error.details[0].path).toBe('ownerUserId');

    const closed = await t.request('PATCH', `/api/v1/actions/${actionA}`, {
      as: 'admin',
      json: { status: 'done', closingNote: 'Chat link added to every page footer.' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'done',
      overdue: false,
      closingNote: 'Chat link added to every page footer.',
      closedBy: { id: t.users.admin.id, name: 'The admin' },
    });
    expect(closed.body.closedAt).not.toBeNull();

    const reopened = await t.request('PATCH', `/api/v1/actions/${actionA}`, {
      as: 'manager',
      json: { status: 'open' },
    });
    expect(reopened.body).toMatchObject({
      status: 'open',
      closingNote: null,
      closedAt: null,
      closedBy: null,
    });

    const log = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'corrective_action'), eq(auditLog.entityId, actionA)))
      .orderBy(asc(auditLog.id));
    expect(log.map((l) => l.action)).toEqual([
      'corrective_action.create',
      'corrective_action.update',
      'corrective_action.close',
      'corrective_action.reopen',
    ]);
    const missing = await t.request('PATCH', '/api/v1/actions/00000000-0000-4000-8000-000000000000', {
      as: 'manager',
      json: { status: 'open' },
    });
    expect(missing.status).toBe(404);
  });

  it('shows a team’s unfinished actions from earlier cycles in its next audit', async () => {
    const checklist = await t.request('GET', '/api/v1/audit-templates', { as: 'manager' });
    const next = await t.request('POST', '/api/v1/audit-cycles', {
      as: 'manager',
      json: {
        quarter: '2026-Q3',
        dueOn: '2026-09-30',
        checklistTemplateId: checklist.body.items[0].id,
        defaultAuditorUserId: t.users.auditor.id,
      },
    });
    const audit = next.body.audits.find((a: { team: { id: string } }) => a.team.id === teamA);
    const res = await t.request('GET', `/api/v1/audits/${audit.id}`, { as: 'auditor' });
    expect(res.body.earlierOpenActions.map((a: { id: string }) => a.id)).toEqual([actionA]);
    expect(res.body.actions).toEqual([]);
  });
});
