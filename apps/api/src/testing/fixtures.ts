import type { Answers } from '@rapport/contracts';
import { invitations } from '@rapport/db';
import { eq } from 'drizzle-orm';
import { invitationToken } from '../lib/tokens';
import { submitResponse } from '../services/answering';
import { addToRollup, localDay } from '../services/rollups';
import { getSettings } from '../services/settings';
import { ingestTicketEvent } from '../services/ticket-events';
import type { TestContext } from './harness';

let seq = 0;

export interface FixtureTicket {
  email?: string;
  team?: string;
  agentEmail?: string;
  channel?: string;
  locale?: string;
  resolvedAt?: Date;
}

/**
 * A resolved ticket whose invitation has been "sent" (marked as the sending job would), returning
 * the link token. For tests of what happens after the email.
 */
export async function sentInvitation(
  t: TestContext,
  f: FixtureTicket = {},
): Promise<{ token: string; invitationId: string; ticketId: string }> {
  seq += 1;
  const resolvedAt = f.resolvedAt ?? new Date(Date.now() - 2 * 3_600_000);
  const result = await ingestTicketEvent(
    t.db,
    {
      id: `fixture-${seq}-${Math.random()}`,
      type: 'ticket.resolved',
      occurredAt: resolvedAt,
      ticket: {
        externalId: `FX-${seq}-${Math.random().toString(36).slice(2, 8)}`,
        subject: `Fixture ticket ${seq}`,
        channel: f.channel ?? 'email',
        createdAt: new Date(resolvedAt.getTime() - 3_600_000),
        firstResponseAt: null,
        resolvedAt,
        customer: {
          email: f.email ?? `fixture${seq}-${Math.random().toString(36).slice(2, 8)}@example.com`,
          name: `Customer ${seq}`,
          locale: f.locale ?? 'en',
        },
        agent: { email: f.agentEmail ?? 'agent@support.example', name: 'Agent', team: f.team ?? 'Support' },
      },
    },
    { secret: t.config.secret, queue: { sendInvitationAt: async () => {} } },
  );
  if (result.decision !== 'scheduled' || !result.invitation)
    throw new Error(`fixture not scheduled: ${result.decision}`);
  const sentAt = new Date(Date.now() - 3_600_000);
  const [inv] = await t.db
    .update(invitations)
    .set({ status: 'sent', sentAt, expiresAt: new Date(sentAt.getTime() + 14 * 86_400_000) })
    .where(eq(invitations.id, result.invitation.id))
    .returning();
  if (!inv) throw new Error('fixture invitation vanished');
  // The sending job counts a send on the organisation's local day, as here.
  const { timeZone } = await getSettings(t.db);
  await addToRollup(
    t.db,
    {
      day: localDay(sentAt, timeZone),
      surveyId: inv.surveyId,
      teamId: inv.teamId,
      agentId: inv.agentId,
      channel: inv.channel,
    },
    { sent: 1 },
  );
  return { token: invitationToken(t.config.secret, inv.id), invitationId: inv.id, ticketId: result.ticketId };
}

/** A person's complete answer to a fresh invitation. */
export async function answered(t: TestContext, answers: Answers, f: FixtureTicket = {}) {
  const inv = await sentInvitation(t, f);
  const result = await submitResponse(t.db, {
    token: inv.token,
    answers,
    partial: false,
    interaction: 'js',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0',
  });
  return { ...inv, ...result };
}
