import { followUps } from '@rapport/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
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
    expect(
      (await t.request('GET', '/api/v1/follow-ups/00000000-0000-4000-8000-000000000000', { as: 'admin' }))
        .status,
    ).toBe(404);
    expect((await t.request('GET', '/api/v1/follow-ups?status=late', { as: 'admin' })).status).toBe(400);
    expect((await t.request('GET', '/api/v1/follow-ups', { as: 'viewer' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/follow-ups', {})).status).toBe(401);
  });
});
