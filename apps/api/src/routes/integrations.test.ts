import { createHmac } from 'node:crypto';
import { customers, invitations, suppressions, ticketEvents, tickets } from '@rapport/db';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, WEBHOOK_SECRET, type TestContext } from '../testing/harness';

let t: TestContext;
let apiKey: string;
let surveyId: string;
beforeAll(async () => {
  t = await createTestContext();
  apiKey = (
    await t.request('POST', '/api/v1/api-keys', {
      as: 'admin',
      json: { name: 'Helpdesk', scopes: ['tickets:write'] },
    })
  ).body.key;
  surveyId = (await t.request('GET', '/api/v1/surveys', { as: 'admin' })).body.items[0].id;
});
afterAll(() => t.close());
beforeEach(() => {
  t.queued.length = 0;
});

let seq = 0;
function resolvedEvent(
  overrides: {
    email?: string;
    channel?: string;
    id?: string | null;
    ticketId?: string;
    resolvedAt?: string;
  } = {},
) {
  seq += 1;
  return {
    ...(overrides.id === null ? {} : { id: overrides.id ?? `evt-${seq}` }),
    type: 'ticket.resolved',
    occurredAt: '2026-11-20T10:00:00Z',
    ticket: {
      externalId: overrides.ticketId ?? `T-${seq}`,
      subject: 'Cannot reset password',
      channel: overrides.channel ?? 'email',
      createdAt: '2026-11-19T08:00:00Z',
      firstResponseAt: '2026-11-19T08:30:00Z',
      resolvedAt: overrides.resolvedAt ?? '2026-11-20T10:00:00Z',
      customer: {
        externalId: `cust-${seq}`,
        email: overrides.email ?? `customer${seq}@example.com`,
        name: 'Jelena Kovač',
        locale: 'hr-HR',
      },
      agent: { externalId: 'agent-7', email: 'ana@support.example', name: 'Ana', team: 'Billing' },
    },
  };
}

function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${apiKey}` }) {
  return t.request('POST', '/api/v1/integrations/tickets/events', { raw: JSON.stringify(body), headers });
}

function signed(body: unknown, at = Math.floor(Date.now() / 1000), secret = WEBHOOK_SECRET) {
  const raw = JSON.stringify(body);
  const v1 = createHmac('sha256', secret).update(`${at}.${raw}`).digest('hex');
  return t.request('POST', '/api/v1/integrations/tickets/events', {
    raw,
    headers: { 'x-rapport-signature': `t=${at},v1=${v1}` },
  });
}

async function countRows() {
  const [e] = await t.db.select({ n: count() }).from(ticketEvents);
  const [i] = await t.db.select({ n: count() }).from(invitations);
  const [k] = await t.db.select({ n: count() }).from(tickets);
  return { events: e?.n, invitations: i?.n, tickets: k?.n };
}

describe('POST /api/v1/integrations/tickets/events', () => {
  it('schedules an invitation after the survey delay, upserting customer, agent, team and ticket', async () => {
    const res = await post(resolvedEvent());
    expect(res.status).toBe(202);
    expect(res.body.decision).toBe('scheduled');
    // resolvedAt 2026-11-20T10:00Z + 60 minutes (the default delay), already past → now
    expect(new Date(res.body.invitation.scheduledFor).getTime()).toBeGreaterThanOrEqual(
      Date.parse('2026-11-20T11:00:00Z'),
    );
    expect(t.queued).toEqual([
      { invitationId: res.body.invitation.id, at: new Date(res.body.invitation.scheduledFor) },
    ]);
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.id, res.body.invitation.id));
    expect(inv).toMatchObject({ status: 'scheduled', locale: 'hr', channel: 'email', surveyId });
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, res.body.ticketId));
    expect(ticket).toMatchObject({ status: 'resolved', subject: 'Cannot reset password', reopenedCount: 0 });
    const team = await t.request('GET', '/api/v1/teams', { as: 'viewer' });
    expect(team.body.items.map((x: { name: string }) => x.name)).toContain('Billing');
  });

  it('schedules in the future when the delay has not passed yet', async () => {
    const soon = new Date(Date.now() - 10 * 60_000).toISOString();
    const res = await post({ ...resolvedEvent({ resolvedAt: soon }), occurredAt: soon });
    expect(res.body.decision).toBe('scheduled');
    expect(Date.parse(res.body.invitation.scheduledFor)).toBe(Date.parse(soon) + 60 * 60_000);
  });

  it('accepts a valid signature and answers a repeated event id as a duplicate, changing nothing', async () => {
    const event = resolvedEvent();
    const first = await signed(event);
    expect(first.status).toBe(202);
    expect(first.body.decision).toBe('scheduled');
    const before = await countRows();
    const again = await signed(event);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ ...first.body, decision: 'duplicate' });
    expect(await countRows()).toEqual(before);
  });

  it('never makes a second invitation for the same resolution, even without an event id', async () => {
    const event = resolvedEvent({ id: null });
    const first = await post(event);
    const second = await post(event);
    expect(first.body.decision).toBe('scheduled');
    expect(second.body.decision).toBe('duplicate');
    expect(second.body.invitation.id).toBe(first.body.invitation.id);
  });

  it('cancels an unsent invitation when the ticket is reopened', async () => {
    const event = resolvedEvent();
    const first = await post(event);
    const reopen = await post({
      ...event,
      id: `${event.id}-reopen`,
      type: 'ticket.reopened',
      ticket: { ...event.ticket, resolvedAt: null },
    });
    expect(reopen.body).toMatchObject({
      decision: 'cancelled',
      invitation: { id: first.body.invitation.id },
    });
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.id, first.body.invitation.id));
    expect(inv).toMatchObject({ status: 'cancelled', cancelledReason: 'reopened' });
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, first.body.ticketId));
    expect(ticket).toMatchObject({ status: 'open', reopenedCount: 1, resolvedAt: null });
    // Resolved again later: a new resolution gets a new invitation; the cancelled one does not count against the throttle.
    const resolvedAgain = await post({
      ...event,
      id: `${event.id}-2`,
      ticket: { ...event.ticket, resolvedAt: '2026-11-21T09:00:00Z' },
    });
    expect(resolvedAgain.body.decision).toBe('scheduled');
  });

  it('throttles a customer surveyed within 30 days', async () => {
    const first = await post(resolvedEvent({ email: 'often@example.com' }));
    const second = await post(resolvedEvent({ email: 'often@example.com' }));
    expect(first.body.decision).toBe('scheduled');
    expect(second.body).toMatchObject({ decision: 'skipped_throttled', invitation: null });
  });

  it('skips unsubscribed addresses, excluded domains, other channels and sampled-out tickets, and stores each decision', async () => {
    await t.db.insert(suppressions).values({ email: 'gone@example.com', reason: 'unsubscribed' });
    expect((await post(resolvedEvent({ email: 'Gone@Example.com' }))).body.decision).toBe(
      'skipped_unsubscribed',
    );

    await t.request('PATCH', `/api/v1/surveys/${surveyId}/rules`, {
      as: 'manager',
      json: { excludedDomains: ['internal.example'] },
    });
    expect((await post(resolvedEvent({ email: 'boss@sub.internal.example' }))).body.decision).toBe(
      'skipped_excluded',
    );

    await t.request('PATCH', `/api/v1/surveys/${surveyId}/rules`, {
      as: 'manager',
      json: { channels: ['email'] },
    });
    expect((await post(resolvedEvent({ channel: 'phone' }))).body.decision).toBe('skipped_no_survey');

    await t.request('PATCH', `/api/v1/surveys/${surveyId}/rules`, {
      as: 'manager',
      json: { sampleRate: 0, channels: [] },
    });
    const sampled = await post(resolvedEvent());
    expect(sampled.body.decision).toBe('skipped_sampled');
    await t.request('PATCH', `/api/v1/surveys/${surveyId}/rules`, {
      as: 'manager',
      json: { sampleRate: 1, excludedDomains: [] },
    });

    const [stored] = await t.db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, sampled.body.ticketId));
    expect(stored).toMatchObject({
      decision: 'skipped_sampled',
      type: 'ticket.resolved',
      invitationId: null,
    });
    expect(t.queued.length).toBe(0);
  });

  it('records an update of an unresolved ticket without an invitation', async () => {
    const event = resolvedEvent();
    const res = await post({
      ...event,
      type: 'ticket.updated',
      ticket: { ...event.ticket, resolvedAt: null },
    });
    expect(res.body).toMatchObject({ decision: 'recorded', invitation: null });
  });

  it.each([
    [
      'a wrong signature',
      { 'x-rapport-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
      'The signature does not match the request body.',
    ],
    [
      'a stale timestamp',
      'stale',
      'The signature timestamp is more than 5 minutes away from now. Sign each request when sending it.',
    ],
    [
      'a malformed header',
      { 'x-rapport-signature': 'sha256=abc' },
      'The X-Rapport-Signature header must look like t=<unix seconds>,v1=<hex signature>.',
    ],
    ['no credentials', {}, 'Send an API key (Authorization: Bearer rk_…) or an X-Rapport-Signature header.'],
  ])('refuses %s with 401 and stores nothing', async (_label, headers, message) => {
    const before = await countRows();
    const body = resolvedEvent();
    const res =
      headers === 'stale'
        ? await signed(body, Math.floor(Date.now() / 1000) - 301)
        : await post(body, headers as Record<string, string>);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHORIZED', message } });
    expect(await countRows()).toEqual(before);
  });

  it('refuses a signature made with another secret, and a key without the scope', async () => {
    expect((await signed(resolvedEvent(), undefined, 'another-secret-entirely')).status).toBe(401);
    const reportsKey = (
      await t.request('POST', '/api/v1/api-keys', {
        as: 'admin',
        json: { name: 'BI', scopes: ['reports:read'] },
      })
    ).body.key;
    const res = await post(resolvedEvent(), { authorization: `Bearer ${reportsKey}` });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('This API key lacks the tickets:write scope.');
    expect(
      (
        await t.request('POST', '/api/v1/integrations/tickets/events', {
          as: 'manager',
          json: resolvedEvent(),
        })
      ).status,
    ).toBe(403);
  });

  it.each([
    ['malformed JSON', '{"type": "ticket.resolved",', 'The request body is not valid JSON.'],
    [
      'an unknown type',
      JSON.stringify({ ...resolvedEvent(), type: 'ticket.deleted' }),
      'type: type must be one of ticket.resolved, ticket.reopened, ticket.updated.',
    ],
    [
      'a bad date',
      JSON.stringify({ ...resolvedEvent(), occurredAt: 'yesterday' }),
      'occurredAt: occurredAt must be an ISO 8601 date-time with a time zone, like 2026-11-22T14:05:00Z.',
    ],
    [
      'a bad customer email',
      JSON.stringify({
        ...resolvedEvent(),
        ticket: { ...resolvedEvent().ticket, customer: { email: 'nope' } },
      }),
      'ticket.customer.email: Enter a valid email address.',
    ],
  ])('answers %s with 400 and stores nothing', async (_label, raw, message) => {
    const before = await countRows();
    const [customersBefore] = await t.db.select({ n: count() }).from(customers);
    const res = await t.request('POST', '/api/v1/integrations/tickets/events', {
      raw,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(await countRows()).toEqual(before);
    const [customersAfter] = await t.db.select({ n: count() }).from(customers);
    expect(customersAfter?.n).toBe(customersBefore?.n);
  });
});
