import { auditLog } from '@rapport/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecklist, createTeam } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
let checklistId: string;
let teamA: string;
let teamB: string;
beforeAll(async () => {
  t = await createTestContext();
  checklistId = await createChecklist(t);
  teamA = await createTeam(t, 'Alpha');
  teamB = await createTeam(t, 'Bravo');
  const tz = await t.request('PATCH', '/api/v1/settings', {
    as: 'admin',
    json: { timeZone: 'Europe/Belgrade' },
  });
  expect(tz.status).toBe(200);
});
afterAll(() => t.close());

const open = (json: Record<string, unknown>, as: 'manager' | 'auditor' = 'manager') =>
  t.request('POST', '/api/v1/audit-cycles', {
    as,
    json: { checklistTemplateId: checklistId, defaultAuditorUserId: t.users.auditor.id, ...json },
  });

describe('audit cycles', () => {
  it('validates the quarter, the due date and the auditors before opening anything', async () => {
    const quarter = await open({ quarter: '2026-Q5', dueOn: '2026-12-01' });
    expect(quarter.status).toBe(400);
    expect(quarter.body.error.details).toEqual([
      { path: 'quarter', message: 'Write the quarter as the year and Q1..Q4, like 2026-Q4.' },
    ]);
    const early = await open({ quarter: '2026-Q4', dueOn: '2026-09-30' });
    expect(early.status).toBe(400);
    expect(early.body.error.details).toEqual([
      { path: 'dueOn', message: 'The due date is before 2026-Q4 starts (2026-10-01).' },
    ]);
    const nobody = await t.request('POST', '/api/v1/audit-cycles', {
      as: 'manager',
      json: {
        quarter: '2026-Q4',
        dueOn: '2026-12-01',
        checklistTemplateId: checklistId,
        auditors: { [teamA]: t.users.auditor.id },
      },
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.details).toEqual([
      { path: `auditors.${teamB}`, message: 'This team has no auditor.' },
    ]);
    const viewer = await open({
      quarter: '2026-Q4',
      dueOn: '2026-12-01',
      defaultAuditorUserId: t.users.viewer.id,
    });
    expect(viewer.status).toBe(400);
    expect(viewer.body.error.details).toEqual([
      {
        path: 'defaultAuditorUserId',
        message: 'The viewer is a viewer: choose an auditor, manager or admin.',
      },
    ]);
    const refused = await open({ quarter: '2026-Q4', dueOn: '2026-12-01' }, 'auditor');
    expect(refused.status).toBe(403);
    expect((await t.request('GET', '/api/v1/audit-cycles', { as: 'manager' })).body.items).toEqual([]);
  });

  it('opens one audit per team in the organisation time zone, with a stored seed, once per quarter', async () => {
    const res = await open({
      quarter: '2026-Q4',
      dueOn: '2026-12-15',
      auditors: { [teamB]: t.users.manager.id },
      samplePerAgent: 4,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      quarter: '2026-Q4',
      status: 'open',
      dueOn: '2026-12-15',
      samplePerAgent: 4,
      // Belgrade is UTC+2 on 1 October (summer time) and UTC+1 on 1 January.
      period: {
        start: '2026-09-30T22:00:00.000Z',
        end: '2026-12-31T23:00:00.000Z',
        timeZone: 'Europe/Belgrade',
      },
      checklist: { templateId: checklistId, version: 1, name: 'Quarterly checklist' },
      scorecard: null,
      openedBy: { id: t.users.manager.id, name: 'The manager' },
    });
    expect(res.body.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(
      res.body.audits.map(
        (a: { team: { name: string }; auditor: { id: string }; status: string; dueOn: string }) => [
          a.team.name,
          a.auditor.id,
          a.status,
          a.dueOn,
        ],
      ),
    ).toEqual([
      ['Alpha', t.users.auditor.id, 'draft', '2026-12-15'],
      ['Bravo', t.users.manager.id, 'draft', '2026-12-15'],
    ]);
    const [logged] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id));
    expect(logged).toMatchObject({ action: 'audit_cycle.open', entityType: 'audit_cycle' });
    expect((logged?.after as { seed: string }).seed).toBe(res.body.seed);

    const again = await open({ quarter: '2026-Q4', dueOn: '2026-12-20' });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'CONFLICT', message: '2026-Q4 already has an audit cycle.' });

    const other = await open({ quarter: '2027-Q1', dueOn: '2027-03-20' });
    expect(other.status).toBe(201);
    expect(other.body.seed).not.toBe(res.body.seed);
    const list = await t.request('GET', '/api/v1/audit-cycles', { as: 'viewer' });
    expect(list.body.items.map((c: { quarter: string }) => c.quarter)).toEqual(['2027-Q1', '2026-Q4']);
    // Viewers read results: nothing is signed yet.
    expect(list.body.items[0].audits).toEqual([]);
  });

  it('answers 404 for an unknown cycle', async () => {
    const res = await t.request('GET', '/api/v1/audit-cycles/00000000-0000-4000-8000-000000000000', {
      as: 'manager',
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: 'Audit cycle was not found.' });
  });
});
