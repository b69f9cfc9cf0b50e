import { randomUUID } from 'node:crypto';
import type { Database } from '@rapport/db';
import { ingestTicketEvent } from '../services/ticket-events';
import type { JobQueue } from './queue';

/** Test support for the sending tests: invitations made the way production makes them. */

export interface ScheduledInvitation {
  id: string;
  ticketId: string;
  ticketNumber: string;
  email: string;
  scheduledFor: Date;
}

let seq = 0;

const noQueue: JobQueue = { sendInvitationAt: async () => {} };

/**
 * A resolved ticket whose invitation is due now ('scheduled'), through the real ticket-event
 * service. Every call uses a new customer, so the per-customer throttle never skips one.
 *
 * @example
 * const inv = await scheduledInvitation(t.db, t.config.secret, { locale: 'sr' });
 */
export async function scheduledInvitation(
  db: Database,
  secret: string,
  options: { locale?: string; name?: string | null; subject?: string | null; queue?: JobQueue } = {},
): Promise<ScheduledInvitation> {
  seq += 1;
  const tag = `${seq}-${randomUUID().slice(0, 8)}`;
  const email = `customer-${tag}@example.com`;
  const ticketNumber = `T-${tag}`;
  // Resolved two hours ago: past the default 60-minute delay, so the invitation is due at once.
  const resolvedAt = new Date(Date.now() - 2 * 3_600_000);
  const result = await ingestTicketEvent(
    db,
    {
      type: 'ticket.resolved',
      occurredAt: resolvedAt,
      ticket: {
        externalId: ticketNumber,
        subject: options.subject === undefined ? 'Printer offline' : options.subject,
        channel: 'email',
        createdAt: new Date(resolvedAt.getTime() - 3_600_000),
        firstResponseAt: null,
        resolvedAt,
        customer: {
          email,
          name: options.name === undefined ? 'Ana' : options.name,
          locale: options.locale ?? 'en',
        },
        agent: { email: 'agent@support.example', name: 'Agent', team: 'Support' },
      },
    },
    { secret, queue: options.queue ?? noQueue },
  );
  if (result.decision !== 'scheduled' || !result.invitation)
    throw new Error(`invitation not scheduled: ${result.decision}`);
  return {
    id: result.invitation.id,
    ticketId: result.ticketId,
    ticketNumber,
    email,
    scheduledFor: new Date(result.invitation.scheduledFor),
  };
}
