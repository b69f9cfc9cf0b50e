import { invitations, tickets } from '@rapport/db';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const CSV = [
  'external_id,subject,channel,created_at,first_response_at,resolved_at,customer_email,customer_name,customer_locale,agent_email,agent_name,team',
  'OLD-1,"Invoice, wrong VAT",email,2026-03-01T09:00:00Z,2026-03-01T10:00:00Z,2026-03-02T12:00:00Z,ivana@example.com,Ivana Horvat,hr,marko@support.example,Marko,Billing',
  'OLD-2,Password reset,chat,2026-03-03T09:00:00Z,,2026-03-03T09:20:00Z,oleg@example.com,Олег,ru,,,',
].join('\n');

async function countTickets() {
  const [row] = await t.db.select({ n: count() }).from(tickets);
  return row?.n ?? 0;
}

describe('POST /api/v1/integrations/tickets/import', () => {
  it('imports past tickets from CSV without inviting anyone, and updates on a second import', async () => {
    const res = await t.request('POST', '/api/v1/integrations/tickets/import', {
      as: 'manager',
      raw: CSV,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 2, created: 2, updated: 0 });
    const [old1] = await t.db.select().from(tickets).where(eq(tickets.externalId, 'OLD-1'));
    expect(old1).toMatchObject({ subject: 'Invoice, wrong VAT', channel: 'email', status: 'resolved' });
    const [invited] = await t.db.select({ n: count() }).from(invitations);
    expect(invited?.n).toBe(0);

    const again = await t.request('POST', '/api/v1/integrations/tickets/import', {
      as: 'manager',
      json: {
        tickets: [
          {
            externalId: 'OLD-1',
            subject: 'Invoice: wrong VAT rate',
            channel: 'email',
            createdAt: '2026-03-01T09:00:00Z',
            resolvedAt: '2026-03-02T12:00:00Z',
            customer: { email: 'ivana@example.com' },
          },
        ],
      },
    });
    expect(again.body).toEqual({ imported: 1, created: 0, updated: 1 });
    const [updated] = await t.db.select().from(tickets).where(eq(tickets.externalId, 'OLD-1'));
    expect(updated?.subject).toBe('Invoice: wrong VAT rate');
  });

  it.each([
    [
      'a bad date on row 3',
      CSV.replace('2026-03-03T09:00:00Z', 'last tuesday'),
      'text/csv',
      'Nothing was imported: row 3: createdAt — ticket.createdAt must be an ISO 8601 date-time with a time zone, like 2026-11-22T14:05:00Z.',
    ],
    [
      'an unknown column',
      'external_id,colour\nX,red',
      'text/csv',
      'Unknown CSV columns: colour. Use: external_id, subject, channel, created_at, first_response_at, resolved_at, customer_external_id, customer_email, customer_name, customer_locale, agent_external_id, agent_email, agent_name, team.',
    ],
    ['an empty file', 'external_id,channel\n', 'text/csv', 'There are no tickets to import.'],
    ['a JSON body without tickets', '{"rows": []}', 'application/json', 'Send { "tickets": [ … ] }.'],
    ['malformed JSON', '{"tickets": [', 'application/json', 'The request body is not valid JSON.'],
    ['another content type', 'hello', 'text/plain', 'Send the tickets as text/csv or as application/json.'],
  ])('refuses %s with 400 and stores nothing', async (_label, raw, type, message) => {
    const before = await countTickets();
    const res = await t.request('POST', '/api/v1/integrations/tickets/import', {
      as: 'manager',
      raw,
      headers: { 'content-type': type },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(await countTickets()).toBe(before);
  });

  it('is for managers, admins and tickets:write keys', async () => {
    const body = { raw: CSV, headers: { 'content-type': 'text/csv' } };
    expect(
      (await t.request('POST', '/api/v1/integrations/tickets/import', { as: 'viewer', ...body })).status,
    ).toBe(403);
    expect((await t.request('POST', '/api/v1/integrations/tickets/import', body)).status).toBe(401);
    const key = (
      await t.request('POST', '/api/v1/api-keys', {
        as: 'admin',
        json: { name: 'Migration', scopes: ['tickets:write'] },
      })
    ).body.key;
    const res = await t.request('POST', '/api/v1/integrations/tickets/import', {
      raw: CSV,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
  });
});
