import {
  auditText,
  type AuditTemplateDefinition,
  type CorrectiveActionView,
  type ListActionsQuery,
  type Locale,
  type UpdateAction,
} from '@rapport/contracts';
import {
  auditCycles,
  audits,
  correctiveActions,
  reviews,
  teams,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { auditItemScore } from '@rapport/scoring';
import { and, asc, eq, inArray, isNull, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { NotFoundError, ValidationError, found } from '../errors';
import type { Actor } from './actor';
import { addDays, todayIn } from './audit-dates';
import type { AuditViewer } from './audit-access';
import { recordChange } from './audit-log';
import { toAuditValue } from './audit-values';
import { getSettings } from './settings';

/** How long a team has to act on a failed item: days after the cycle's due date. */
export const ACTION_DAYS_AFTER_CYCLE_DUE = 30;

/** Item ids whose answer scores below half (a fail, a low rating, so every failed critical), in template order. */
export function failedItems(
  definition: AuditTemplateDefinition,
  answers: readonly { itemId: string; value: string }[],
): { id: string; text: AuditTemplateDefinition['sections'][number]['items'][number]['text'] }[] {
  const byId = new Map(answers.map((a) => [a.itemId, a.value]));
  const failed = [];
  for (const section of definition.sections)
    for (const item of section.items) {
      const value = byId.get(item.id);
      if (value === undefined) continue;
      const score = auditItemScore(
        { id: item.id, scale: item.scale, weight: item.weight, critical: item.critical },
        toAuditValue(value),
      );
      if (score !== null && score < 0.5) failed.push({ id: item.id, text: item.text });
    }
  return failed;
}

/** The team's lead while active, otherwise the person signing. */
async function actionOwner(tx: Executor, teamId: string, signer: string | null): Promise<string | null> {
  const [lead] = await tx
    .select({ id: users.id })
    .from(teams)
    .innerJoin(users, eq(users.id, teams.leadUserId))
    .where(and(eq(teams.id, teamId), isNull(users.disabledAt)));
  return lead?.id ?? signer;
}

/**
 * Opens a corrective action for each failed item of a signed audit, in the signing transaction.
 * One per item ever: signing again after a reopen adds only items that newly failed.
 */
export async function openActionsForSignedAudit(
  tx: Executor,
  actor: Actor,
  audit: { id: string; cycleId: string; teamId: string; cycleDueOn: string },
  definition: AuditTemplateDefinition,
  answers: readonly { itemId: string; value: string }[],
): Promise<number> {
  const failed = failedItems(definition, answers);
  if (failed.length === 0) return 0;
  const { defaultLocale } = await getSettings(tx);
  const owner = await actionOwner(tx, audit.teamId, actor.userId);
  const dueOn = addDays(audit.cycleDueOn, ACTION_DAYS_AFTER_CYCLE_DUE);
  const created = await tx
    .insert(correctiveActions)
    .values(
      failed.map((item) => ({
        cycleId: audit.cycleId,
        teamId: audit.teamId,
        auditId: audit.id,
        itemId: item.id,
        title: auditText(item.text, defaultLocale as Locale, definition.defaultLocale) || item.id,
        ownerUserId: owner,
        dueOn,
      })),
    )
    .onConflictDoNothing({ target: [correctiveActions.auditId, correctiveActions.itemId] })
    .returning();
  for (const action of created)
    await recordChange(tx, actor, {
      action: 'corrective_action.create',
      entityType: 'corrective_action',
      entityId: action.id,
      after: {
        auditId: action.auditId,
        itemId: action.itemId,
        ownerUserId: action.ownerUserId,
        dueOn: action.dueOn,
      },
    });
  return created.length;
}

function baseQuery(db: Executor) {
  return db
    .select({
      action: correctiveActions,
      quarter: auditCycles.quarter,
      teamName: teams.name,
      ownerName: users.name,
    })
    .from(correctiveActions)
    .innerJoin(auditCycles, eq(auditCycles.id, correctiveActions.cycleId))
    .leftJoin(teams, eq(teams.id, correctiveActions.teamId))
    .leftJoin(users, eq(users.id, correctiveActions.ownerUserId));
}

type ActionRow = Awaited<ReturnType<typeof baseQuery>>[number];

async function namesOf(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function toView(r: ActionRow, today: string, closers: Map<string, string>): CorrectiveActionView {
  const a = r.action;
  return {
    id: a.id,
    cycle: { id: a.cycleId, quarter: r.quarter },
    team: a.teamId ? { id: a.teamId, name: r.teamName ?? '' } : null,
    auditId: a.auditId,
    reviewId: a.reviewId,
    itemId: a.itemId,
    title: a.title,
    owner: a.ownerUserId ? { id: a.ownerUserId, name: r.ownerName ?? '' } : null,
    dueOn: a.dueOn,
    status: a.status,
    overdue: a.status !== 'done' && a.dueOn < today,
    closingNote: a.closingNote,
    closedAt: a.closedAt?.toISOString() ?? null,
    closedBy: a.closedBy ? { id: a.closedBy, name: closers.get(a.closedBy) ?? 'A former user' } : null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Actions matching `where`, most urgent first (not done, by due date), then by team and item, as views. */
async function actionViews(db: Executor, where: SQL | undefined, now: Date): Promise<CorrectiveActionView[]> {
  const { timeZone } = await getSettings(db);
  const today = todayIn(timeZone, now);
  const rows = await baseQuery(db)
    .where(where)
    .orderBy(
      asc(eq(correctiveActions.status, 'done')),
      asc(correctiveActions.dueOn),
      // Actions opened by one sign-off share a due date and a creation time: a stable order by team
      // and item keeps the board (and the printed report) from shuffling between reloads.
      asc(teams.name),
      asc(correctiveActions.itemId),
      asc(correctiveActions.id),
    );
  const closers = await namesOf(
    db,
    rows.map((r) => r.action.closedBy),
  );
  return rows.map((r) => toView(r, today, closers));
}

/**
 * The action board. Auditors see the actions of audits assigned to them; everyone else sees all.
 * `overdue` compares the due date with today in the organisation's time zone.
 */
export async function listActions(
  db: Executor,
  viewer: AuditViewer,
  query: ListActionsQuery,
  now = new Date(),
): Promise<{ items: CorrectiveActionView[] }> {
  const where: SQL[] = [];
  if (query.status) where.push(eq(correctiveActions.status, query.status));
  if (query.teamId) where.push(eq(correctiveActions.teamId, query.teamId));
  if (query.cycleId) where.push(eq(correctiveActions.cycleId, query.cycleId));
  if (query.auditId) where.push(eq(correctiveActions.auditId, query.auditId));
  if (query.ownerUserId) where.push(eq(correctiveActions.ownerUserId, query.ownerUserId));
  if (query.overdue !== undefined) {
    const { timeZone } = await getSettings(db);
    const today = todayIn(timeZone, now);
    const overdue = sql`(${correctiveActions.status} <> 'done' and ${correctiveActions.dueOn} < ${today})`;
    where.push(query.overdue ? overdue : not(overdue));
  }
  if (viewer.role === 'auditor') where.push(ownActions(db, viewer.userId));
  return { items: await actionViews(db, and(...where), now) };
}

/** An auditor's actions: those opened from the audits assigned to them or from their ticket reviews. */
function ownActions(db: Executor, userId: string): SQL {
  const audited = db.select({ id: audits.id }).from(audits).where(eq(audits.auditorUserId, userId));
  const reviewed = db.select({ id: reviews.id }).from(reviews).where(eq(reviews.reviewerUserId, userId));
  return or(
    inArray(correctiveActions.auditId, audited),
    inArray(correctiveActions.reviewId, reviewed),
  ) as SQL;
}

/** The actions opened from one audit. */
export function actionsOfAudit(
  db: Executor,
  auditId: string,
  now = new Date(),
): Promise<CorrectiveActionView[]> {
  return actionViews(db, eq(correctiveActions.auditId, auditId), now);
}

/** A team's actions from cycles other than `cycleId` that are still not done: the next audit shows them. */
export function earlierOpenActions(
  db: Executor,
  teamId: string,
  cycleId: string,
  now = new Date(),
): Promise<CorrectiveActionView[]> {
  return actionViews(
    db,
    and(
      eq(correctiveActions.teamId, teamId),
      ne(correctiveActions.cycleId, cycleId),
      ne(correctiveActions.status, 'done'),
    ),
    now,
  );
}

export async function getAction(
  db: Executor,
  viewer: AuditViewer,
  id: string,
  now = new Date(),
): Promise<CorrectiveActionView> {
  const where: SQL[] = [eq(correctiveActions.id, id)];
  const [view] = await actionViews(db, and(...where), now);
  const action = found(view, 'Corrective action');
  if (viewer.role === 'auditor') {
    const [mine] = await db
      .select({ id: correctiveActions.id })
      .from(correctiveActions)
      .where(and(eq(correctiveActions.id, id), ownActions(db, viewer.userId)));
    if (!mine) throw new NotFoundError('Corrective action');
  }
  return action;
}

/** Refuses an owner who cannot act: unknown, deactivated, or a viewer. */
async function checkOwner(tx: Executor, userId: string): Promise<void> {
  const [user] = await tx
    .select({ name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  let message: string | null = null;
  if (!user) message = 'No user has this id. Choose an active manager, admin or auditor as the owner.';
  else if (user.disabledAt) message = `${user.name} is deactivated. Choose an active user as the owner.`;
  else if (user.role === 'viewer') message = `${user.name} is a viewer: viewers cannot own actions.`;
  if (message) throw new ValidationError(message, [{ path: 'ownerUserId', message }]);
}

/**
 * Reassigns, reschedules or moves an action along open → in progress → done. Marking it done needs a
 * closing note (given now, or already there); moving it back from done clears the closing time and
 * note (the audit log keeps them). A request that changes nothing logs nothing.
 */
export async function updateAction(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateAction,
  now = new Date(),
): Promise<CorrectiveActionView> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(correctiveActions).where(eq(correctiveActions.id, id)).for('update');
    const current = found(row, 'Corrective action');
    const status = input.status ?? current.status;
    const closing = status === 'done' && current.status !== 'done';
    const reopening = status !== 'done' && current.status === 'done';
    if (input.closingNote !== undefined && status !== 'done') {
      const message = 'A closing note goes with marking the action done (status done).';
      throw new ValidationError(message, [{ path: 'closingNote', message }]);
    }
    if (closing && !input.closingNote) {
      const message = 'Write a closing note saying what was done before marking the action done.';
      throw new ValidationError(message, [{ path: 'closingNote', message }]);
    }
    if (input.ownerUserId && input.ownerUserId !== current.ownerUserId)
      await checkOwner(tx, input.ownerUserId);
    const next = {
      ownerUserId: input.ownerUserId !== undefined ? input.ownerUserId : current.ownerUserId,
      dueOn: input.dueOn ?? current.dueOn,
      status,
      closingNote: reopening ? null : (input.closingNote ?? current.closingNote),
      closedAt: closing ? now : reopening ? null : current.closedAt,
      closedBy: closing ? actor.userId : reopening ? null : current.closedBy,
    };
    const before = {
      ownerUserId: current.ownerUserId,
      dueOn: current.dueOn,
      status: current.status,
      closingNote: current.closingNote,
    };
    const after = {
      ownerUserId: next.ownerUserId,
      dueOn: next.dueOn,
      status: next.status,
      closingNote: next.closingNote,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await tx
      .update(correctiveActions)
      .set({ ...next, updatedAt: now })
      .where(eq(correctiveActions.id, id));
    await recordChange(tx, actor, {
      action: closing
        ? 'corrective_action.close'
        : reopening
          ? 'corrective_action.reopen'
          : 'corrective_action.update',
      entityType: 'corrective_action',
      entityId: id,
      before,
      after,
    });
  });
  return getAction(db, { userId: actor.userId ?? '', role: 'admin' }, id, now);
}
