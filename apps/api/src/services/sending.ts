import type { SurveyDefinition, SurveyRules } from '@rapport/contracts';
import {
  customers,
  invitations,
  mailOutbox,
  suppressions,
  surveys,
  surveyVersions,
  tickets,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { invitationToken } from '../lib/tokens';
import type { Delivery, Mailer } from '../mail/mailer';
import { renderSurveyEmail, type RenderedEmail, type SurveyEmailKind } from '../mail/render';
import { classifySmtpError } from '../mail/smtp-errors';
import { addToRollup, localDay } from './rollups';
import { getSettings } from './settings';

export interface SendingDeps {
  mailer: Mailer;
  /** The instance secret: the link token is derived from it and the invitation id. */
  secret: string;
  /** RAPPORT_PUBLIC_URL: the base of every link in the email. */
  publicUrl: string;
}

export interface SendAttempt {
  invitationId: string;
  /** The queue will not try again after this attempt, so a transient failure is final. */
  finalAttempt: boolean;
  /** An earlier attempt of the same job has run. Finding the invitation still 'sending' then means that attempt was cut off. */
  retry: boolean;
  now?: Date;
}

export type InvitationStatus = (typeof invitations.$inferSelect)['status'];
export type CancelReason = 'reopened' | 'unsubscribed' | 'erased' | 'survey_archived';

export type SendOutcome =
  | { outcome: 'sent'; transport: Delivery['transport']; messageId: string | null }
  /** Not in 'scheduled' (already sent, cancelled, failed, or being sent by another worker): nothing done. */
  | { outcome: 'skipped'; status: InvitationStatus | null }
  | { outcome: 'cancelled'; reason: CancelReason }
  /** Put back to 'scheduled' with the error: the caller should try again later. */
  | { outcome: 'retry'; error: string }
  | { outcome: 'failed'; error: string };

type InvitationRow = typeof invitations.$inferSelect;

interface MailContext {
  ticketStatus: (typeof tickets.$inferSelect)['status'];
  ticketResolvedAt: Date | null;
  ticketNumber: string;
  ticketSubject: string | null;
  email: string | null;
  name: string | null;
  erasedAt: Date | null;
  suppressed: boolean;
  surveyStatus: (typeof surveys.$inferSelect)['status'];
  rules: SurveyRules;
  definition: SurveyDefinition;
}

/** Everything a send decides on and renders from, read in the claiming transaction. */
async function loadMailContext(tx: Executor, invitationId: string): Promise<MailContext> {
  const [row] = await tx
    .select({
      ticketStatus: tickets.status,
      ticketResolvedAt: tickets.resolvedAt,
      ticketNumber: tickets.externalId,
      ticketSubject: tickets.subject,
      email: customers.email,
      name: customers.name,
      erasedAt: customers.erasedAt,
      surveyStatus: surveys.status,
      rules: surveys.rules,
      definition: surveyVersions.definition,
    })
    .from(invitations)
    .innerJoin(tickets, eq(tickets.id, invitations.ticketId))
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .innerJoin(surveys, eq(surveys.id, invitations.surveyId))
    .innerJoin(surveyVersions, eq(surveyVersions.id, invitations.surveyVersionId))
    .where(eq(invitations.id, invitationId));
  if (!row) throw new Error(`invitation ${invitationId} lost its ticket, customer or survey`);
  const [suppressed] = row.email
    ? await tx
        .select({ email: suppressions.email })
        .from(suppressions)
        .where(eq(suppressions.email, row.email.toLowerCase()))
    : [];
  return { ...row, suppressed: suppressed !== undefined };
}

/** Why an invitation must not go out any more, checked at send time: things change during the delay. */
function cancelReason(inv: InvitationRow, ctx: MailContext): CancelReason | null {
  if (ctx.erasedAt || !ctx.email) return 'erased';
  const stillResolved = ctx.ticketStatus === 'resolved' || ctx.ticketStatus === 'closed';
  if (!stillResolved || ctx.ticketResolvedAt?.getTime() !== inv.ticketResolvedAt.getTime()) return 'reopened';
  if (ctx.suppressed) return 'unsubscribed';
  // Archiving a survey stops it asking, including invitations already waiting out their delay.
  if (ctx.surveyStatus === 'archived') return 'survey_archived';
  return null;
}

type Claim =
  | { kind: 'claimed'; inv: InvitationRow; ctx: MailContext & { email: string } }
  | { kind: 'busy'; status: InvitationStatus | null }
  | { kind: 'cancelled'; reason: CancelReason };

/**
 * Moves the invitation from 'scheduled' to 'sending' in one conditional UPDATE: of two workers
 * racing for it, exactly one gets the row back; the other sees no row and sends nothing.
 */
async function claimInvitation(db: Database, invitationId: string): Promise<Claim> {
  return db.transaction(async (tx): Promise<Claim> => {
    const [inv] = await tx
      .update(invitations)
      .set({ status: 'sending', attempts: sql`${invitations.attempts} + 1` })
      .where(and(eq(invitations.id, invitationId), eq(invitations.status, 'scheduled')))
      .returning();
    if (!inv) {
      const [row] = await tx
        .select({ status: invitations.status })
        .from(invitations)
        .where(eq(invitations.id, invitationId));
      return { kind: 'busy', status: row?.status ?? null };
    }
    const ctx = await loadMailContext(tx, inv.id);
    const reason = cancelReason(inv, ctx);
    if (reason || !ctx.email) {
      const why = reason ?? 'erased';
      await tx
        .update(invitations)
        .set({ status: 'cancelled', cancelledReason: why })
        .where(eq(invitations.id, inv.id));
      return { kind: 'cancelled', reason: why };
    }
    return { kind: 'claimed', inv, ctx: { ...ctx, email: ctx.email } };
  });
}

/** Ends a claim that did not send: back to 'scheduled' for a retry, or 'failed' for good. */
async function releaseClaim(
  db: Executor,
  invitationId: string,
  status: 'scheduled' | 'failed',
  error: string,
): Promise<void> {
  await db
    .update(invitations)
    .set({ status, lastError: error })
    .where(and(eq(invitations.id, invitationId), eq(invitations.status, 'sending')));
}

function render(
  kind: SurveyEmailKind,
  inv: InvitationRow,
  ctx: MailContext,
  deps: SendingDeps,
): RenderedEmail {
  return renderSurveyEmail({
    kind,
    locale: inv.locale,
    definition: ctx.definition,
    customerName: ctx.name,
    ticket: { number: ctx.ticketNumber, subject: ctx.ticketSubject },
    publicUrl: deps.publicUrl,
    // Derived again rather than stored: only its hash is in the database.
    token: invitationToken(deps.secret, inv.id),
  });
}

/**
 * Sends one invitation's email, at most once ever: claims it ('scheduled' → 'sending'), checks
 * again that it should still go (ticket not reopened, address not unsubscribed, customer not
 * erased — else cancels it with the reason), renders it in the invitation's language, hands it to
 * the mailer, then in one transaction marks it sent (expiry from the survey's rules), records the
 * message in the outbox and counts it in the day's rollup (organisation time zone).
 * A transient failure puts it back to 'scheduled' with the error (outcome 'retry'); a permanent
 * one, or any failure on the final attempt, marks it 'failed' with the reason.
 *
 * @example
 * const result = await sendInvitation(db, { mailer, secret, publicUrl }, { invitationId, finalAttempt: false, retry: false });
 * if (result.outcome === 'retry') throw new Error(result.error); // let the queue try again
 */
export async function sendInvitation(
  db: Database,
  deps: SendingDeps,
  attempt: SendAttempt,
): Promise<SendOutcome> {
  const claim = await claimInvitation(db, attempt.invitationId);
  if (claim.kind === 'cancelled') return { outcome: 'cancelled', reason: claim.reason };
  if (claim.kind === 'busy') {
    if (claim.status === 'sending' && attempt.retry) {
      // An earlier run of this job claimed it and never settled (crash, shutdown, timeout). It may
      // or may not have reached the customer; sending again could make it twice, so stop here.
      const error =
        'The send was interrupted (worker stopped or timed out); not retried, to avoid a duplicate email.';
      const failed = await failInterruptedSend(db, attempt.invitationId, error);
      return failed ? { outcome: 'failed', error } : { outcome: 'skipped', status: 'sending' };
    }
    return { outcome: 'skipped', status: claim.status };
  }
  const { inv, ctx } = claim;

  let mail: RenderedEmail;
  try {
    mail = render('invitation', inv, ctx, deps);
  } catch (err) {
    // The same definition would fail the same way next time.
    const error = `The email could not be rendered: ${err instanceof Error ? err.message : String(err)}`;
    await releaseClaim(db, inv.id, 'failed', error);
    return { outcome: 'failed', error };
  }

  let delivery: Delivery;
  try {
    delivery = await deps.mailer.send(
      { to: ctx.email, subject: mail.subject, html: mail.html, text: mail.text, headers: mail.headers },
      { kind: 'invitation', invitationId: inv.id, surveyUrl: mail.surveyUrl },
    );
  } catch (err) {
    const failure = classifySmtpError(err);
    const final = failure.permanent || attempt.finalAttempt;
    await releaseClaim(db, inv.id, final ? 'failed' : 'scheduled', failure.message);
    return final
      ? { outcome: 'failed', error: failure.message }
      : { outcome: 'retry', error: failure.message };
  }

  const sentAt = attempt.now ?? new Date();
  await db.transaction(async (tx) => {
    const [marked] = await tx
      .update(invitations)
      .set({
        status: 'sent',
        sentAt,
        expiresAt: new Date(sentAt.getTime() + ctx.rules.expiresAfterDays * 86_400_000),
      })
      // 'failed' too: if a stuck-send sweep gave up on this claim meanwhile, the email did go out after all.
      .where(and(eq(invitations.id, inv.id), inArray(invitations.status, ['sending', 'failed'])))
      .returning({ id: invitations.id });
    await recordMessage(tx, 'invitation', inv.id, ctx.email, mail, delivery);
    if (marked) {
      const { timeZone } = await getSettings(tx);
      await addToRollup(
        tx,
        {
          day: localDay(sentAt, timeZone),
          surveyId: inv.surveyId,
          teamId: inv.teamId,
          agentId: inv.agentId,
          channel: inv.channel,
        },
        { sent: 1 },
      );
    }
  });
  return { outcome: 'sent', transport: delivery.transport, messageId: delivery.messageId };
}

async function recordMessage(
  tx: Executor,
  kind: SurveyEmailKind,
  invitationId: string,
  to: string,
  mail: RenderedEmail,
  delivery: Delivery,
): Promise<void> {
  await tx.insert(mailOutbox).values({
    kind,
    toAddress: to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers,
    invitationId,
    transport: delivery.transport,
    messageId: delivery.messageId,
  });
}

/** `and()` of conditions that are always there, typed as such (drizzle's `and()` may return undefined). */
function allOf(...parts: SQL[]): SQL {
  const joined = and(...parts);
  if (!joined) throw new Error('allOf needs at least one condition');
  return joined;
}

/**
 * The invitations owed their one reminder at `now`: sent, unanswered, not reminded, not expired,
 * the survey's `reminderAfterDays` passed since sending, and — as at the first send — the ticket
 * still resolved at the same resolution, the customer not erased, the address not unsubscribed;
 * and the survey not archived since.
 */
function reminderDue(now: Date): SQL {
  const at = now.toISOString();
  return allOf(
    eq(invitations.status, 'sent'),
    isNull(invitations.respondedAt),
    isNull(invitations.reminderSentAt),
    or(isNull(invitations.expiresAt), gt(invitations.expiresAt, now)) ?? sql`true`,
    sql`exists (select 1 from surveys s where s.id = ${invitations.surveyId} and s.status <> 'archived'
      and jsonb_typeof(s.rules -> 'reminderAfterDays') = 'number'
      and ${invitations.sentAt} + make_interval(days => (s.rules ->> 'reminderAfterDays')::int) <= ${at}::timestamptz)`,
    sql`exists (select 1 from tickets t where t.id = ${invitations.ticketId}
      and t.status in ('resolved', 'closed') and t.resolved_at = ${invitations.ticketResolvedAt})`,
    sql`exists (select 1 from customers c where c.id = ${invitations.customerId}
      and c.erased_at is null and c.email is not null
      and not exists (select 1 from suppressions x where x.email = lower(c.email)))`,
  );
}

export type ReminderOutcome =
  | { outcome: 'sent'; transport: Delivery['transport']; messageId: string | null }
  /** Not due (answered, reminded already, expired, unsubscribed, …): nothing done. */
  | { outcome: 'skipped' }
  | { outcome: 'retry'; error: string }
  | { outcome: 'failed'; error: string };

/**
 * Sends an invitation's one reminder, with the same link. The claim sets `reminderSentAt` only
 * while the reminder is still due, so two workers never both send it and a second reminder is
 * impossible. A transient failure gives the claim back for a retry; a final failure keeps it (the
 * one chance was used) and records the error.
 *
 * @example
 * await sendReminder(db, { mailer, secret, publicUrl }, { invitationId, finalAttempt: false });
 */
export async function sendReminder(
  db: Database,
  deps: SendingDeps,
  attempt: { invitationId: string; finalAttempt: boolean; now?: Date },
): Promise<ReminderOutcome> {
  const now = attempt.now ?? new Date();
  const claim = await db.transaction(async (tx) => {
    const [inv] = await tx
      .update(invitations)
      .set({ reminderSentAt: now })
      .where(and(eq(invitations.id, attempt.invitationId), reminderDue(now)))
      .returning();
    return inv ? { inv, ctx: await loadMailContext(tx, inv.id) } : null;
  });
  const email = claim?.ctx.email;
  if (!claim || !email) return { outcome: 'skipped' };
  const { inv, ctx } = claim;

  let mail: RenderedEmail;
  try {
    mail = render('reminder', inv, ctx, deps);
  } catch (err) {
    // Would fail the same way on every retry: the one chance is used up.
    const error = `Reminder not rendered: ${err instanceof Error ? err.message : String(err)}`;
    await db.update(invitations).set({ lastError: error }).where(eq(invitations.id, inv.id));
    return { outcome: 'failed', error };
  }

  let delivery: Delivery;
  try {
    delivery = await deps.mailer.send(
      { to: email, subject: mail.subject, html: mail.html, text: mail.text, headers: mail.headers },
      { kind: 'reminder', invitationId: inv.id, surveyUrl: mail.surveyUrl },
    );
  } catch (err) {
    const failure = classifySmtpError(err);
    if (failure.permanent || attempt.finalAttempt) {
      const error = `Reminder not delivered: ${failure.message}`;
      await db.update(invitations).set({ lastError: error }).where(eq(invitations.id, inv.id));
      return { outcome: 'failed', error };
    }
    await db
      .update(invitations)
      .set({ reminderSentAt: null, lastError: `Reminder: ${failure.message}` })
      .where(and(eq(invitations.id, inv.id), eq(invitations.reminderSentAt, now)));
    return { outcome: 'retry', error: failure.message };
  }
  await recordMessage(db, 'reminder', inv.id, email, mail, delivery);
  return { outcome: 'sent', transport: delivery.transport, messageId: delivery.messageId };
}

/**
 * Scheduled invitations whose time has come, oldest first. The sweep makes sure each has a job:
 * the one enqueued after the ticket event's commit may be missing if the process died in between.
 *
 * @example
 * for (const inv of await listDueInvitations(db, { now: new Date(), limit: 500 })) await queue.sendInvitationAt(inv.id, inv.scheduledFor);
 */
export async function listDueInvitations(
  db: Executor,
  input: { now: Date; limit: number },
): Promise<{ id: string; scheduledFor: Date }[]> {
  return db
    .select({ id: invitations.id, scheduledFor: invitations.scheduledFor })
    .from(invitations)
    .where(and(eq(invitations.status, 'scheduled'), lte(invitations.scheduledFor, input.now)))
    .orderBy(asc(invitations.scheduledFor))
    .limit(input.limit);
}

/**
 * Invitations owed their reminder now (see `sendReminder`), oldest sending first.
 *
 * @example
 * const ids = await listDueReminders(db, { now: new Date(), limit: 500 });
 */
export async function listDueReminders(db: Executor, input: { now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(reminderDue(input.now))
    .orderBy(asc(invitations.sentAt))
    .limit(input.limit);
  return rows.map((r) => r.id);
}

/**
 * Invitations a worker has claimed and not yet settled. Normally only those in flight; the sweep
 * asks the queue whether each still has a live job.
 *
 * @example
 * const ids = await listSendingInvitations(db, { limit: 500 });
 */
export async function listSendingInvitations(db: Executor, input: { limit: number }): Promise<string[]> {
  const rows = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(eq(invitations.status, 'sending'))
    .orderBy(asc(invitations.scheduledFor))
    .limit(input.limit);
  return rows.map((r) => r.id);
}

/**
 * Gives up on a claim that no worker will settle: 'sending' → 'failed' with the reason. Never back
 * to 'scheduled' — the email may have gone out, and twice is worse than not at all. Returns whether
 * it was still 'sending'.
 *
 * @example
 * await failInterruptedSend(db, id, 'The send was interrupted; not retried, to avoid a duplicate email.');
 */
export async function failInterruptedSend(
  db: Executor,
  invitationId: string,
  reason: string,
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ status: 'failed', lastError: reason })
    .where(and(eq(invitations.id, invitationId), eq(invitations.status, 'sending')))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
