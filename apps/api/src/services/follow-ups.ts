import type {
  FollowUpCounts,
  FollowUpDetail,
  FollowUpEvent,
  FollowUpOwner,
  FollowUpView,
  ListFollowUpsQuery,
  Page,
  UpdateFollowUp,
} from '@rapport/contracts';
import {
  auditLog,
  customers,
  dailyFollowUpRollups,
  followUps,
  responses,
  teams,
  tickets,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { ValidationError, found } from '../errors';
import { addBusinessMinutes, businessDayMinutes } from '../lib/business-time';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { afterKeyset, decodeKeyset, encodeKeyset } from './keyset';
import { localDateRange } from './periods';
import { getSettings } from './settings';

export interface FollowUpTrigger {
  id: string;
  ticketId: string;
  customerId: string;
  teamId: string | null;
  csat: number | null;
  resolved: boolean | null;
  callback: boolean | null;
}

/** Why a response needs a person: a rating of 2 or less, an unresolved problem, or a callback request. */
export function followUpReasons(r: Pick<FollowUpTrigger, 'csat' | 'resolved' | 'callback'>): string[] {
  const reasons: string[] = [];
  if (r.csat !== null && r.csat <= 2) reasons.push('low_rating');
  if (r.resolved === false) reasons.push('unresolved');
  if (r.callback === true) reasons.push('callback');
  return reasons;
}

/** The team's lead when active; otherwise the longest-serving active manager, then admin. */
async function ownerFor(tx: Executor, teamId: string | null): Promise<string | null> {
  if (teamId) {
    const [lead] = await tx
      .select({ id: users.id })
      .from(teams)
      .innerJoin(users, eq(users.id, teams.leadUserId))
      .where(and(eq(teams.id, teamId), isNull(users.disabledAt)));
    if (lead) return lead.id;
  }
  const [anyone] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(isNull(users.disabledAt), or(eq(users.role, 'manager'), eq(users.role, 'admin'))))
    .orderBy(sql`case when ${users.role} = 'manager' then 0 else 1 end`, asc(users.createdAt))
    .limit(1);
  return anyone?.id ?? null;
}

/**
 * Opens a follow-up for a response that needs one, in the caller's transaction; due one business
 * day later in the organisation's hours. An existing follow-up gains any new reasons instead.
 */
export async function openFollowUpIfNeeded(
  tx: Executor,
  r: FollowUpTrigger,
  now: Date,
): Promise<string | null> {
  const reasons = followUpReasons(r);
  if (reasons.length === 0) return null;
  const [existing] = await tx.select().from(followUps).where(eq(followUps.responseId, r.id));
  if (existing) {
    const merged = [...new Set([...existing.reasons, ...reasons])];
    if (merged.length !== existing.reasons.length)
      await tx.update(followUps).set({ reasons: merged }).where(eq(followUps.id, existing.id));
    return existing.id;
  }
  const org = await getSettings(tx);
  const working = { timeZone: org.timeZone, businessHours: org.businessHours, holidays: org.holidays };
  const [created] = await tx
    .insert(followUps)
    .values({
      responseId: r.id,
      ticketId: r.ticketId,
      customerId: r.customerId,
      teamId: r.teamId,
      ownerUserId: await ownerFor(tx, r.teamId),
      reasons,
      dueAt: addBusinessMinutes(now, businessDayMinutes(working), working),
      createdAt: now,
    })
    .returning({ id: followUps.id });
  return created?.id ?? null;
}

const owner = sql<string | null>`(select name from users where users.id = ${followUps.ownerUserId})`;

const followUpColumns = {
  id: followUps.id,
  status: followUps.status,
  reasons: followUps.reasons,
  dueAt: followUps.dueAt,
  createdAt: followUps.createdAt,
  closedAt: followUps.closedAt,
  note: followUps.note,
  ownerUserId: followUps.ownerUserId,
  ownerName: owner,
  responseId: followUps.responseId,
  ticketId: followUps.ticketId,
  ticketExternalId: tickets.externalId,
  ticketSubject: tickets.subject,
  customerName: customers.name,
  customerEmail: customers.email,
  teamId: followUps.teamId,
  teamName: teams.name,
  csat: responses.csat,
  resolved: responses.resolved,
  callback: responses.callback,
  comment: responses.comment,
};

function toView(r: FollowUpRow, now: Date): FollowUpView {
  const overdue = r.status === 'open' && r.dueAt < now;
  return {
    id: r.id,
    status: r.status,
    overdue,
    closedInTime: r.closedAt ? r.closedAt <= r.dueAt : null,
    reasons: r.reasons,
    dueAt: r.dueAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    note: r.note,
    owner: r.ownerUserId ? { id: r.ownerUserId, name: r.ownerName ?? '' } : null,
    responseId: r.responseId,
    ticket: { id: r.ticketId, externalId: r.ticketExternalId, subject: r.ticketSubject },
    customer: { name: r.customerName, email: r.customerEmail },
    team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
    csat: r.csat,
    resolved: r.resolved,
    callback: r.callback,
    comment: r.comment,
  };
}

function baseQuery(db: Executor) {
  return db
    .select(followUpColumns)
    .from(followUps)
    .innerJoin(tickets, eq(tickets.id, followUps.ticketId))
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .innerJoin(responses, eq(responses.id, followUps.responseId))
    .leftJoin(teams, eq(teams.id, followUps.teamId));
}

type FollowUpRow = Awaited<ReturnType<typeof baseQuery>>[number];

/** Open ones by due time (most urgent first); closed ones newest first. Keyset-paged. */
export async function listFollowUps(
  db: Executor,
  query: ListFollowUpsQuery,
  now = new Date(),
): Promise<Page<FollowUpView>> {
  const where: SQL[] = [];
  const closed = query.status === 'closed';
  if (query.status === 'open') where.push(eq(followUps.status, 'open'));
  if (query.status === 'overdue') where.push(eq(followUps.status, 'open'), lt(followUps.dueAt, now));
  if (closed) where.push(eq(followUps.status, 'closed'));
  if (query.ownerUserId === 'none') where.push(isNull(followUps.ownerUserId));
  else if (query.ownerUserId) where.push(eq(followUps.ownerUserId, query.ownerUserId));
  if (query.teamId) where.push(eq(followUps.teamId, query.teamId));
  const sortAt = closed ? followUps.closedAt : followUps.dueAt;
  if (query.cursor)
    where.push(afterKeyset(sortAt, followUps.id, decodeKeyset(query.cursor), closed ? 'desc' : 'asc'));
  const rows = await baseQuery(db)
    .where(and(...where))
    .orderBy(closed ? desc(sortAt) : asc(sortAt), closed ? desc(followUps.id) : asc(followUps.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const lastAt = last ? (closed ? last.closedAt : last.dueAt) : null;
  return {
    items: page.map((r) => toView(r, now)),
    nextCursor: rows.length > query.limit && last && lastAt ? encodeKeyset(lastAt, last.id) : null,
  };
}

export interface FollowUpCountFilter {
  now?: Date;
  teamId?: string;
  /** Only follow-ups opened on these organisation-local dates, inclusive ('YYYY-MM-DD'). */
  openedOn?: { from: string; to: string; timeZone: string };
}

/**
 * Open, overdue, closed and closed-in-time counts: the navigation badge, the summary's and the
 * tiles' figures. Closed ones are summed from `daily_follow_up_rollups` (kept by triggers), so a
 * year of follow-ups costs a few hundred rows; open ones are counted from the follow-ups
 * themselves (their own partial index), because whether one is overdue moves with the clock.
 */
export async function countFollowUps(
  db: Executor,
  filter: FollowUpCountFilter = {},
): Promise<FollowUpCounts> {
  const now = filter.now ?? new Date();
  const openWhere: SQL[] = [eq(followUps.status, 'open')];
  const closedWhere: SQL[] = [];
  if (filter.teamId) {
    openWhere.push(eq(followUps.teamId, filter.teamId));
    closedWhere.push(eq(dailyFollowUpRollups.teamId, filter.teamId));
  }
  if (filter.openedOn) {
    const { from, to, timeZone } = filter.openedOn;
    const range = localDateRange(from, to, timeZone);
    openWhere.push(gte(followUps.createdAt, range.start), lt(followUps.createdAt, range.end));
    closedWhere.push(gte(dailyFollowUpRollups.day, from), lte(dailyFollowUpRollups.day, to));
  }
  const [[open], [closed]] = await Promise.all([
    db
      .select({
        open: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) filter (where ${followUps.dueAt} < ${now.toISOString()}::timestamptz)::int`,
      })
      .from(followUps)
      .where(and(...openWhere)),
    db
      .select({
        closed: sql<number>`coalesce(sum(${dailyFollowUpRollups.closed}), 0)::int`,
        closedInTime: sql<number>`coalesce(sum(${dailyFollowUpRollups.closedInTime}), 0)::int`,
      })
      .from(dailyFollowUpRollups)
      .where(and(...closedWhere)),
  ]);
  return {
    open: Number(open?.open ?? 0),
    overdue: Number(open?.overdue ?? 0),
    closed: Number(closed?.closed ?? 0),
    closedInTime: Number(closed?.closedInTime ?? 0),
  };
}

/** One follow-up and what happened to it (from the audit log), oldest first. */
export async function getFollowUp(db: Executor, id: string, now = new Date()): Promise<FollowUpDetail> {
  const [row] = await baseQuery(db).where(eq(followUps.id, id));
  const view = toView(found(row, 'Follow-up'), now);
  return { ...view, history: await followUpHistory(db, id) };
}

interface ChangeSnapshot {
  status?: 'open' | 'closed';
  ownerUserId?: string | null;
  note?: string | null;
  /** Why it was reopened, when the person said. */
  reason?: string | null;
}

async function followUpHistory(db: Executor, id: string): Promise<FollowUpEvent[]> {
  const entries = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'follow_up'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
  const ownerIds = new Set<string>();
  for (const e of entries) {
    const after = (e.after ?? {}) as ChangeSnapshot;
    if (after.ownerUserId) ownerIds.add(after.ownerUserId);
  }
  const names = new Map(
    ownerIds.size
      ? (
          await db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, [...ownerIds]))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const events: FollowUpEvent[] = [];
  for (const e of entries) {
    const before = (e.before ?? {}) as ChangeSnapshot;
    const after = (e.after ?? {}) as ChangeSnapshot;
    const base = { at: e.at.toISOString(), actor: e.actorLabel };
    if (after.ownerUserId !== undefined && after.ownerUserId !== before.ownerUserId) {
      const owner = after.ownerUserId
        ? { id: after.ownerUserId, name: names.get(after.ownerUserId) ?? 'A former user' }
        : null;
      events.push({ ...base, action: 'assign', note: null, owner });
    }
    if (e.action === 'follow_up.close')
      events.push({ ...base, action: 'close', note: after.note ?? null, owner: null });
    else if (e.action === 'follow_up.reopen')
      events.push({ ...base, action: 'reopen', note: after.reason ?? null, owner: null });
    else if (after.note !== undefined && after.note !== before.note)
      events.push({ ...base, action: 'note', note: after.note, owner: null });
  }
  return events;
}

/** The people a follow-up can be given to: active managers and admins, by name. */
export async function listFollowUpOwners(db: Executor): Promise<{ items: FollowUpOwner[] }> {
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ['manager', 'admin'])))
    .orderBy(asc(users.name), asc(users.id));
  return { items: rows.map((u) => ({ id: u.id, name: u.name, role: u.role as FollowUpOwner['role'] })) };
}

const ROLE_WORDS: Record<string, string> = { auditor: 'an auditor', viewer: 'a viewer' };

/** Refuses an owner who cannot act on follow-ups, saying why in words. */
async function checkOwner(tx: Executor, userId: string): Promise<void> {
  const [user] = await tx
    .select({ name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  const refuse = (message: string) => {
    throw new ValidationError(message, [{ path: 'ownerUserId', message }]);
  };
  if (!user) return refuse('No user has this id. Choose an active manager or admin as the owner.');
  if (user.disabledAt)
    return refuse(`${user.name} is deactivated. Choose an active manager or admin as the owner.`);
  if (user.role !== 'manager' && user.role !== 'admin') {
    return refuse(
      `${user.name} is ${ROLE_WORDS[user.role] ?? user.role}: only managers and admins can own follow-ups.`,
    );
  }
}

/**
 * Assigns (`ownerUserId`; null unassigns), closes (a note saying what was done is required),
 * reopens (open again, closedAt and the note cleared from the follow-up — the audit log keeps
 * them — with an optional note saying why), or corrects a closed follow-up's note. A request
 * that changes nothing changes nothing and logs nothing.
 */
export async function updateFollowUp(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateFollowUp,
  now = new Date(),
): Promise<FollowUpDetail> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(followUps).where(eq(followUps.id, id)).for('update');
    const current = found(before, 'Follow-up');
    const wasClosed = current.status === 'closed';
    const closing = input.status === 'closed' && !wasClosed;
    const reopening = input.status === 'open' && wasClosed;
    if (closing && !input.note) {
      throw new ValidationError('Write a note saying what was done before closing the follow-up.', [
        { path: 'note', message: 'A note is required to close.' },
      ]);
    }
    if (!wasClosed && !closing && input.note !== undefined && input.status !== 'open') {
      throw new ValidationError(
        'A note is written when closing: close the follow-up with it (status closed), or leave the note out.',
        [{ path: 'note', message: 'Close the follow-up to add a note.' }],
      );
    }
    const ownerChanged = input.ownerUserId !== undefined && input.ownerUserId !== current.ownerUserId;
    if (ownerChanged && input.ownerUserId) await checkOwner(tx, input.ownerUserId);
    const noteChanged = wasClosed && !reopening && input.note !== undefined && input.note !== current.note;
    if (!closing && !reopening && !ownerChanged && !noteChanged) return;

    const next = {
      ownerUserId: ownerChanged ? (input.ownerUserId ?? null) : current.ownerUserId,
      status: closing ? ('closed' as const) : reopening ? ('open' as const) : current.status,
      note: closing || noteChanged ? (input.note ?? null) : reopening ? null : current.note,
      closedAt: closing ? now : reopening ? null : current.closedAt,
      closedBy: closing ? actor.userId : reopening ? null : current.closedBy,
    };
    await tx.update(followUps).set(next).where(eq(followUps.id, id));
    await recordChange(tx, actor, {
      action: closing
        ? 'follow_up.close'
        : reopening
          ? 'follow_up.reopen'
          : noteChanged
            ? 'follow_up.update'
            : 'follow_up.assign',
      entityType: 'follow_up',
      entityId: id,
      before: { status: current.status, ownerUserId: current.ownerUserId, note: current.note },
      after: {
        status: next.status,
        ownerUserId: next.ownerUserId,
        note: next.note,
        ...(reopening ? { reason: input.note ?? null } : {}),
      },
    });
  });
  return getFollowUp(db, id, now);
}
