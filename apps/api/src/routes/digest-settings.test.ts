import { auditLog, digestDeliveries, users } from '@rapport/db';
import { desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
let auditorId: string;
let retiredId: string;
beforeAll(async () => {
  t = await createTestContext();
  auditorId = (await createStaff(t, 'olga@test.example', 'auditor')).id;
  retiredId = (await createStaff(t, 'retired@test.example', 'viewer')).id;
  await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, retiredId));
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const PATH = '/api/v1/settings/digest';
const valid = (extra: Record<string, unknown> = {}) => ({
  enabled: true,
  weekday: 5,
  hour: 16,
  recipients: 'chosen',
  userIds: [t.users.manager.id, auditorId],
  ...extra,
});

async function lastAudit(action: string) {
  const [row] = await t.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('GET /settings/digest', () => {
  it('starts on, Mondays at 08:00 in the organisation’s time zone, to every active viewer', async () => {
    const res = await t.request('GET', PATH, { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      enabled: true,
      weekday: 1,
      hour: 8,
      timeZone: 'UTC',
      recipients: 'viewers',
      userIds: [],
      lastSentAt: null,
    });
    // The disabled viewer is left out.
    expect(res.body.currentRecipients).toEqual([
      {
        id: t.users.viewer.id,
        name: 'The viewer',
        email: 'viewer@test.example',
        role: 'viewer',
        locale: 'en',
      },
    ]);
    const next = new Date(res.body.nextSendAt);
    expect(next.getTime()).toBeGreaterThan(Date.now() - 7 * 86_400_000);
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 8, 0]);
  });

  it.each([
    ['viewer', 403],
    ['auditor', 403],
    ['nobody', 401],
  ] as const)('refuses a %s (%i)', async (as, status) => {
    const res = await t.request('GET', PATH, { as });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
  });
});

describe('PUT /settings/digest', () => {
  it('lets an admin choose the day, the hour and specific people of any role, and logs the change', async () => {
    const res = await t.request('PUT', PATH, { as: 'admin', json: valid() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enabled: true, weekday: 5, hour: 16, recipients: 'chosen' });
    expect([...res.body.userIds].sort()).toEqual([t.users.manager.id, auditorId].sort());
    expect(res.body.currentRecipients.map((p: { email: string }) => p.email).sort()).toEqual([
      'manager@test.example',
      'olga@test.example',
    ]);
    const next = new Date(res.body.nextSendAt);
    expect([next.getUTCDay(), next.getUTCHours()]).toEqual([5, 16]);
    const audit = await lastAudit('settings.digest.update');
    expect(audit).toMatchObject({ actorLabel: 'admin@test.example', entityType: 'settings' });
    expect(audit?.before).toMatchObject({ weekday: 1, hour: 8, recipients: 'viewers', userIds: [] });
    expect(audit?.after).toMatchObject({ weekday: 5, hour: 16, recipients: 'chosen' });
    // Managers read what admins saved.
    expect((await t.request('GET', PATH, { as: 'manager' })).body.weekday).toBe(5);
  });

  it('keeps the chosen people when switching back to all viewers, but sends to viewers', async () => {
    const res = await t.request('PUT', PATH, { as: 'admin', json: valid({ recipients: 'viewers' }) });
    expect(res.status).toBe(200);
    expect(res.body.userIds).toHaveLength(2);
    expect(res.body.currentRecipients.map((p: { role: string }) => p.role)).toEqual(['viewer']);
  });

  it('has no next send time while off', async () => {
    const res = await t.request('PUT', PATH, { as: 'admin', json: valid({ enabled: false }) });
    expect(res.status).toBe(200);
    expect(res.body.nextSendAt).toBeNull();
  });

  it.each([
    ['an hour of 24', { hour: 24 }, 'hour', 'The hour is a whole number from 0 to 23.'],
    ['a fractional hour', { hour: 7.5 }, 'hour', 'The hour is a whole number from 0 to 23.'],
    ['an hour as text', { hour: '8' }, 'hour', 'The hour is a whole number from 0 to 23.'],
    ['day 0', { weekday: 0 }, 'weekday', 'The day is a number from 1 (Monday) to 7 (Sunday).'],
    ['an unknown mode', { recipients: 'everyone' }, 'recipients', 'recipients is viewers or chosen.'],
    ['nobody chosen', { userIds: [] }, 'userIds', 'Choose at least one person, or send to all viewers.'],
    ['a malformed id', { userIds: ['nope'] }, 'userIds.0', 'Must be an id (a UUID).'],
  ])('refuses %s with 400 in the house shape', async (_what, change, path, message) => {
    const res = await t.request('PUT', PATH, { as: 'admin', json: valid(change) });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'VALIDATION',
      message: `${path}: ${message}`,
      details: [{ path, message }],
    });
  });

  it('refuses an unknown or deactivated person, naming which', async () => {
    const res = await t.request('PUT', PATH, {
      as: 'admin',
      json: valid({ userIds: [t.users.viewer.id, MISSING, retiredId] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toBe(`userIds.1: There is no user with the id ${MISSING}.`);
    expect(res.body.error.details).toEqual([
      { path: 'userIds.1', message: `There is no user with the id ${MISSING}.` },
      { path: 'userIds.2', message: 'retired is deactivated and cannot receive the digest.' },
    ]);
    // Nothing was saved.
    expect((await t.request('GET', PATH, { as: 'admin' })).body.enabled).toBe(false);
  });

  it.each(['manager', 'viewer', 'auditor'] as const)('refuses a %s', async (as) => {
    const res = await t.request('PUT', PATH, { as, json: valid() });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'This needs the admin role.' });
  });
});

describe('POST /settings/digest/send-now', () => {
  it('queues a digest to each current recipient now, even while the weekly one is off', async () => {
    await t.request('PUT', PATH, { as: 'admin', json: valid({ enabled: false }) });
    const res = await t.request('POST', `${PATH}/send-now`, { as: 'admin' });
    expect(res.status).toBe(202);
    expect(res.body.queued.map((p: { email: string }) => p.email).sort()).toEqual([
      'manager@test.example',
      'olga@test.example',
    ]);
    expect(res.body.alreadyQueued).toEqual([]);
    // The seven whole days before today (UTC here).
    const today = new Date().toISOString().slice(0, 10);
    const dayBefore = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    expect(res.body.period).toEqual({ from: dayBefore(7), to: dayBefore(1), timeZone: 'UTC' });
    const rows = await t.db.select().from(digestDeliveries).where(eq(digestDeliveries.kind, 'manual'));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'queued' && r.requestedBy === t.users.admin.id)).toBe(true);
    expect(rows.map((r) => r.periodFrom)).toEqual([dayBefore(7), dayBefore(7)]);
    const audit = await lastAudit('settings.digest.send_now');
    expect((audit?.after as { queued: string[] }).queued.sort()).toEqual([
      'manager@test.example',
      'olga@test.example',
    ]);
  });

  it('does not queue anybody twice while their digest is still waiting', async () => {
    const res = await t.request('POST', `${PATH}/send-now`, { as: 'admin' });
    expect(res.status).toBe(202);
    expect(res.body.queued).toEqual([]);
    expect(res.body.alreadyQueued).toHaveLength(2);
    expect(await t.db.select().from(digestDeliveries)).toHaveLength(2);
  });

  it('says so when nobody would receive it', async () => {
    await t.request('PUT', PATH, { as: 'admin', json: valid({ recipients: 'viewers' }) });
    await t.db.update(users).set({ disabledAt: new Date() }).where(like(users.email, 'viewer@%'));
    try {
      const res = await t.request('POST', `${PATH}/send-now`, { as: 'admin' });
      expect(res.status).toBe(409);
      expect(res.body.error).toEqual({
        code: 'CONFLICT',
        message:
          'Nobody would receive the digest: there is no active viewer. Add a viewer, or choose the people to send it to.',
      });
    } finally {
      await t.db.update(users).set({ disabledAt: null }).where(like(users.email, 'viewer@%'));
    }
  });

  it.each([
    ['manager', 403],
    ['viewer', 403],
    ['nobody', 401],
  ] as const)('refuses a %s', async (as, status) => {
    const res = await t.request('POST', `${PATH}/send-now`, { as });
    expect(res.status).toBe(status);
  });
});
