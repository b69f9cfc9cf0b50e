import type { AuditTemplateDefinition } from '@rapport/contracts';
import { agents, customers, tickets } from '@rapport/db';
import type { TestContext } from './harness';

/** A small ticket-review scorecard: pass/fail and rated items, N/A allowed or not, two critical items. */
export const SCORECARD: AuditTemplateDefinition = {
  locales: ['en'],
  defaultLocale: 'en',
  passThreshold: 80,
  criticalPolicy: 'zero',
  sections: [
    {
      id: 'conversation',
      title: { en: 'Conversation' },
      weight: 1,
      items: [
        {
          id: 'greet',
          text: { en: 'Greeted courteously' },
          scale: 'pass_fail',
          weight: 1,
          naAllowed: false,
          critical: false,
        },
        {
          id: 'accurate',
          text: { en: 'Gave accurate information' },
          scale: 'pass_fail',
          weight: 2,
          naAllowed: false,
          critical: true,
        },
      ],
    },
    {
      id: 'resolution',
      title: { en: 'Resolution' },
      weight: 1,
      items: [
        {
          id: 'confirmed',
          text: { en: 'Confirmed the problem was solved' },
          scale: { points: 4 },
          weight: 1,
          naAllowed: true,
          critical: false,
        },
        {
          id: 'calm',
          text: { en: 'Stayed calm and respectful' },
          scale: 'pass_fail',
          weight: 1,
          naAllowed: false,
          critical: true,
        },
      ],
    },
  ],
};

/** Creates the scorecard through the API as a manager; returns its id. */
export async function createScorecard(t: TestContext): Promise<string> {
  const res = await t.request('POST', '/api/v1/audit-templates', {
    as: 'manager',
    json: { name: 'Ticket review', kind: 'scorecard', definition: SCORECARD },
  });
  if (res.status !== 201) throw new Error(`scorecard not created: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

let seq = 0;

/** An agent in a team, straight into the database (the helpdesk would have sent it). */
export async function insertAgent(
  t: TestContext,
  f: { email: string; teamId: string; active?: boolean },
): Promise<string> {
  const [row] = await t.db
    .insert(agents)
    .values({
      email: f.email,
      name: f.email.split('@')[0] ?? f.email,
      teamId: f.teamId,
      active: f.active ?? true,
    })
    .returning({ id: agents.id });
  if (!row) throw new Error('agent not inserted');
  return row.id;
}

/** A ticket of an agent, resolved at `resolvedAt` (or still open when null). */
export async function insertTicket(
  t: TestContext,
  f: { agentId: string; teamId: string; resolvedAt: Date | null },
): Promise<string> {
  seq += 1;
  const [customer] = await t.db
    .insert(customers)
    .values({ email: `review-customer-${seq}@example.com`, name: `Customer ${seq}` })
    .returning({ id: customers.id });
  if (!customer) throw new Error('customer not inserted');
  const openedAt = new Date((f.resolvedAt ?? new Date()).getTime() - 3_600_000);
  const [row] = await t.db
    .insert(tickets)
    .values({
      externalId: `RV-${seq}-${Math.random().toString(36).slice(2, 8)}`,
      subject: `Review ticket ${seq}`,
      channel: 'email',
      customerId: customer.id,
      agentId: f.agentId,
      teamId: f.teamId,
      status: f.resolvedAt ? 'resolved' : 'open',
      openedAt,
      firstResponseAt: new Date(openedAt.getTime() + 600_000),
      resolvedAt: f.resolvedAt,
    })
    .returning({ id: tickets.id });
  if (!row) throw new Error('ticket not inserted');
  return row.id;
}
