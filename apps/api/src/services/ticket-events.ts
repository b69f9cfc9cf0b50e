import { createHash, randomUUID } from 'node:crypto';
import {
  supportedLocale,
  type SurveyRules,
  type TicketDecision,
  type TicketEvent,
  type TicketEventResult,
  type TicketPayload,
} from '@rapport/contracts';
import {
  agents,
  customers,
  invitations,
  surveys,
  surveyVersions,
  suppressions,
  teams,
  ticketEvents,
  tickets,
  type Database,
  type Transaction,
} from '@rapport/db';
import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { JobQueue } from '../jobs/queue';
import { hashToken, invitationToken } from '../lib/tokens';
import { recordTicketDurations } from './ticket-rollups';

export interface IngestDeps {
  secret: string;
  queue: JobQueue;
  now?: Date;
}

/**
 * Takes one helpdesk event: upserts the customer, agent, team and ticket by external id, decides
 * about the invitation (schedule, skip and why, cancel on reopen), and stores the decision — all in
 * one transaction. A repeated event id, or the same resolution again, changes nothing.
 */
export async function ingestTicketEvent(
  db: Database,
  event: TicketEvent,
  deps: IngestDeps,
): Promise<TicketEventResult> {
  const now = deps.now ?? new Date();
  const result = await db.transaction(async (tx) => {
    if (event.id) {
      const [seen] = await tx.select().from(ticketEvents).where(eq(ticketEvents.sourceEventId, event.id));
      if (seen) return duplicateOf(tx, seen.ticketId, seen.invitationId);
    }
    const ticket = await upsertTicket(tx, event, now);
    let outcome: { decision: TicketDecision; invitation: { id: string; scheduledFor: Date } | null };
    if (event.type === 'ticket.reopened') outcome = await cancelPending(tx, ticket.id);
    else if (ticket.resolvedAt && ticket.status === 'resolved')
      outcome = await decideInvitation(tx, ticket, event.ticket, deps.secret, now);
    else outcome = { decision: 'recorded', invitation: null };

    await tx.insert(ticketEvents).values({
      sourceEventId: event.id ?? null,
      ticketId: ticket.id,
      type: event.type,
      occurredAt: event.occurredAt,
      receivedAt: now,
      decision: outcome.decision,
      invitationId: outcome.invitation?.id ?? null,
    });
    return { ticketId: ticket.id, decision: outcome.decision, invitation: outcome.invitation };
  });
  if (result.decision === 'scheduled' && result.invitation) {
    await deps.queue.sendInvitationAt(result.invitation.id, result.invitation.scheduledFor);
  }
  return {
    ticketId: result.ticketId,
    decision: result.decision,
    invitation: result.invitation && {
      id: result.invitation.id,
      scheduledFor: result.invitation.scheduledFor.toISOString(),
    },
  };
}

async function duplicateOf(tx: Transaction, ticketId: string, invitationId: string | null) {
  const [inv] = invitationId
    ? await tx
        .select({ id: invitations.id, scheduledFor: invitations.scheduledFor })
        .from(invitations)
        .where(eq(invitations.id, invitationId))
    : [];
  return { ticketId, decision: 'duplicate' as const, invitation: inv ?? null };
}

type TicketRow = typeof tickets.$inferSelect;

async function upsertCustomer(tx: Transaction, c: TicketPayload['customer'], now: Date): Promise<string> {
  const locale = supportedLocale(c.locale) ?? 'en';
  const [byExternal] = c.externalId
    ? await tx.select().from(customers).where(eq(customers.externalId, c.externalId))
    : [];
  const [byEmail] = byExternal
    ? []
    : await tx
        .select()
        .from(customers)
        .where(and(sql`lower(${customers.email}) = ${c.email}`, isNull(customers.erasedAt)))
        .orderBy(asc(customers.createdAt))
        .limit(1);
  const existing = byExternal ?? byEmail;
  if (existing) {
    await tx
      .update(customers)
      .set({
        email: c.email,
        name: c.name ?? existing.name,
        locale: c.locale ? locale : existing.locale,
        externalId: existing.externalId ?? c.externalId ?? null,
        updatedAt: now,
      })
      .where(eq(customers.id, existing.id));
    return existing.id;
  }
  const [created] = await tx
    .insert(customers)
    .values({ externalId: c.externalId ?? null, email: c.email, name: c.name ?? null, locale })
    .returning({ id: customers.id });
  if (!created) throw new Error('customer insert returned nothing');
  return created.id;
}

async function upsertTeam(tx: Transaction, name: string): Promise<string> {
  const [existing] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(sql`lower(${teams.name}) = ${name.toLowerCase()}`);
  if (existing) return existing.id;
  const [created] = await tx.insert(teams).values({ name }).onConflictDoNothing().returning({ id: teams.id });
  if (created) return created.id;
  const [raced] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(sql`lower(${teams.name}) = ${name.toLowerCase()}`);
  if (!raced) throw new Error('team vanished');
  return raced.id;
}

async function upsertAgent(
  tx: Transaction,
  a: NonNullable<TicketPayload['agent']>,
  now: Date,
): Promise<{ agentId: string; teamId: string | null }> {
  const teamId = a.team ? await upsertTeam(tx, a.team) : null;
  const [byExternal] = a.externalId
    ? await tx.select().from(agents).where(eq(agents.externalId, a.externalId))
    : [];
  const [byEmail] = byExternal
    ? []
    : await tx
        .select()
        .from(agents)
        .where(sql`lower(${agents.email}) = ${a.email}`);
  const existing = byExternal ?? byEmail;
  if (existing) {
    await tx
      .update(agents)
      .set({
        name: a.name ?? existing.name,
        email: a.email,
        externalId: existing.externalId ?? a.externalId ?? null,
        teamId: teamId ?? existing.teamId,
        updatedAt: now,
      })
      .where(eq(agents.id, existing.id));
    return { agentId: existing.id, teamId: teamId ?? existing.teamId };
  }
  const [created] = await tx
    .insert(agents)
    .values({
      externalId: a.externalId ?? null,
      email: a.email,
      name: a.name ?? a.email.split('@')[0] ?? a.email,
      teamId,
    })
    .returning({ id: agents.id });
  if (!created) throw new Error('agent insert returned nothing');
  return { agentId: created.id, teamId };
}

/** Creates or updates a ticket (and its customer, agent and team) by external id, as the event says. */
export async function upsertTicket(tx: Transaction, event: TicketEvent, now: Date): Promise<TicketRow> {
  const t = event.ticket;
  const customerId = await upsertCustomer(tx, t.customer, now);
  const assignment = t.agent ? await upsertAgent(tx, t.agent, now) : null;
  const [existing] = await tx
    .select()
    .from(tickets)
    .where(eq(tickets.externalId, t.externalId))
    .for('update');
  const resolvedAt =
    event.type === 'ticket.resolved'
      ? (t.resolvedAt ?? event.occurredAt)
      : event.type === 'ticket.reopened'
        ? null
        : t.resolvedAt;
  const status =
    event.type === 'ticket.resolved'
      ? 'resolved'
      : event.type === 'ticket.reopened'
        ? 'open'
        : resolvedAt
          ? 'resolved'
          : (existing?.status ?? 'open');
  const values = {
    subject: t.subject ?? existing?.subject ?? null,
    channel: t.channel,
    customerId,
    agentId: assignment?.agentId ?? existing?.agentId ?? null,
    teamId: assignment?.teamId ?? existing?.teamId ?? null,
    openedAt: t.createdAt,
    firstResponseAt: t.firstResponseAt ?? existing?.firstResponseAt ?? null,
    resolvedAt: resolvedAt === undefined ? (existing?.resolvedAt ?? null) : resolvedAt,
    status,
    updatedAt: now,
  } as const;
  if (existing) {
    const reopened = event.type === 'ticket.reopened' && existing.status !== 'open' ? 1 : 0;
    const [row] = await tx
      .update(tickets)
      .set({ ...values, reopenedCount: existing.reopenedCount + reopened })
      .where(eq(tickets.id, existing.id))
      .returning();
    if (!row) throw new Error('ticket update returned nothing');
    await recordTicketDurations(tx, existing, row);
    return row;
  }
  const [row] = await tx
    .insert(tickets)
    .values({ externalId: t.externalId, ...values })
    .returning();
  if (!row) throw new Error('ticket insert returned nothing');
  await recordTicketDurations(tx, null, row);
  return row;
}

async function cancelPending(tx: Transaction, ticketId: string) {
  const cancelled = await tx
    .update(invitations)
    .set({ status: 'cancelled', cancelledReason: 'reopened' })
    .where(and(eq(invitations.ticketId, ticketId), eq(invitations.status, 'scheduled')))
    .returning({ id: invitations.id, scheduledFor: invitations.scheduledFor });
  return { decision: 'cancelled' as const, invitation: cancelled[0] ?? null };
}

/** A stable draw in [0, 1) per ticket resolution, so a redelivered event samples the same way. */
function sampleDraw(ticketId: string, resolvedAt: Date): number {
  const digest = createHash('sha256').update(`${ticketId}|${resolvedAt.toISOString()}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

function matchesChannel(rules: SurveyRules, channel: string): boolean {
  return rules.channels.length === 0 || rules.channels.includes(channel);
}

/**
 * The survey for a ticket: among the active ones whose channel rule matches, one that names the
 * ticket's channel wins over a catch-all (no channels), so a "chat" survey can sit next to the
 * default one; then the oldest. `candidates` come oldest first.
 */
function chooseSurvey<T extends { survey: { rules: SurveyRules } }>(candidates: T[], channel: string) {
  return (
    candidates.find((s) => s.survey.rules.channels.includes(channel)) ??
    candidates.find((s) => matchesChannel(s.survey.rules, channel))
  );
}

async function decideInvitation(
  tx: Transaction,
  ticket: TicketRow,
  payload: TicketPayload,
  secret: string,
  now: Date,
) {
  const resolvedAt = ticket.resolvedAt ?? now;
  const [already] = await tx
    .select({ id: invitations.id, scheduledFor: invitations.scheduledFor })
    .from(invitations)
    .where(and(eq(invitations.ticketId, ticket.id), eq(invitations.ticketResolvedAt, resolvedAt)));
  if (already) return { decision: 'duplicate' as const, invitation: already };

  const candidates = await tx
    .select({ survey: surveys, definition: surveyVersions.definition, versionId: surveyVersions.id })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(eq(surveys.status, 'active'))
    .orderBy(asc(surveys.createdAt), asc(surveys.id));
  const chosen = chooseSurvey(candidates, ticket.channel);
  if (!chosen) return { decision: 'skipped_no_survey' as const, invitation: null };
  const rules = chosen.survey.rules;

  const email = payload.customer.email;
  const [suppressed] = await tx
    .select({ email: suppressions.email })
    .from(suppressions)
    .where(eq(suppressions.email, email));
  if (suppressed) return { decision: 'skipped_unsubscribed' as const, invitation: null };

  const domain = email.split('@')[1] ?? '';
  if (rules.excludedDomains.some((d) => domain === d || domain.endsWith(`.${d}`))) {
    return { decision: 'skipped_excluded' as const, invitation: null };
  }

  if (rules.throttleDays > 0) {
    const since = new Date(now.getTime() - rules.throttleDays * 86_400_000);
    const [recent] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.customerId, ticket.customerId),
          gt(invitations.createdAt, since),
          ne(invitations.status, 'cancelled'),
        ),
      )
      .limit(1);
    if (recent) return { decision: 'skipped_throttled' as const, invitation: null };
  }

  if (sampleDraw(ticket.id, resolvedAt) >= rules.sampleRate)
    return { decision: 'skipped_sampled' as const, invitation: null };

  const id = randomUUID();
  const due = new Date(resolvedAt.getTime() + rules.delayMinutes * 60_000);
  const scheduledFor = due > now ? due : now;
  const [customer] = await tx
    .select({ locale: customers.locale })
    .from(customers)
    .where(eq(customers.id, ticket.customerId));
  const offered = chosen.definition.locales;
  const locale =
    customer && offered.includes(customer.locale as never)
      ? customer.locale
      : chosen.definition.defaultLocale;
  await tx.insert(invitations).values({
    id,
    surveyId: chosen.survey.id,
    surveyVersionId: chosen.versionId,
    ticketId: ticket.id,
    customerId: ticket.customerId,
    teamId: ticket.teamId,
    agentId: ticket.agentId,
    channel: ticket.channel,
    locale,
    ticketResolvedAt: resolvedAt,
    scheduledFor,
    tokenHash: hashToken(invitationToken(secret, id)),
    createdAt: now,
  });
  return { decision: 'scheduled' as const, invitation: { id, scheduledFor } };
}
