import { customers, tickets } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecklist } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('/api/v1/teams', () => {
  it('creates, lists, renames and sets a lead', async () => {
    const created = await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: '  Billing ' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Billing', leadUserId: null, agentCount: 0 });

    const renamed = await t.request('PATCH', `/api/v1/teams/${created.body.id}`, {
      as: 'manager',
      json: { name: 'Billing & payments', leadUserId: t.users.manager.id },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Billing & payments',
      leadUserId: t.users.manager.id,
      leadName: 'The manager',
    });

    const list = await t.request('GET', '/api/v1/teams', { as: 'viewer' });
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, name: 'Billing & payments' }),
    ]);

    const log = await t.request('GET', '/api/v1/audit-log?entityType=team', { as: 'admin' });
    expect(log.body.items[0]).toMatchObject({
      action: 'team.update',
      actor: 'manager@test.example',
      before: { name: 'Billing', leadUserId: null },
      after: { name: 'Billing & payments', leadUserId: t.users.manager.id },
    });
  });

  it('refuses a duplicate name regardless of case with 409', async () => {
    await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: 'Onboarding' } });
    const dup = await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: 'ONBOARDING' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe('A team named "ONBOARDING" already exists.');
  });

  it('refuses a lead who is not a manager or admin, and an unknown lead', async () => {
    const viewerLead = await t.request('POST', '/api/v1/teams', {
      as: 'manager',
      json: { name: 'Tier 2', leadUserId: t.users.viewer.id },
    });
    expect(viewerLead.status).toBe(400);
    expect(viewerLead.body.error).toMatchObject({
      code: 'VALIDATION',
      message: 'A team lead must be an active manager or admin.',
    });
    const unknownLead = await t.request('POST', '/api/v1/teams', {
      as: 'manager',
      json: { name: 'Tier 2', leadUserId: MISSING },
    });
    expect(unknownLead.status).toBe(400);
    const list = await t.request('GET', '/api/v1/teams', { as: 'manager' });
    expect(list.body.items.map((x: { name: string }) => x.name)).not.toContain('Tier 2');
  });

  it.each([[{}], [{ name: '' }], [{ name: 'x'.repeat(201) }], [{ name: 'ok', leadUserId: 'nope' }]])(
    'answers %j with 400',
    async (json) => {
      const res = await t.request('POST', '/api/v1/teams', { as: 'manager', json });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
    },
  );

  it('answers 404 for unknown teams', async () => {
    for (const [method, json] of [['GET'], ['PATCH', { name: 'Z' }], ['DELETE']] as const) {
      const res = await t.request(method, `/api/v1/teams/${MISSING}`, { as: 'manager', json });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('Team was not found.');
    }
  });

  it('deletes a team without history, but not one with tickets', async () => {
    const empty = await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: 'Temporary' } });
    expect((await t.request('DELETE', `/api/v1/teams/${empty.body.id}`, { as: 'manager' })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/teams/${empty.body.id}`, { as: 'manager' })).status).toBe(404);

    const busy = await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: 'Busy' } });
    const [customer] = await t.db.insert(customers).values({ email: 'c@example.com' }).returning();
    await t.db.insert(tickets).values({
      externalId: 'T-1',
      channel: 'email',
      customerId: customer!.id,
      teamId: busy.body.id,
      openedAt: new Date(),
    });
    const refused = await t.request('DELETE', `/api/v1/teams/${busy.body.id}`, { as: 'manager' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'The team has 1 tickets in its history, so it cannot be deleted. Rename it instead.',
    );
    expect((await t.request('GET', `/api/v1/teams/${busy.body.id}`, { as: 'manager' })).status).toBe(200);
  });

  it('does not delete a team that has been audited, even without tickets', async () => {
    const audited = await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: 'Audited' } });
    const checklist = await createChecklist(t);
    const cycle = await t.request('POST', '/api/v1/audit-cycles', {
      as: 'manager',
      json: {
        quarter: '2025-Q1',
        dueOn: '2025-04-15',
        checklistTemplateId: checklist,
        defaultAuditorUserId: t.users.auditor.id,
      },
    });
    expect(cycle.status).toBe(201);
    const refused = await t.request('DELETE', `/api/v1/teams/${audited.body.id}`, { as: 'manager' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'The team has 1 audit on record, so it cannot be deleted. Rename it instead.',
    );
  });
});
