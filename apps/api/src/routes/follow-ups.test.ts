import { auditLog, followUps, users } from '@rapport/db';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../services/users';
import { answered } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('follow-ups', () => {
  it('opens one for a low rating, owned by the team lead, due one business day later', async () => {
    const team = await t.request('POST', '/api/v1/teams', {
      as: 'manager',
      json: { name: 'Led team', leadUserId: t.users.manager.id },
    });
    expect(team.status).toBe(201);
    const low = await answered(t, { rating: 2, resolved: true }, { team: 'Led team' });
    expect(low.followUpId).not.toBeNull();
    const res = await t.request('GET', `/api/v1/follow-ups/${low.followUpId}`, { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'open',
      reasons: ['low_rating'],
      owner: { id: t.users.manager.id },
      csat: 2,
      overdue: false,
    });
    const due = Date.parse(res.body.dueAt) - Date.parse(res.body.createdAt);
    // One 8-hour business day: at least 8 hours later, at most a long weekend later.
    expect(due).toBeGreaterThanOrEqual(8 * 3_600_000);
    expect(due).toBeLessThanOrEqual(4 * 86_400_000);
  });

  it.each([
    [{ rating: 4, resolved: false }, ['unresolved']],
    [{ rating: 3, resolved: true, callback: true }, ['callback']],
    [{ rating: 1, resolved: false, callback: true }, ['low_rating', 'unresolved', 'callback']],
  ])('opens one for %j with reasons %j', async (answers, reasons) => {
    const r = await answered(t, answers);
    const res = await t.request('GET', `/api/v1/follow-ups/${r.followUpId}`, { as: 'admin' });
    expect(res.body.reasons).toEqual(reasons);
  });

  it('opens none for a happy, resolved answer', async () => {
    const r = await answered(t, { rating: 5, resolved: true });
    expect(r.followUpId).toBeNull();
  });

  it('needs a note to close, records who closed it, lists it as closed in time, and reopens', async () => {
    const r = await answered(t, { rating: 1, resolved: false });
    const noNote = await t.request('PATCH', `/api/v1/follow-ups/${r.followUpId}`, {
      as: 'manager',
      json: { status: 'closed' },
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toBe('Write a note saying what was done before closing the follow-up.');
    const closed = await t.request('PATCH', `/api/v1/follow-ups/${r.followUpId}`, {
      as: 'manager',
      json: { status: 'closed', note: 'Called back, refunded the duplicate charge.' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedInTime: true,
      note: 'Called back, refunded the duplicate charge.',
    });
    const list = await t.request('GET', '/api/v1/follow-ups?status=closed', { as: 'manager' });
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(r.followUpId);
    const reopened = await t.request('PATCH', `/api/v1/follow-ups/${r.followUpId}`, {
      as: 'manager',
      json: { status: 'open' },
    });
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null, note: null });
    const log = await t.request('GET', '/api/v1/audit-log?entityType=follow_up', { as: 'admin' });
    expect(log.body.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      'follow_up.reopen',
      'follow_up.close',
    ]);
  });

  it('lists overdue follow-ups and counts them', async () => {
    const r = await answered(t, { rating: 1, resolved: true });
    await t.db
      .update(followUps)
      .set({ dueAt: new Date(Date.now() - 3_600_000) })
      .where(eq(followUps.id, r.followUpId!));
    const overdue = await t.request('GET', '/api/v1/follow-ups?status=overdue', { as: 'manager' });
    expect(overdue.body.items).toEqual([expect.objectContaining({ id: r.followUpId, overdue: true })]);
    const counts = await t.request('GET', '/api/v1/follow-ups/counts', { as: 'manager' });
    expect(counts.body.overdue).toBe(1);
  });

  it('assigns to a manager, refuses a viewer as owner, and answers 404/400/403', async () => {
    const r = await answered(t, { rating: 2, resolved: true });
    const assigned = await t.request('PATCH', `/api/v1/follow-ups/${r.followUpId}`, {
      as: 'admin',
      json: { ownerUserId: t.users.admin.id },
    });
    expect(assigned.body.owner.id).toBe(t.users.admin.id);
    const viewer = await t.request('PATCH', `/api/v1/follow-ups/${r.followUpId}`, {
      as: 'admin',
      json: { ownerUserId: t.users.viewer.id },
    });
    expect(viewer.status).toBe(400);
    expect(viewer.body.error).toMatchObject({
      code: 'VALIDATION',
      message: 'The viewer is a viewer: only managers and admins can own follow-ups.',
      details: [{ path: 'ownerUserId' }],
    });
    expect(
      (await t.request('GET', '/api/v1/follow-ups/00000000-0000-4000-8000-000000000000', { as: 'admin' }))
        .status,
    ).toBe(404);
    expect((await t.request('GET', '/api/v1/follow-ups?status=late', { as: 'admin' })).status).toBe(400);
    expect((await t.request('GET', '/api/v1/follow-ups', { as: 'viewer' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/follow-ups', {})).status).toBe(401);
  });
});

const MISSING = '00000000-0000-4000-8000-000000000000';

async function patch(id: string, json: unknown, as: 'manager' | 'admin' = 'manager') {
  return t.request('PATCH', `/api/v1/follow-ups/${id}`, { as, json });
}

async function auditCount(id: string): Promise<number> {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'follow_up'), eq(auditLog.entityId, id)));
  return row?.n ?? 0;
}

describe('GET /api/v1/follow-ups/owners', () => {
  it('lists active managers and admins by name, for managers to assign to', async () => {
    const gone = await createUser(
      t.db,
      { userId: null, apiKeyId: null, label: 'test', requestId: null },
      {
        email: 'gone@test.example',
        name: 'A gone manager',
        role: 'manager',
        password: 'long-enough-password',
        locale: 'en',
      },
    );
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    const res = await t.request('GET', '/api/v1/follow-ups/owners', { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: t.users.admin.id, name: 'The admin', role: 'admin' },
      { id: t.users.manager.id, name: 'The manager', role: 'manager' },
    ]);
    const r = await answered(t, { rating: 1, resolved: true });
    const refused = await patch(r.followUpId!, { ownerUserId: gone.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'A gone manager is deactivated. Choose an active manager or admin as the owner.',
    );
  });
});

describe('PATCH /api/v1/follow-ups/:id', () => {
  it('says clearly who cannot own a follow-up', async () => {
    const r = await answered(t, { rating: 2, resolved: true });
    const auditor = await patch(r.followUpId!, { ownerUserId: t.users.auditor.id });
    expect(auditor.body.error.message).toBe(
      'The auditor is an auditor: only managers and admins can own follow-ups.',
    );
    const nobody = await patch(r.followUpId!, { ownerUserId: MISSING });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.message).toBe(
      'No user has this id. Choose an active manager or admin as the owner.',
    );
    const notAnId = await patch(r.followUpId!, { ownerUserId: 'bob' });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.error.message).toBe('ownerUserId: Must be an id (a UUID).');
    expect(
      (await t.request('GET', `/api/v1/follow-ups/${r.followUpId}`, { as: 'manager' })).body.owner,
    ).not.toBeNull();
  });

  it('unassigns, lists the unassigned, and records each assignment in the history', async () => {
    const r = await answered(t, { rating: 2, resolved: true });
    const id = r.followUpId!;
    const none = await patch(id, { ownerUserId: null });
    expect(none.status).toBe(200);
    expect(none.body.owner).toBeNull();
    const unassigned = await t.request('GET', '/api/v1/follow-ups?ownerUserId=none', { as: 'manager' });
    expect(unassigned.body.items.map((f: { id: string }) => f.id)).toContain(id);
    expect(unassigned.body.items.every((f: { owner: unknown }) => f.owner === null)).toBe(true);
    const mine = await patch(id, { ownerUserId: t.users.admin.id });
    expect(mine.body.owner).toEqual({ id: t.users.admin.id, name: 'The admin' });
    const byOwner = await t.request('GET', `/api/v1/follow-ups?ownerUserId=${t.users.admin.id}`, {
      as: 'manager',
    });
    expect(byOwner.body.items.map((f: { id: string }) => f.id)).toContain(id);
    expect(mine.body.history).toEqual([
      expect.objectContaining({ action: 'assign', owner: null, actor: 'manager@test.example' }),
      expect.objectContaining({ action: 'assign', owner: { id: t.users.admin.id, name: 'The admin' } }),
    ]);
  });

  it('refuses to close without a note, or with only spaces, and stores nothing', async () => {
    const r = await answered(t, { rating: 1, resolved: false });
    const id = r.followUpId!;
    for (const json of [
      { status: 'closed' },
      { status: 'closed', note: '   ' },
      { status: 'closed', note: '' },
    ]) {
      const res = await patch(id, json);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(res.body.error.message).toMatch(
        /Write a note saying what was done before closing the follow-up\.$/,
      );
    }
    const still = await t.request('GET', `/api/v1/follow-ups/${id}`, { as: 'manager' });
    expect(still.body).toMatchObject({ status: 'open', closedAt: null, note: null, history: [] });
    expect(await auditCount(id)).toBe(0);
  });

  it('takes a note only with closing, on an open follow-up', async () => {
    const r = await answered(t, { rating: 1, resolved: false });
    const res = await patch(r.followUpId!, { note: 'Called, no answer.' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'A note is written when closing: close the follow-up with it (status closed), or leave the note out.',
    );
  });

  it('closes, corrects the note, reopens with a reason, and keeps every note in the history', async () => {
    const r = await answered(t, { rating: 1, resolved: false });
    const id = r.followUpId!;
    const closed = await patch(id, { status: 'closed', note: 'Refunded the charge.' });
    expect(closed.body).toMatchObject({ status: 'closed', note: 'Refunded the charge.', closedInTime: true });
    const corrected = await patch(id, { note: 'Refunded the duplicate charge.' });
    expect(corrected.body.note).toBe('Refunded the duplicate charge.');
    const reopened = await patch(id, { status: 'open', note: 'The customer wrote again.' }, 'admin');
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null, closedInTime: null, note: null });
    expect(reopened.body.history).toEqual([
      expect.objectContaining({
        action: 'close',
        note: 'Refunded the charge.',
        actor: 'manager@test.example',
      }),
      expect.objectContaining({ action: 'note', note: 'Refunded the duplicate charge.' }),
      expect.objectContaining({
        action: 'reopen',
        note: 'The customer wrote again.',
        actor: 'admin@test.example',
      }),
    ]);
    const log = await t.request('GET', '/api/v1/audit-log?entityType=follow_up', { as: 'admin' });
    const reopen = log.body.items.find(
      (e: { entityId: string; action: string }) => e.entityId === id && e.action === 'follow_up.reopen',
    );
    expect(reopen.before).toMatchObject({ status: 'closed', note: 'Refunded the duplicate charge.' });
    // Closing again needs a new note.
    expect((await patch(id, { status: 'closed' })).status).toBe(400);
    const again = await patch(id, { status: 'closed', note: 'Sent a replacement.' });
    expect(again.body).toMatchObject({ status: 'closed', note: 'Sent a replacement.' });
  });

  it('changes nothing and logs nothing for a request that changes nothing', async () => {
    const r = await answered(t, { rating: 1, resolved: false });
    const id = r.followUpId!;
    const owner = (await t.request('GET', `/api/v1/follow-ups/${id}`, { as: 'manager' })).body.owner;
    expect((await patch(id, { status: 'open' })).status).toBe(200);
    expect((await patch(id, { ownerUserId: owner.id })).status).toBe(200);
    expect(await auditCount(id)).toBe(0);
    expect((await patch(id, {})).body.error.message).toBe('Nothing to change.');
  });

  it('answers 404 in the house shape for an unknown follow-up', async () => {
    const res = await patch(MISSING, { status: 'closed', note: 'x' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Follow-up was not found.' } });
  });
});

describe('GET /api/v1/follow-ups/counts', () => {
  it('counts open, overdue and closed, for the navigation badge', async () => {
    const before = (await t.request('GET', '/api/v1/follow-ups/counts', { as: 'manager' })).body;
    const late = await answered(t, { rating: 1, resolved: true });
    await t.db
      .update(followUps)
      .set({ dueAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(followUps.id, late.followUpId!));
    const done = await answered(t, { rating: 1, resolved: true });
    await patch(done.followUpId!, { status: 'closed', note: 'Done.' });
    const after = (await t.request('GET', '/api/v1/follow-ups/counts', { as: 'manager' })).body;
    expect(after).toEqual({
      open: before.open + 1,
      overdue: before.overdue + 1,
      closed: before.closed + 1,
      closedInTime: before.closedInTime + 1,
    });
    const overdue = await t.request('GET', '/api/v1/follow-ups?status=overdue', { as: 'manager' });
    const item = overdue.body.items.find((f: { id: string }) => f.id === late.followUpId);
    expect(item.overdue).toBe(true);
    expect(Date.now() - Date.parse(item.dueAt)).toBeGreaterThan(2 * 86_400_000 - 60_000);
  });
});

describe('who may use follow-ups', () => {
  const endpoints: [string, string, unknown?][] = [
    ['GET', '/api/v1/follow-ups'],
    ['GET', '/api/v1/follow-ups/counts'],
    ['GET', '/api/v1/follow-ups/owners'],
    ['GET', `/api/v1/follow-ups/${MISSING}`],
    ['PATCH', `/api/v1/follow-ups/${MISSING}`, { status: 'open' }],
  ];
  it.each(
    endpoints.flatMap(([method, path, json]) =>
      (['admin', 'manager', 'auditor', 'viewer', undefined] as const).map((as) => ({
        method,
        path,
        json,
        as,
      })),
    ),
  )('$method $path as $as', async ({ method, path, json, as }) => {
    const res = await t.request(method, path, { as, json });
    if (as === undefined) expect(res.status).toBe(401);
    else if (as === 'auditor' || as === 'viewer') {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('This needs the admin or manager role.');
    } else expect([200, 404]).toContain(res.status);
  });
});
