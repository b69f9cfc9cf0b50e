import {
  auditText,
  type AuditTemplateDefinition,
  type ListReviewsQuery,
  type Locale,
  type PersonRef,
  type ReviewDetail,
  type ReviewSummary,
  type SaveReviewAnswers,
} from '@rapport/contracts';
import {
  agents,
  auditCycles,
  auditTemplates,
  auditTemplateVersions,
  correctiveActions,
  customers,
  responses,
  reviewAnswers,
  reviewDisputes,
  reviews,
  surveys,
  surveyVersions,
  teams,
  tickets,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, asc, desc, eq, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, found } from '../errors';
import type { Actor } from './actor';
import type { AuditViewer } from './audit-access';
import { describeAnswers } from './answer-wording';
import { addDays } from './audit-dates';
import { recordChange } from './audit-log';
import { answerProblems, scoreAnswers } from './audit-values';
import { ACTION_DAYS_AFTER_CYCLE_DUE } from './corrective-actions';
import { getSettings } from './settings';

const nameOf = (id: AnyColumn) =>
  sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${id})`;

const summaryColumns = {
  review: reviews,
  quarter: auditCycles.quarter,
  ticketExternalId: tickets.externalId,
  ticketSubject: tickets.subject,
  teamId: tickets.teamId,
  teamName: teams.name,
  agentName: agents.name,
  reviewerName: nameOf(reviews.reviewerUserId),
  definition: auditTemplateVersions.definition,
  answered:
    sql<number>`(select count(*) from ${reviewAnswers} where ${reviewAnswers.reviewId} = ${reviews.id})`.mapWith(
      Number,
    ),
  openDisputes:
    sql<number>`(select count(*) from ${reviewDisputes} where ${reviewDisputes.reviewId} = ${reviews.id} and ${reviewDisputes.status} = 'open')`.mapWith(
      Number,
    ),
};

function baseQuery(db: Executor) {
  return db
    .select(summaryColumns)
    .from(reviews)
    .innerJoin(auditCycles, eq(auditCycles.id, reviews.cycleId))
    .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, reviews.templateVersionId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .leftJoin(agents, eq(agents.id, reviews.agentId));
}

type ReviewRow = Awaited<ReturnType<typeof baseQuery>>[number];

export const person = (id: string | null, name: string | null): PersonRef | null =>
  id ? { id, name: name ?? 'A former user' } : null;

function itemCount(definition: AuditTemplateDefinition): number {
  return definition.sections.reduce((n, s) => n + s.items.length, 0);
}

function toSummary(r: ReviewRow): ReviewSummary {
  const v = r.review;
  return {
    id: v.id,
    cycle: { id: v.cycleId, quarter: r.quarter },
    ticket: { id: v.ticketId, externalId: r.ticketExternalId, subject: r.ticketSubject },
    agent: v.agentId ? { id: v.agentId, name: r.agentName ?? '' } : null,
    team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
    reviewer: person(v.reviewerUserId, r.reviewerName),
    status: v.status,
    calibration: v.calibration,
    score: v.score,
    passed: v.passed,
    progress: { answered: r.answered, total: itemCount(r.definition) },
    openDisputes: r.openDisputes,
    submittedAt: v.submittedAt?.toISOString() ?? null,
  };
}

async function emailOf(db: Executor, userId: string): Promise<string> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return user?.email ?? '';
}

/** The ids of agents who are this staff user, by email: how an agent sees and disputes their reviews. */
function agentsWithEmail(db: Executor, email: string) {
  return db
    .select({ id: agents.id })
    .from(agents)
    .where(sql`lower(${agents.email}) = lower(${email})`);
}

/**
 * The reviews a person may see (undefined: all). Managers and admins see every review; an auditor
 * the reviews assigned to them; anyone also sees their own submitted reviews as the agent reviewed
 * (matched by email), calibration practice excepted.
 */
async function visibleReviews(db: Executor, viewer: AuditViewer): Promise<SQL | undefined> {
  if (viewer.role === 'admin' || viewer.role === 'manager') return undefined;
  const asAgent = and(
    eq(reviews.status, 'submitted'),
    eq(reviews.calibration, false),
    inArray(reviews.agentId, agentsWithEmail(db, await emailOf(db, viewer.userId))),
  );
  if (viewer.role === 'auditor') return or(eq(reviews.reviewerUserId, viewer.userId), asAgent);
  return asAgent;
}

/** Whether the viewer is the agent reviewed (a staff user with the agent's email). */
export async function isReviewedAgent(
  db: Executor,
  viewer: AuditViewer,
  agentId: string | null,
): Promise<boolean> {
  if (!agentId) return false;
  const [agent] = await db.select({ email: agents.email }).from(agents).where(eq(agents.id, agentId));
  const email = await emailOf(db, viewer.userId);
  return !!agent && agent.email.toLowerCase() === email.toLowerCase();
}

/** The reviews the viewer may see, newest quarter first, then by agent and ticket. */
export async function listReviews(
  db: Executor,
  viewer: AuditViewer,
  query: ListReviewsQuery,
): Promise<{ items: ReviewSummary[] }> {
  const where: (SQL | undefined)[] = [await visibleReviews(db, viewer)];
  if (query.cycleId) where.push(eq(reviews.cycleId, query.cycleId));
  if (query.agentId) where.push(eq(reviews.agentId, query.agentId));
  if (query.status) where.push(eq(reviews.status, query.status));
  if (query.calibration !== undefined) where.push(eq(reviews.calibration, query.calibration));
  const rows = await baseQuery(db)
    .where(and(...where))
    .orderBy(desc(auditCycles.quarter), asc(agents.name), asc(tickets.externalId), asc(reviews.id));
  return { items: rows.map(toSummary) };
}

async function surveyResponsesOf(db: Executor, ticketId: string): Promise<ReviewDetail['surveyResponses']> {
  const rows = await db
    .select({ r: responses, surveyName: surveys.name, definition: surveyVersions.definition })
    .from(responses)
    .innerJoin(surveys, eq(surveys.id, responses.surveyId))
    .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .where(eq(responses.ticketId, ticketId))
    .orderBy(asc(responses.submittedAt), asc(responses.id));
  return rows.map(({ r, surveyName, definition }) => ({
    id: r.id,
    submittedAt: r.submittedAt.toISOString(),
    survey: { id: r.surveyId, name: surveyName, defaultLocale: definition.defaultLocale },
    locale: r.locale,
    csat: r.csat,
    nps: r.nps,
    ces: r.ces,
    resolved: r.resolved,
    comment: r.comment,
    suspectedBot: r.suspectedBot,
    answers: describeAnswers(definition, r.answers, r.locale),
  }));
}

/**
 * One review: the ticket with its times and customer, the customer's survey answers in the survey's
 * words, the scorecard, the answers, the live `auditScore` result, and the disputes with their history.
 */
export async function getReview(db: Executor, viewer: AuditViewer, id: string): Promise<ReviewDetail> {
  const [row] = await baseQuery(db).where(and(eq(reviews.id, id), await visibleReviews(db, viewer)));
  if (!row) {
    const [exists] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, id));
    if (exists)
      throw new ForbiddenError(
        viewer.role === 'auditor'
          ? 'This review is assigned to another reviewer.'
          : 'You can read your own reviews once they are submitted.',
      );
    throw new NotFoundError('Review');
  }
  const r = row;
  const [[ticket], [template], answers, disputes, actions, surveyResponses] = await Promise.all([
    db
      .select({ t: tickets, customerName: customers.name, erasedAt: customers.erasedAt })
      .from(tickets)
      .innerJoin(customers, eq(customers.id, tickets.customerId))
      .where(eq(tickets.id, r.review.ticketId)),
    db
      .select({ id: auditTemplates.id, name: auditTemplates.name, version: auditTemplateVersions.version })
      .from(auditTemplateVersions)
      .innerJoin(auditTemplates, eq(auditTemplates.id, auditTemplateVersions.templateId))
      .where(eq(auditTemplateVersions.id, r.review.templateVersionId)),
    db
      .select({ answer: reviewAnswers, byName: users.name })
      .from(reviewAnswers)
      .leftJoin(users, eq(users.id, reviewAnswers.answeredBy))
      .where(eq(reviewAnswers.reviewId, id)),
    db
      .select({
        d: reviewDisputes,
        raiserName: nameOf(reviewDisputes.raisedBy),
        deciderName: nameOf(reviewDisputes.decidedBy),
      })
      .from(reviewDisputes)
      .where(eq(reviewDisputes.reviewId, id))
      .orderBy(asc(reviewDisputes.raisedAt), asc(reviewDisputes.id)),
    db
      .select({ id: correctiveActions.id })
      .from(correctiveActions)
      .where(eq(correctiveActions.reviewId, id))
      .orderBy(asc(correctiveActions.itemId)),
    surveyResponsesOf(db, r.review.ticketId),
  ]);
  const t = found(ticket, 'Ticket');
  const order = new Map<string, number>();
  for (const section of r.definition.sections)
    for (const item of section.items) order.set(item.id, order.size);
  answers.sort((x, y) => (order.get(x.answer.itemId) ?? 0) - (order.get(y.answer.itemId) ?? 0));
  const summary = toSummary(r);
  return {
    ...summary,
    ticket: {
      ...summary.ticket,
      channel: t.t.channel,
      openedAt: t.t.openedAt.toISOString(),
      firstResponseAt: t.t.firstResponseAt?.toISOString() ?? null,
      resolvedAt: t.t.resolvedAt?.toISOString() ?? null,
      customer: { id: t.t.customerId, name: t.erasedAt ? null : t.customerName, erased: t.erasedAt !== null },
    },
    template: {
      ...found(template, 'Scorecard'),
      versionId: r.review.templateVersionId,
      definition: r.definition,
    },
    answers: answers.map(({ answer, byName }) => ({
      itemId: answer.itemId,
      value: answer.value,
      note: answer.note,
      answeredAt: answer.answeredAt.toISOString(),
      answeredBy: person(answer.answeredBy, byName),
    })),
    result: scoreAnswers(
      r.definition,
      answers.map((a) => a.answer),
    ),
    surveyResponses,
    disputes: disputes.map(({ d, raiserName, deciderName }) => ({
      id: d.id,
      itemId: d.itemId,
      comment: d.comment,
      status: d.status,
      raisedBy: person(d.raisedBy, raiserName),
      raisedAt: d.raisedAt.toISOString(),
      decidedBy: person(d.decidedBy, deciderName),
      decidedAt: d.decidedAt?.toISOString() ?? null,
      reason: d.reason,
      previousValue: d.previousValue,
      newValue: d.newValue,
    })),
    actionIds: actions.map((a) => a.id),
  };
}

/** The review row locked for a change, with its scorecard and its cycle's due date and opener. */
export async function lockReview(tx: Executor, id: string) {
  const [row] = await tx
    .select({
      review: reviews,
      definition: auditTemplateVersions.definition,
      cycleDueOn: auditCycles.dueOn,
      cycleOpenedBy: auditCycles.openedBy,
      teamId: tickets.teamId,
      ticketExternalId: tickets.externalId,
    })
    .from(reviews)
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, reviews.templateVersionId))
    .innerJoin(auditCycles, eq(auditCycles.id, reviews.cycleId))
    .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
    .where(eq(reviews.id, id))
    .for('update', { of: reviews });
  return found(row, 'Review');
}

export type LockedReview = Awaited<ReturnType<typeof lockReview>>;

/** Answers and submission: the assigned reviewer, or a manager or admin. */
export function assertCanScore(viewer: AuditViewer, review: { reviewerUserId: string | null }): void {
  if (viewer.role === 'admin' || viewer.role === 'manager') return;
  if (viewer.role === 'auditor' && review.reviewerUserId === viewer.userId) return;
  throw new ForbiddenError('Only the reviewer assigned to this review, or a manager, can score it.');
}

const LOCKED = () =>
  new ConflictError(
    'This review is submitted and locked. The agent can dispute an item, and the reviewer or a manager decides.',
  );

export function savedReviewAnswers(tx: Executor, id: string) {
  return tx
    .select({ itemId: reviewAnswers.itemId, value: reviewAnswers.value })
    .from(reviewAnswers)
    .where(eq(reviewAnswers.reviewId, id));
}

/**
 * Saves a draft review's answers as the reviewer goes, with the checklist's rules: each fits its
 * item's scale, N/A only where allowed, a fail or a low rating has a note. All or nothing.
 */
export async function saveReviewAnswers(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  id: string,
  input: SaveReviewAnswers,
  now = new Date(),
): Promise<ReviewDetail> {
  await db.transaction(async (tx) => {
    const { review, definition } = await lockReview(tx, id);
    assertCanScore(viewer, review);
    if (review.status !== 'draft') throw LOCKED();
    const problems = answerProblems(definition, input.answers);
    const first = problems[0];
    if (first) throw new ValidationError(first.message, problems);
    const before = await tx
      .select({ itemId: reviewAnswers.itemId, value: reviewAnswers.value, note: reviewAnswers.note })
      .from(reviewAnswers)
      .where(
        and(
          eq(reviewAnswers.reviewId, id),
          inArray(
            reviewAnswers.itemId,
            input.answers.map((a) => a.itemId),
          ),
        ),
      );
    await tx
      .insert(reviewAnswers)
      .values(
        input.answers.map((a) => ({
          reviewId: id,
          itemId: a.itemId,
          value: a.value,
          note: a.note || null,
          answeredBy: actor.userId,
          answeredAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [reviewAnswers.reviewId, reviewAnswers.itemId],
        set: {
          value: sql`excluded.value`,
          note: sql`excluded.note`,
          answeredBy: sql`excluded.answered_by`,
          answeredAt: sql`excluded.answered_at`,
        },
      });
    await tx.update(reviews).set({ updatedAt: now }).where(eq(reviews.id, id));
    await recordChange(tx, actor, {
      action: 'review.answer',
      entityType: 'review',
      entityId: id,
      before: { answers: before },
      after: {
        answers: input.answers.map((a) => ({ itemId: a.itemId, value: a.value, note: a.note || null })),
      },
    });
  });
  return getReview(db, viewer, id);
}

/** The owner of an action from a review: the team's lead while active, else the manager who opened the cycle, else the actor. */
async function reviewActionOwner(tx: Executor, locked: LockedReview, actor: Actor): Promise<string | null> {
  const candidates = [
    locked.teamId
      ? (
          await tx
            .select({ id: users.id })
            .from(teams)
            .innerJoin(users, eq(users.id, teams.leadUserId))
            .where(and(eq(teams.id, locked.teamId), isNull(users.disabledAt)))
        )[0]?.id
      : undefined,
    locked.cycleOpenedBy
      ? (
          await tx
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.id, locked.cycleOpenedBy), isNull(users.disabledAt)))
        )[0]?.id
      : undefined,
  ];
  return candidates.find((c) => c !== undefined) ?? actor.userId;
}

/**
 * Opens a corrective action for each failed critical item of a (non-calibration) review, due 30 days
 * after the cycle. One per review and item ever, so submitting or re-scoring again adds nothing twice.
 */
export async function openActionsForReview(
  tx: Executor,
  actor: Actor,
  locked: LockedReview,
  failedCritical: readonly string[],
): Promise<number> {
  if (locked.review.calibration || failedCritical.length === 0) return 0;
  const { defaultLocale } = await getSettings(tx);
  const owner = await reviewActionOwner(tx, locked, actor);
  const dueOn = addDays(locked.cycleDueOn, ACTION_DAYS_AFTER_CYCLE_DUE);
  const texts = new Map(
    locked.definition.sections.flatMap((s) =>
      s.items.map((i) => [
        i.id,
        auditText(i.text, defaultLocale as Locale, locked.definition.defaultLocale) || i.id,
      ]),
    ),
  );
  const created = await tx
    .insert(correctiveActions)
    .values(
      failedCritical.map((itemId) => ({
        cycleId: locked.review.cycleId,
        teamId: locked.teamId,
        reviewId: locked.review.id,
        itemId,
        title: `${texts.get(itemId) ?? itemId} (ticket ${locked.ticketExternalId})`,
        ownerUserId: owner,
        dueOn,
      })),
    )
    .onConflictDoNothing({ target: [correctiveActions.reviewId, correctiveActions.itemId] })
    .returning();
  for (const action of created)
    await recordChange(tx, actor, {
      action: 'corrective_action.create',
      entityType: 'corrective_action',
      entityId: action.id,
      after: {
        reviewId: action.reviewId,
        itemId: action.itemId,
        ownerUserId: action.ownerUserId,
        dueOn: action.dueOn,
      },
    });
  return created.length;
}

/**
 * Submits a draft review once every item is answered: the score and pass/fail from `auditScore` are
 * kept, the review is locked, and each failed critical item becomes a corrective action.
 */
export async function submitReview(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  id: string,
  now = new Date(),
): Promise<ReviewDetail> {
  await db.transaction(async (tx) => {
    const locked = await lockReview(tx, id);
    const { review, definition } = locked;
    assertCanScore(viewer, review);
    if (review.status !== 'draft') throw LOCKED();
    const result = scoreAnswers(definition, await savedReviewAnswers(tx, id));
    if (result.unanswered.length > 0) {
      const texts = new Map(
        definition.sections.flatMap((s) =>
          s.items.map((i) => [i.id, i.text[definition.defaultLocale] ?? i.id]),
        ),
      );
      const n = result.unanswered.length;
      throw new ValidationError(
        `Answer every item before submitting: ${n} ${n === 1 ? 'item is' : 'items are'} not answered.`,
        result.unanswered.map((itemId) => ({
          path: `answers.${itemId}`,
          message: `"${texts.get(itemId) ?? itemId}" is not answered.`,
        })),
      );
    }
    await tx
      .update(reviews)
      .set({
        status: 'submitted',
        score: result.score,
        passed: result.passed,
        submittedAt: now,
        updatedAt: now,
      })
      .where(eq(reviews.id, id));
    await recordChange(tx, actor, {
      action: 'review.submit',
      entityType: 'review',
      entityId: id,
      before: { status: review.status },
      after: { status: 'submitted', score: result.score, passed: result.passed },
    });
    await openActionsForReview(tx, actor, locked, result.failedCritical);
  });
  return getReview(db, viewer, id);
}
