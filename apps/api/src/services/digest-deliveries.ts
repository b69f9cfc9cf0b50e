import type { DigestRecipientView, SendDigestNowResult } from '@rapport/contracts';
import {
  digestDeliveries,
  digestSettings,
  mailOutbox,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { ConflictError } from '../errors';
import { renderDigestEmail, type RenderedDigest } from '../mail/digest-render';
import type { Delivery, Mailer, MailMessage } from '../mail/mailer';
import { classifySmtpError } from '../mail/smtp-errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { buildDigest } from './digest';
import { digestDue, digestPeriod, weekOf } from './digest-schedule';
import { digestRecipientsOf, getDigestSettings } from './digest-settings';
import { getSettings } from './settings';

export type DigestDeliveryRow = typeof digestDeliveries.$inferSelect;
export type DigestDeliveryStatus = DigestDeliveryRow['status'];

export interface DigestSendDeps {
  mailer: Mailer;
  /** RAPPORT_PUBLIC_URL: the base of the links into the admin. */
  publicUrl: string;
}

export interface DigestSendAttempt {
  deliveryId: string;
  /** The queue will not try again after this attempt, so a transient failure is final. */
  finalAttempt: boolean;
  /** An earlier attempt of the same job has run: finding the delivery still 'sending' means it was cut off. */
  retry: boolean;
  now?: Date;
}

export type DigestSendOutcome =
  | { outcome: 'sent'; transport: Delivery['transport']; messageId: string | null }
  /** Not 'queued' (sent already, failed, or being sent by another worker): nothing done. */
  | { outcome: 'skipped'; status: DigestDeliveryStatus | null }
  /** Put back to 'queued' with the error: the queue should try again later. */
  | { outcome: 'retry'; error: string }
  | { outcome: 'failed'; error: string };

/** The `lastError` of a delivery whose send was cut off: it may have gone out, so it is not sent again. */
export const DIGEST_INTERRUPTED =
  'The send was interrupted (worker stopped or timed out); not retried, to avoid a duplicate email.';

/**
 * Queues this week's digest if its time has come: one delivery per current recipient, for the
 * seven complete local days before `now`. The conditional update of `lastScheduledWeek` is the
 * claim: of any number of workers checking at once, exactly one gets the row back and queues;
 * the others, and every later check in the same week, queue nothing. Returns the new deliveries'
 * ids (empty when nobody receives it), or null when nothing was due.
 *
 * @example
 * const queued = await queueScheduledDigest(db, new Date());
 * for (const id of queued?.deliveryIds ?? []) await jobs.enqueue(id);
 */
export async function queueScheduledDigest(
  db: Database,
  now = new Date(),
): Promise<{ week: string; deliveryIds: string[] } | null> {
  return db.transaction(async (tx) => {
    const row = await getDigestSettings(tx, now);
    const { timeZone } = await getSettings(tx);
    if (!digestDue(row, timeZone, now)) return null;
    const week = weekOf(now, timeZone);
    const [claimed] = await tx
      .update(digestSettings)
      .set({ lastScheduledWeek: week })
      .where(
        and(
          eq(digestSettings.id, 1),
          eq(digestSettings.enabled, true),
          // The schedule that was found due, not one an admin saved in between.
          eq(digestSettings.weekday, row.weekday),
          eq(digestSettings.hour, row.hour),
          or(isNull(digestSettings.lastScheduledWeek), lt(digestSettings.lastScheduledWeek, week)),
        ),
      )
      .returning({ id: digestSettings.id });
    if (!claimed) return null;
    const people = await digestRecipientsOf(tx, row.recipientMode);
    if (people.length === 0) return { week, deliveryIds: [] };
    const period = digestPeriod(now, timeZone);
    const inserted = await tx
      .insert(digestDeliveries)
      .values(
        people.map((p) => ({
          kind: 'scheduled' as const,
          userId: p.id,
          week,
          periodFrom: period.from,
          periodTo: period.to,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: digestDeliveries.id });
    return { week, deliveryIds: inserted.map((r) => r.id) };
  });
}

/**
 * "Send now" (admins): one delivery per current recipient, for the seven complete local days
 * before `now`, whatever the schedule or the on/off switch says. Somebody whose earlier "Send now"
 * digest is still waiting is not queued again. Written to the audit log.
 *
 * @example
 * const { queued, alreadyQueued, period } = await queueDigestNow(db, actor, new Date());
 */
export async function queueDigestNow(
  db: Database,
  actor: Actor,
  now = new Date(),
): Promise<SendDigestNowResult> {
  return db.transaction(async (tx) => {
    const row = await getDigestSettings(tx, now);
    const { timeZone } = await getSettings(tx);
    const people = await digestRecipientsOf(tx, row.recipientMode);
    if (people.length === 0)
      throw new ConflictError(
        row.recipientMode === 'viewers'
          ? 'Nobody would receive the digest: there is no active viewer. Add a viewer, or choose the people to send it to.'
          : 'Nobody would receive the digest: everyone chosen has been deactivated. Choose other people.',
      );
    const waiting = await tx
      .select({ userId: digestDeliveries.userId })
      .from(digestDeliveries)
      .where(
        and(
          eq(digestDeliveries.kind, 'manual'),
          inArray(digestDeliveries.status, ['queued', 'sending']),
          inArray(
            digestDeliveries.userId,
            people.map((p) => p.id),
          ),
        ),
      );
    const busy = new Set(waiting.map((w) => w.userId));
    const queued: DigestRecipientView[] = people.filter((p) => !busy.has(p.id));
    const alreadyQueued = people.filter((p) => busy.has(p.id));
    const period = digestPeriod(now, timeZone);
    if (queued.length > 0)
      await tx.insert(digestDeliveries).values(
        queued.map((p) => ({
          kind: 'manual' as const,
          userId: p.id,
          week: weekOf(now, timeZone),
          periodFrom: period.from,
          periodTo: period.to,
          requestedBy: actor.userId,
          createdAt: now,
        })),
      );
    await recordChange(tx, actor, {
      action: 'settings.digest.send_now',
      entityType: 'settings',
      entityId: null,
      after: { period, queued: queued.map((p) => p.email), alreadyQueued: alreadyQueued.map((p) => p.email) },
    });
    return { period: { ...period, timeZone }, queued, alreadyQueued };
  });
}

/**
 * Deliveries waiting for their job, oldest first: the digest tick makes sure each has one (a
 * "Send now" is written by the web process, which does not run the queue's workers).
 *
 * @example
 * for (const id of await listQueuedDeliveries(db, 500)) await jobs.enqueue(id);
 */
export async function listQueuedDeliveries(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: digestDeliveries.id })
    .from(digestDeliveries)
    .where(eq(digestDeliveries.status, 'queued'))
    .orderBy(asc(digestDeliveries.createdAt), asc(digestDeliveries.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Deliveries claimed by a send that has not settled: the tick fails those whose job is gone. */
export async function listSendingDeliveries(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: digestDeliveries.id })
    .from(digestDeliveries)
    .where(eq(digestDeliveries.status, 'sending'))
    .orderBy(asc(digestDeliveries.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Marks a cut-off send failed (only if it is still 'sending'); true when it did. */
export async function failInterruptedDelivery(db: Executor, id: string, reason: string): Promise<boolean> {
  const rows = await db
    .update(digestDeliveries)
    .set({ status: 'failed', lastError: reason })
    .where(and(eq(digestDeliveries.id, id), eq(digestDeliveries.status, 'sending')))
    .returning({ id: digestDeliveries.id });
  return rows.length > 0;
}

/** Ends a claim that did not send: back to 'queued' for a retry, or 'failed' for good. */
async function release(db: Executor, id: string, status: 'queued' | 'failed', error: string): Promise<void> {
  await db
    .update(digestDeliveries)
    .set({ status, lastError: error })
    .where(and(eq(digestDeliveries.id, id), eq(digestDeliveries.status, 'sending')));
}

/** Moves the delivery from 'queued' to 'sending' in one conditional UPDATE: of two racing workers, one wins. */
async function claim(
  db: Executor,
  id: string,
): Promise<DigestDeliveryRow | { status: DigestDeliveryStatus | null }> {
  const [row] = await db
    .update(digestDeliveries)
    .set({ status: 'sending', attempts: sql`${digestDeliveries.attempts} + 1` })
    .where(and(eq(digestDeliveries.id, id), eq(digestDeliveries.status, 'queued')))
    .returning();
  if (row) return row;
  const [current] = await db
    .select({ status: digestDeliveries.status })
    .from(digestDeliveries)
    .where(eq(digestDeliveries.id, id));
  return { status: current?.status ?? null };
}

/**
 * Sends one digest email, at most once: claims the delivery ('queued' → 'sending'), builds the
 * digest for its period, renders it in the recipient's language, hands it to the mailer, then in
 * one transaction marks it sent and records the message in the outbox (kind 'digest'). A
 * transient failure puts it back to 'queued' (outcome 'retry', so the queue tries again with
 * backoff); a permanent one, or any failure on the final attempt, marks it 'failed' with the reason.
 *
 * @example
 * const result = await sendDigestDelivery(db, { mailer, publicUrl }, { deliveryId, finalAttempt: false, retry: false });
 */
export async function sendDigestDelivery(
  db: Database,
  deps: DigestSendDeps,
  attempt: DigestSendAttempt,
): Promise<DigestSendOutcome> {
  const claimed = await claim(db, attempt.deliveryId);
  if (!('id' in claimed)) {
    if (claimed.status === 'sending' && attempt.retry) {
      const failed = await failInterruptedDelivery(db, attempt.deliveryId, DIGEST_INTERRUPTED);
      return failed
        ? { outcome: 'failed', error: DIGEST_INTERRUPTED }
        : { outcome: 'skipped', status: 'sending' };
    }
    return { outcome: 'skipped', status: claimed.status };
  }
  const delivery = claimed;
  const now = attempt.now ?? new Date();

  const [person] = await db
    .select({ name: users.name, email: users.email, locale: users.locale, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, delivery.userId));
  if (!person || person.disabledAt) {
    const error = 'The recipient was deactivated before the digest went out.';
    await release(db, delivery.id, 'failed', error);
    return { outcome: 'failed', error };
  }

  let mail: RenderedDigest;
  try {
    const content = await buildDigest(db, { from: delivery.periodFrom, to: delivery.periodTo }, now);
    mail = renderDigestEmail({
      content,
      locale: person.locale,
      recipientName: person.name,
      publicUrl: deps.publicUrl,
    });
  } catch (err) {
    // Reading the reports failed (the database went away, most likely): worth another try.
    const error = `The digest could not be built: ${err instanceof Error ? err.message : String(err)}`;
    await release(db, delivery.id, attempt.finalAttempt ? 'failed' : 'queued', error);
    return attempt.finalAttempt ? { outcome: 'failed', error } : { outcome: 'retry', error };
  }

  const message: MailMessage = {
    to: person.email,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    // Out-of-office replies should not answer a report (RFC 3834).
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
  let sent: Delivery;
  try {
    sent = await deps.mailer.send(message, {
      kind: 'digest',
      deliveryId: delivery.id,
      dashboardUrl: mail.links.dashboard,
    });
  } catch (err) {
    const failure = classifySmtpError(err);
    const final = failure.permanent || attempt.finalAttempt;
    await release(db, delivery.id, final ? 'failed' : 'queued', failure.message);
    return final
      ? { outcome: 'failed', error: failure.message }
      : { outcome: 'retry', error: failure.message };
  }

  await db.transaction(async (tx) => {
    await tx
      .update(digestDeliveries)
      .set({ status: 'sent', sentAt: now, lastError: null })
      // 'failed' too: if the tick gave up on this claim meanwhile, the email did go out after all.
      .where(
        and(eq(digestDeliveries.id, delivery.id), inArray(digestDeliveries.status, ['sending', 'failed'])),
      );
    await tx.insert(mailOutbox).values({
      kind: 'digest',
      toAddress: person.email,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      transport: sent.transport,
      messageId: sent.messageId,
    });
  });
  return { outcome: 'sent', transport: sent.transport, messageId: sent.messageId };
}
