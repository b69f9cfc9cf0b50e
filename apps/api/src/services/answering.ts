import { checkAnswers, type Answers, type Metric, type SurveyDefinition } from '@rapport/contracts';
import {
  customers,
  invitations,
  responseHistory,
  responses,
  suppressions,
  surveys,
  surveyVersions,
  type Database,
  type Transaction,
} from '@rapport/db';
import { eq } from 'drizzle-orm';
import { AppError, GoneError, NotFoundError, ValidationError } from '../errors';
import { botSignals, type Interaction } from '../lib/bot-signals';
import { hashToken } from '../lib/tokens';
import { moveDetailRollups } from './detail-rollups';
import { openFollowUpIfNeeded } from './follow-ups';
import { addToRollup, combine, localDay, responseDelta } from './rollups';
import { getSettings } from './settings';

export interface OpenedSurvey {
  invitationId: string;
  locale: string;
  definition: SurveyDefinition;
  /** The answers already given, when the customer comes back. */
  answers: Answers | null;
  /** Until when the answers may still be changed; null before the first answer. */
  editableUntil: Date | null;
  /** The organisation's time zone (IANA), to show `editableUntil` as the customer's support team would. */
  timeZone: string;
}

async function invitationByToken(tx: Database | Transaction, token: string, lock: boolean) {
  const query = tx
    .select({ invitation: invitations, definition: surveyVersions.definition, rules: surveys.rules })
    .from(invitations)
    .innerJoin(surveyVersions, eq(surveyVersions.id, invitations.surveyVersionId))
    .innerJoin(surveys, eq(surveys.id, invitations.surveyId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  // A token that was never sent (cancelled before sending) is as unknown as a made-up one.
  if (!row || row.invitation.status !== 'sent') throw new NotFoundError('This survey link');
  return row;
}

function checkNotExpired(inv: typeof invitations.$inferSelect, now: Date, answered: boolean): void {
  // Once answered, the edit window rules instead of the expiry.
  if (!answered && inv.expiresAt && inv.expiresAt <= now) throw new GoneError('This survey has expired.');
}

/**
 * The survey behind a link, for display. Reading never records anything: mail scanners open every
 * link, so only a POST counts.
 */
export async function openSurvey(db: Database, token: string, now = new Date()): Promise<OpenedSurvey> {
  const row = await invitationByToken(db, token, false);
  const [existing] = await db.select().from(responses).where(eq(responses.invitationId, row.invitation.id));
  checkNotExpired(row.invitation, now, existing !== undefined);
  const { timeZone } = await getSettings(db);
  return {
    invitationId: row.invitation.id,
    locale: row.invitation.locale,
    definition: row.definition,
    answers: existing?.answers ?? null,
    editableUntil: existing
      ? new Date(existing.submittedAt.getTime() + row.rules.editWindowHours * 3_600_000)
      : null,
    timeZone,
  };
}

/**
 * The language of a survey link's invitation, or null for a link that was never sent. For the
 * pages that explain why a link cannot be used (expired, closed), which have no survey to read it from.
 *
 * @example
 * await invitationLocale(db, token) // 'sr'
 */
export async function invitationLocale(db: Database, token: string): Promise<string | null> {
  const [row] = await db
    .select({ locale: invitations.locale, status: invitations.status })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  return row && row.status === 'sent' ? row.locale : null;
}

/** The answers to the questions that feed each metric, as columns. */
function metricColumns(definition: SurveyDefinition, answers: Answers) {
  const byMetric = (m: Metric) => {
    const q = definition.questions.find((x) => x.metric === m);
    return q ? answers[q.id] : undefined;
  };
  const num = (x: unknown) => (typeof x === 'number' ? x : null);
  const bool = (x: unknown) => (typeof x === 'boolean' ? x : null);
  const reasons = byMetric('reasons');
  const comment = byMetric('comment');
  return {
    csat: num(byMetric('csat')),
    nps: num(byMetric('nps')),
    ces: num(byMetric('ces')),
    resolved: bool(byMetric('resolved')),
    callback: bool(byMetric('callback')),
    reasons: Array.isArray(reasons) ? reasons : typeof reasons === 'string' ? [reasons] : [],
    comment: typeof comment === 'string' ? comment : null,
  };
}

export interface SubmitInput {
  token: string;
  answers: Answers;
  /** The one-click rating posted by the page's script: the other required questions may follow. */
  partial: boolean;
  interaction: Interaction;
  userAgent: string | null;
  now?: Date;
}

export interface SubmitResult {
  responseId: string;
  answers: Answers;
  edited: boolean;
  followUpId: string | null;
}

/**
 * Records (or, within the edit window, changes) the answers to an invitation: validates them
 * against the survey version, flags suspected bots, keeps the previous answers in the history,
 * moves the rollup counts from the old answers to the new, and opens a follow-up when needed —
 * all in one transaction.
 */
export async function submitResponse(db: Database, input: SubmitInput): Promise<SubmitResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await invitationByToken(tx, input.token, true);
    const inv = row.invitation;
    const [existing] = await tx
      .select()
      .from(responses)
      .where(eq(responses.invitationId, inv.id))
      .for('update');
    checkNotExpired(inv, now, existing !== undefined);
    if (existing && now.getTime() > existing.submittedAt.getTime() + row.rules.editWindowHours * 3_600_000) {
      throw new AppError('CONFLICT', 409, 'This answer can no longer be changed.');
    }

    // A partial (one-click) post merges into what was answered before, so it never erases a comment.
    const merged = input.partial && existing ? { ...existing.answers, ...input.answers } : input.answers;
    const { answers, problems } = checkAnswers(row.definition, merged, { requireAll: !input.partial });
    if (problems.length > 0) {
      throw new ValidationError(
        'Some answers need another look.',
        problems.map((p) => ({ path: p.questionId, message: p.code })),
      );
    }
    const metrics = metricColumns(row.definition, answers);
    const org = await getSettings(tx);

    if (!existing) {
      const bot = botSignals({
        userAgent: input.userAgent,
        sentAt: inv.sentAt,
        now,
        interaction: input.interaction,
      });
      const rollupDay = localDay(now, org.timeZone);
      const [created] = await tx
        .insert(responses)
        .values({
          invitationId: inv.id,
          surveyId: inv.surveyId,
          surveyVersionId: inv.surveyVersionId,
          ticketId: inv.ticketId,
          customerId: inv.customerId,
          teamId: inv.teamId,
          agentId: inv.agentId,
          channel: inv.channel,
          locale: inv.locale,
          answers,
          ...metrics,
          suspectedBot: bot.suspected,
          botEvidence: bot.evidence,
          counted: !bot.suspected,
          rollupDay,
          userAgent: input.userAgent?.slice(0, 500) ?? null,
          submittedAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error('response insert returned nothing');
      await tx.update(invitations).set({ respondedAt: now }).where(eq(invitations.id, inv.id));
      await addToRollup(tx, rollupKey(created), responseDelta(created, 1));
      await moveDetailRollups(tx, row.definition, null, created);
      const followUpId = created.counted ? await openFollowUpIfNeeded(tx, created, now) : null;
      return { responseId: created.id, answers, edited: false, followUpId };
    }

    const cleared = clearsSuspicion(existing, input);
    const changed = JSON.stringify(existing.answers) !== JSON.stringify(answers);
    if (!changed && !cleared) {
      return { responseId: existing.id, answers, edited: false, followUpId: null };
    }
    // History holds earlier answers; clearing a bot flag alone changes no answer, so it adds none.
    if (changed) {
      await tx.insert(responseHistory).values({
        responseId: existing.id,
        answers: existing.answers,
        answeredAt: existing.updatedAt,
        replacedAt: now,
      });
    }
    const [updated] = await tx
      .update(responses)
      .set({
        ...(changed ? { answers, ...metrics, updatedAt: now, editCount: existing.editCount + 1 } : {}),
        ...(cleared ? { suspectedBot: false, counted: true } : {}),
      })
      .where(eq(responses.id, existing.id))
      .returning();
    if (!updated) throw new Error('response update returned nothing');
    await addToRollup(
      tx,
      rollupKey(existing),
      combine(responseDelta(existing, -1), responseDelta(updated, 1)),
    );
    await moveDetailRollups(tx, row.definition, existing, updated);
    const followUpId = updated.counted ? await openFollowUpIfNeeded(tx, updated, now) : null;
    return { responseId: updated.id, answers, edited: changed, followUpId };
  });
}

/**
 * Whether a person's later submit clears a suspicion raised by the first answer. The survey page
 * posts the clicked score on load without an interaction marker (it cannot know yet whether a person
 * or a scanner runs it), so a person who opens the email within seconds of delivery is flagged as
 * "fast, no interaction". When the same link then submits with a real interaction (a pressed
 * button, a pointer or key event) from a browser that is not a known scanner, that flag was wrong.
 * A scanner's user agent, or a decision taken by staff, is never overturned here.
 */
function clearsSuspicion(
  existing: typeof responses.$inferSelect,
  input: Pick<SubmitInput, 'interaction' | 'userAgent'>,
): boolean {
  if (!existing.suspectedBot || existing.countedDecidedBy !== null || input.interaction === null)
    return false;
  if (existing.botEvidence.includes('scanner_user_agent')) return false;
  const now = botSignals({
    userAgent: input.userAgent,
    sentAt: null,
    now: new Date(0),
    interaction: input.interaction,
  });
  return !now.suspected;
}

function rollupKey(r: typeof responses.$inferSelect) {
  return { day: r.rollupDay, surveyId: r.surveyId, teamId: r.teamId, agentId: r.agentId, channel: r.channel };
}

export interface UnsubscribeTarget {
  email: string | null;
  locale: string;
  alreadyUnsubscribed: boolean;
}

/** Who a survey link's unsubscribe would stop mailing; for the confirmation page. */
export async function describeUnsubscribe(db: Database, token: string): Promise<UnsubscribeTarget> {
  const { invitation, email } = await unsubscribeTarget(db, token);
  const [suppressed] = email ? await db.select().from(suppressions).where(eq(suppressions.email, email)) : [];
  return { email, locale: invitation.locale, alreadyUnsubscribed: suppressed !== undefined };
}

/** The invitation behind a link and the address (lower-case) an unsubscribe would stop mailing. */
async function unsubscribeTarget(db: Database, token: string) {
  const { invitation } = await invitationByToken(db, token, false);
  const [customer] = await db
    .select({ email: customers.email })
    .from(customers)
    .where(eq(customers.id, invitation.customerId));
  return { invitation, email: customer?.email?.toLowerCase() ?? null };
}

/**
 * Stops all further survey mail to the link's address (RFC 8058 one-click works through this too).
 * Unsubscribing twice is fine.
 */
export async function unsubscribe(db: Database, token: string, now = new Date()): Promise<UnsubscribeTarget> {
  const { invitation, email } = await unsubscribeTarget(db, token);
  if (email) {
    await db
      .insert(suppressions)
      .values({ email, reason: 'unsubscribed', invitationId: invitation.id, createdAt: now })
      .onConflictDoNothing();
  }
  return { email, locale: invitation.locale, alreadyUnsubscribed: true };
}
