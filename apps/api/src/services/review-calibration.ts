import type {
  CalibrationItemView,
  CalibrationView,
  CreateCalibration,
  FieldIssue,
  PersonRef,
  ReviewerPairKappa,
} from '@rapport/contracts';
import {
  auditCycles,
  auditTemplateVersions,
  reviewAnswers,
  reviews,
  reviewSamples,
  tickets,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { auditItemScore, cohenKappa } from '@rapport/scoring';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { ConflictError, ValidationError, found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { toAuditValue } from './audit-values';
import { drawSample } from '@rapport/db';

/** Kappa of a pair of reviewers needs at least this many tickets both scored; one ticket says nothing about chance. */
export const CALIBRATION_MIN_TICKETS = 2;
const DEFAULT_CALIBRATION_TICKETS = 3;

async function loadCycle(db: Executor, cycleId: string) {
  const [row] = await db.select().from(auditCycles).where(eq(auditCycles.id, cycleId));
  const cycle = found(row, 'Audit cycle');
  return cycle;
}

/** Every named reviewer exists, is active and is not a viewer; else a 400 pointing at each. */
async function checkReviewers(tx: Executor, ids: string[]): Promise<void> {
  const rows = await tx
    .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(inArray(users.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: FieldIssue[] = [];
  ids.forEach((id, i) => {
    const u = byId.get(id);
    const message = !u
      ? 'No user has this id.'
      : u.disabledAt
        ? `${u.name} is deactivated.`
        : u.role === 'viewer'
          ? `${u.name} is a viewer: choose an auditor, manager or admin.`
          : null;
    if (message) problems.push({ path: `reviewerUserIds.${i}`, message });
  });
  const first = problems[0];
  if (first) throw new ValidationError(`${first.path}: ${first.message}`, problems);
}

/**
 * Sets up calibration: every named reviewer reviews the same tickets of the cycle's sample, as
 * calibration reviews (they do not count for the agent). Tickets are those given, or `count` drawn
 * from the sample with the cycle's seed. A reviewer who already reviews a ticket (the sample's own
 * reviewer) keeps that review, which counts in the comparison. Calling again adds only what is new.
 */
export async function createCalibration(
  db: Database,
  actor: Actor,
  cycleId: string,
  input: CreateCalibration,
  now = new Date(),
): Promise<CalibrationView> {
  await db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    const scorecard = cycle.scorecardVersionId;
    if (!scorecard)
      throw new ConflictError('This cycle has no review scorecard, so there is nothing to calibrate.');
    await checkReviewers(tx, input.reviewerUserIds);
    const sampled = await tx
      .selectDistinct({ ticketId: reviewSamples.ticketId, agentId: reviewSamples.agentId })
      .from(reviewSamples)
      .where(eq(reviewSamples.cycleId, cycleId));
    const agentOf = new Map(sampled.map((s) => [s.ticketId, s.agentId]));
    if (agentOf.size === 0)
      throw new ConflictError("This cycle's review sample is empty: there are no tickets to calibrate on.");
    let ticketIds: string[];
    if (input.ticketIds) {
      const problems = input.ticketIds.flatMap((id, i) =>
        agentOf.has(id)
          ? []
          : [{ path: `ticketIds.${i}`, message: "This ticket is not in the cycle's review sample." }],
      );
      const first = problems[0];
      if (first) throw new ValidationError(`${first.path}: ${first.message}`, problems);
      ticketIds = [...new Set(input.ticketIds)];
    } else {
      // A seed of its own, derived from the cycle's, so the calibration set is reproducible too.
      ticketIds = drawSample(
        `${cycle.seed}:calibration`,
        [...agentOf.keys()],
        input.count ?? DEFAULT_CALIBRATION_TICKETS,
      );
    }
    const created = await tx
      .insert(reviews)
      .values(
        ticketIds.flatMap((ticketId) =>
          input.reviewerUserIds.map((reviewerUserId) => ({
            cycleId,
            ticketId,
            agentId: agentOf.get(ticketId) ?? null,
            reviewerUserId,
            templateVersionId: scorecard,
            calibration: true,
            createdAt: now,
            updatedAt: now,
          })),
        ),
      )
      .onConflictDoNothing({ target: [reviews.cycleId, reviews.ticketId, reviews.reviewerUserId] })
      .returning({ id: reviews.id });
    await recordChange(tx, actor, {
      action: 'review.calibrate',
      entityType: 'audit_cycle',
      entityId: cycleId,
      after: { ticketIds, reviewerUserIds: input.reviewerUserIds, reviewIds: created.map((r) => r.id) },
    });
  });
  return getCalibration(db, cycleId);
}

function spreadOf(scores: number[]): { min: number; max: number; sd: number; n: number } | null {
  if (scores.length === 0) return null;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  // Population standard deviation: the reviewers named are all the reviewers compared.
  const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
  return { min: Math.min(...scores), max: Math.max(...scores), sd, n: scores.length };
}

/**
 * How far the reviewers agree on the calibration tickets: per scorecard item, each reviewer's answer
 * per ticket with the spread of their item scores, and Cohen's kappa (from the scoring package) for
 * each pair of reviewers over the tickets both submitted, plus the mean over pairs.
 */
export async function getCalibration(db: Executor, cycleId: string): Promise<CalibrationView> {
  const cycle = await loadCycle(db, cycleId);
  const calibrated = await db
    .selectDistinct({ ticketId: reviews.ticketId })
    .from(reviews)
    .where(and(eq(reviews.cycleId, cycleId), eq(reviews.calibration, true)));
  const empty: CalibrationView = {
    cycleId,
    tickets: [],
    reviewers: [],
    reviews: [],
    minTickets: CALIBRATION_MIN_TICKETS,
    items: [],
  };
  if (!cycle.scorecardVersionId || calibrated.length === 0) return empty;
  const ticketIds = calibrated.map((c) => c.ticketId);
  const [version] = await db
    .select({ definition: auditTemplateVersions.definition })
    .from(auditTemplateVersions)
    .where(eq(auditTemplateVersions.id, cycle.scorecardVersionId));
  const definition = found(version, 'Scorecard').definition;
  const ticketRows = await db
    .select({ id: tickets.id, externalId: tickets.externalId, subject: tickets.subject })
    .from(tickets)
    .where(inArray(tickets.id, ticketIds))
    .orderBy(asc(tickets.externalId), asc(tickets.id));
  const reviewRows = await db
    .select({ review: reviews, reviewerName: users.name })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.reviewerUserId))
    .where(and(eq(reviews.cycleId, cycleId), inArray(reviews.ticketId, ticketIds)))
    .orderBy(asc(users.name), asc(reviews.reviewerUserId), asc(reviews.id));
  const reviewers: PersonRef[] = [];
  for (const r of reviewRows)
    if (r.review.reviewerUserId && !reviewers.some((p) => p.id === r.review.reviewerUserId))
      reviewers.push({ id: r.review.reviewerUserId, name: r.reviewerName ?? 'A former user' });
  const submitted = reviewRows.filter((r) => r.review.status === 'submitted');
  const answers = submitted.length
    ? await db
        .select({
          reviewId: reviewAnswers.reviewId,
          itemId: reviewAnswers.itemId,
          value: reviewAnswers.value,
        })
        .from(reviewAnswers)
        .where(
          inArray(
            reviewAnswers.reviewId,
            submitted.map((r) => r.review.id),
          ),
        )
    : [];
  // value[itemId][ticketId][reviewerId]
  const value = new Map<string, Map<string, Map<string, string>>>();
  const reviewOf = new Map(submitted.map((r) => [r.review.id, r.review]));
  for (const a of answers) {
    const review = reviewOf.get(a.reviewId);
    if (!review?.reviewerUserId) continue;
    const byTicket = value.get(a.itemId) ?? new Map<string, Map<string, string>>();
    const byReviewer = byTicket.get(review.ticketId) ?? new Map<string, string>();
    byReviewer.set(review.reviewerUserId, a.value);
    byTicket.set(review.ticketId, byReviewer);
    value.set(a.itemId, byTicket);
  }
  const items: CalibrationItemView[] = definition.sections.flatMap((section) =>
    section.items.map((item) => {
      const byTicket = value.get(item.id) ?? new Map<string, Map<string, string>>();
      const scoringItem = { id: item.id, scale: item.scale, weight: item.weight, critical: item.critical };
      const perTicket = ticketRows.map((t) => {
        const values = byTicket.get(t.id) ?? new Map<string, string>();
        const scores = [...values.values()]
          .map((v) => auditItemScore(scoringItem, toAuditValue(v)))
          .filter((s): s is number => s !== null);
        return { ticketId: t.id, values: Object.fromEntries(values), spread: spreadOf(scores) };
      });
      const pairs: ReviewerPairKappa[] = [];
      for (let i = 0; i < reviewers.length; i++)
        for (let j = i + 1; j < reviewers.length; j++) {
          const a = reviewers[i];
          const b = reviewers[j];
          if (!a || !b) continue;
          const both: [string, string][] = [];
          for (const t of ticketRows) {
            const values = byTicket.get(t.id);
            const va = values?.get(a.id);
            const vb = values?.get(b.id);
            if (va !== undefined && vb !== undefined) both.push([va, vb]);
          }
          const enough = both.length >= CALIBRATION_MIN_TICKETS;
          const k = enough ? cohenKappa(both) : null;
          pairs.push({
            reviewerA: a,
            reviewerB: b,
            kappa: k?.kappa ?? null,
            observedAgreement: k?.observedAgreement ?? null,
            n: both.length,
            reason: enough
              ? null
              : `${both.length} of the same tickets submitted by both; kappa needs at least ${CALIBRATION_MIN_TICKETS}.`,
          });
        }
      const kappas = pairs.map((p) => p.kappa).filter((k): k is number => k !== null);
      return {
        itemId: item.id,
        text: item.text[definition.defaultLocale] ?? item.id,
        critical: item.critical,
        tickets: perTicket,
        pairs,
        meanKappa: kappas.length ? kappas.reduce((x, y) => x + y, 0) / kappas.length : null,
        reason: kappas.length
          ? null
          : `No pair of reviewers has submitted at least ${CALIBRATION_MIN_TICKETS} of the same tickets yet.`,
      };
    }),
  );
  return {
    cycleId,
    tickets: ticketRows,
    reviewers,
    reviews: reviewRows.map((r) => ({
      id: r.review.id,
      ticketId: r.review.ticketId,
      reviewer: r.review.reviewerUserId
        ? { id: r.review.reviewerUserId, name: r.reviewerName ?? 'A former user' }
        : null,
      status: r.review.status,
      score: r.review.score,
    })),
    minTickets: CALIBRATION_MIN_TICKETS,
    items,
  };
}
