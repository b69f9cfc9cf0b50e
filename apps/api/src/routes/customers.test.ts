import { customers, tickets } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  const base = Date.parse('2026-10-01T00:00:00Z');
  const rows = Array.from({ length: 7 }, (_, i) => ({
    externalId: `c-${i}`,
    email: `person${i}@example.com`,
    name: i === 3 ? 'Марија 50% Петровић' : `Person ${i}`,
    locale: i === 3 ? 'sr' : 'en',
    createdAt: new Date(base + i * 60_000),
  }));
  const inserted = await t.db.insert(customers).values(rows).returning();
  const c3 = inserted.find((c) => c.externalId === 'c-3')!;
  await t.db.insert(tickets).values([
    { externalId: 'T-1', channel: 'email', customerId: c3.id, openedAt: new Date() },
    { externalId: 'T-2', channel: 'chat', customerId: c3.id, openedAt: new Date() },
  ]);
});
afterAll(() => t.close());

describe('/api/v1/customers', () => {
  it('pages newest first with a cursor until the end', async () => {
    const first = await t.request('GET', '/api/v1/customers?limit=3', { as: 'manager' });
    expect(first.status).toBe(200);
    expect(first.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['c-6', 'c-5', 'c-4']);
    const second = await t.request('GET', `/api/v1/customers?limit=3&cursor=${first.body.nextCursor}`, {
      as: 'manager',
    });
    expect(second.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['c-3', 'c-2', 'c-1']);
    const third = await t.request('GET', `/api/v1/customers?limit=3&cursor=${second.body.nextCursor}`, {
      as: 'manager',
    });
    expect(third.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['c-0']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('searches name, email and external id, treating % literally', async () => {
    const byName = await t.request('GET', `/api/v1/customers?q=${encodeURIComponent('петров')}`, {
      as: 'manager',
    });
    expect(byName.body.items).toEqual([
      expect.objectContaining({ externalId: 'c-3', locale: 'sr', ticketCount: 2, erased: false }),
    ]);
    const percent = await t.request('GET', `/api/v1/customers?q=${encodeURIComponent('50%')}`, {
      as: 'manager',
    });
    expect(percent.body.items).toHaveLength(1);
    const byEmail = await t.request('GET', '/api/v1/customers?q=PERSON5@', { as: 'manager' });
    expect(byEmail.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['c-5']);
  });

  it.each([['limit=0'], ['limit=500'], ['limit=abc'], ['cursor=garbage']])(
    'answers ?%s with 400',
    async (query) => {
      const res = await t.request('GET', `/api/v1/customers?${query}`, { as: 'manager' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
    },
  );

  it('shows one customer, and 404 for an unknown one', async () => {
    const list = await t.request('GET', '/api/v1/customers?q=c-3', { as: 'admin' });
    const one = await t.request('GET', `/api/v1/customers/${list.body.items[0].id}`, { as: 'admin' });
    expect(one.body).toMatchObject({ externalId: 'c-3', ticketCount: 2 });
    const missing = await t.request('GET', '/api/v1/customers/00000000-0000-4000-8000-000000000000', {
      as: 'admin',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Customer was not found.');
  });
});
