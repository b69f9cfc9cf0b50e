import { randomUUID } from 'node:crypto';
import type { Role } from '@rapport/contracts';
import { mailOutbox } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledInvitation } from '../jobs/test-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
const ids: string[] = [];
let invitationId: string;

async function get(path: string, as: Role | 'nobody') {
  return t.request('GET', path, { as });
}

beforeAll(async () => {
  t = await createTestContext();
  invitationId = (await scheduledInvitation(t.db, t.config.secret)).id;
  const base = Date.parse('2026-05-01T10:00:00Z');
  for (let i = 0; i < 5; i += 1) {
    const [row] = await t.db
      .insert(mailOutbox)
      .values({
        kind: i === 4 ? 'reminder' : 'invitation',
        toAddress: `person${i}@example.com`,
        subject: `Subject ${i}`,
        html: `<p>Mail ${i}</p>`,
        text: `Mail ${i}`,
        headers: { 'List-Unsubscribe': '<https://r.example/u/x>' },
        invitationId: i >= 3 ? invitationId : null,
        transport: 'outbox',
        // Two share a timestamp: the id breaks the tie, so paging neither skips nor repeats.
        createdAt: new Date(base + Math.min(i, 3) * 60_000),
      })
      .returning({ id: mailOutbox.id });
    ids.push(row!.id);
  }
});
afterAll(() => t.close());

describe('GET /api/v1/outbox', () => {
  it('lists the messages newest first, a page at a time, for an admin', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/v1/outbox?limit=2${cursor ? `&cursor=${cursor}` : ''}`, 'admin');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((m: { id: string }) => m.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen.slice(2)).toEqual([ids[2], ids[1], ids[0]]);
    expect(new Set(seen.slice(0, 2))).toEqual(new Set([ids[3], ids[4]]));
  });

  it('returns each message in the documented shape', async () => {
    const res = await get('/api/v1/outbox?limit=1', 'admin');
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      [
        'createdAt',
        'html',
        'id',
        'invitationId',
        'kind',
        'messageId',
        'subject',
        'text',
        'to',
        'transport',
      ].sort(),
    );
  });

  it('filters by invitation', async () => {
    const res = await get(`/api/v1/outbox?invitationId=${invitationId}`, 'admin');
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { id: string }) => m.id).sort()).toEqual([ids[3], ids[4]].sort());
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=500', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['invitationId=42', 'invitationId'],
  ])('refuses %s with 400', async (query, field) => {
    const res = await get(`/api/v1/outbox?${query}`, 'admin');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(JSON.stringify(res.body.error.details)).toContain(field);
  });

  it.each([
    ['manager', 403],
    ['auditor', 403],
    ['viewer', 403],
    ['nobody', 401],
  ] as const)('answers %s with %i', async (as, status) => {
    const res = await get('/api/v1/outbox', as);
    expect(res.status).toBe(status);
    expect(res.body.items).toBeUndefined();
  });
});

describe('GET /api/v1/outbox/:id', () => {
  it('returns one message to an admin', async () => {
    const res = await get(`/api/v1/outbox/${ids[4]}`, 'admin');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids[4],
      kind: 'reminder',
      to: 'person4@example.com',
      subject: 'Subject 4',
      html: '<p>Mail 4</p>',
      text: 'Mail 4',
      transport: 'outbox',
      messageId: null,
      invitationId,
      createdAt: '2026-05-01T10:03:00.000Z',
    });
  });

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    const unknown = await get(`/api/v1/outbox/${randomUUID()}`, 'admin');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Outbox message was not found.' });
    expect((await get('/api/v1/outbox/12', 'admin')).status).toBe(400);
  });

  it('is for admins only', async () => {
    expect((await get(`/api/v1/outbox/${ids[0]}`, 'manager')).status).toBe(403);
    expect((await get(`/api/v1/outbox/${ids[0]}`, 'nobody')).status).toBe(401);
  });
});
