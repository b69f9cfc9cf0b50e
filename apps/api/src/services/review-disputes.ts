import type { DecideDispute, RaiseDispute, ReviewDetail } from '@rapport/contracts';
import { reviewAnswers, reviewDisputes, reviews, type Database } from '@rapport/db';
import { and, eq, sql } from 'drizzle-orm';
import { ConflictError, ForbiddenError, ValidationError, found } from '../errors';
import type { Actor } from './actor';
import type { AuditViewer } from './audit-access';
import { recordChange } from './audit-log';
import { answerProblems, scoreAnswers } from './audit-values';
import { getReview, isReviewedAgent, lockReview, openActionsForReview, savedReviewAnswers } from './reviews';

const isManager = (viewer: AuditViewer) => viewer.role === 'admin' || viewer.role === 'manager';

/**
 * An agent's objection to one item of a submitted review, raised by the agent (a staff user with
 * the agent's email) or by a manager on their behalf. One open dispute per item at a time.
 */
export async function raiseDispute(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  reviewId: string,
  input: RaiseDispute,
  now = new Date(),
): Promise<ReviewDetail> {
  await db.transaction(async (tx) => {
    const { review, definition } = await lockReview(tx, reviewId);
    if (!isManager(viewer) && !(await isReviewedAgent(tx, viewer, review.agentId)))
      throw new ForbiddenError(
        'Only the agent reviewed, or a manager on their behalf, can dispute a review.',
      );
    if (review.calibration)
      throw new ConflictError('Calibration reviews do not count for the agent and cannot be disputed.');
    if (review.status !== 'submitted')
      throw new ConflictError('This review is still a draft: an item can be disputed once it is submitted.');
    if (!definition.sections.some((s) => s.items.some((i) => i.id === input.itemId))) {
      const message = `The scorecard has no item "${input.itemId}".`;
      throw new ValidationError(message, [{ path: 'itemId', message }]);
    }
    const [open] = await tx
      .select({ id: reviewDisputes.id })
      .from(reviewDisputes)
      .where(
        and(
          eq(reviewDisputes.reviewId, reviewId),
          eq(reviewDisputes.itemId, input.itemId),
          eq(reviewDisputes.status, 'open'),
        ),
      );
    if (open) throw new ConflictError('This item already has an open dispute: wait for its decision.');
    const [created] = await tx
      .insert(reviewDisputes)
      .values({
        reviewId,
        itemId: input.itemId,
        comment: input.comment,
        raisedBy: actor.userId,
        raisedAt: now,
      })
      .returning({ id: reviewDisputes.id });
    await recordChange(tx, actor, {
      action: 'review.dispute',
      entityType: 'review',
      entityId: reviewId,
      after: { disputeId: created?.id ?? null, itemId: input.itemId, comment: input.comment },
    });
  });
  return getReview(db, viewer, reviewId);
}

/**
 * The reviewer's (or a manager's) decision on an open dispute, with a reason. Accepting with a new
 * value changes that answer — the only change a submitted review allows — re-scores the review with
 * `auditScore`, and keeps the old and new value on the dispute. A critical item that now fails opens
 * its corrective action; one that now passes keeps any action already opened (the team closes it).
 */
export async function decideDispute(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  reviewId: string,
  disputeId: string,
  input: DecideDispute,
  now = new Date(),
): Promise<ReviewDetail> {
  await db.transaction(async (tx) => {
    const locked = await lockReview(tx, reviewId);
    const { review, definition } = locked;
    if (!isManager(viewer) && review.reviewerUserId !== viewer.userId)
      throw new ForbiddenError('Only the reviewer of this review, or a manager, decides its disputes.');
    const [row] = await tx
      .select()
      .from(reviewDisputes)
      .where(and(eq(reviewDisputes.id, disputeId), eq(reviewDisputes.reviewId, reviewId)));
    const dispute = found(row, 'Dispute');
    if (dispute.status !== 'open') throw new ConflictError(`This dispute was already ${dispute.status}.`);
    const [current] = await tx
      .select()
      .from(reviewAnswers)
      .where(and(eq(reviewAnswers.reviewId, reviewId), eq(reviewAnswers.itemId, dispute.itemId)));
    const change = input.newValue !== undefined && input.newValue !== current?.value ? input.newValue : null;
    if (change !== null) {
      // A new failing value needs a note like any answer: the decision's reason serves as one.
      const note = current?.note || input.reason;
      const problems = answerProblems(definition, [{ itemId: dispute.itemId, value: change, note }]).map(
        (p) => ({ path: 'newValue', message: p.message }),
      );
      const first = problems[0];
      if (first) throw new ValidationError(first.message, problems);
      await tx
        .insert(reviewAnswers)
        .values({
          reviewId,
          itemId: dispute.itemId,
          value: change,
          note,
          answeredBy: actor.userId,
          answeredAt: now,
        })
        .onConflictDoUpdate({
          target: [reviewAnswers.reviewId, reviewAnswers.itemId],
          set: {
            value: sql`excluded.value`,
            note: sql`excluded.note`,
            answeredBy: sql`excluded.answered_by`,
            answeredAt: sql`excluded.answered_at`,
          },
        });
    }
    await tx
      .update(reviewDisputes)
      .set({
        status: input.decision,
        reason: input.reason,
        decidedBy: actor.userId,
        decidedAt: now,
        previousValue: change !== null ? (current?.value ?? null) : null,
        newValue: change,
      })
      .where(eq(reviewDisputes.id, disputeId));
    let rescored: { score: number | null; passed: boolean } | null = null;
    if (change !== null) {
      const result = scoreAnswers(definition, await savedReviewAnswers(tx, reviewId));
      rescored = { score: result.score, passed: result.passed };
      await tx
        .update(reviews)
        .set({ ...rescored, updatedAt: now })
        .where(eq(reviews.id, reviewId));
      await openActionsForReview(tx, actor, locked, result.failedCritical);
    }
    await recordChange(tx, actor, {
      action: `review.dispute_${input.decision === 'accepted' ? 'accept' : 'reject'}`,
      entityType: 'review',
      entityId: reviewId,
      before: {
        disputeId,
        status: 'open',
        value: current?.value ?? null,
        score: review.score,
        passed: review.passed,
      },
      after: {
        disputeId,
        status: input.decision,
        reason: input.reason,
        value: change ?? current?.value ?? null,
        ...rescored,
      },
    });
  });
  return getReview(db, viewer, reviewId);
}
