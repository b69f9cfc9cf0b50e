import type {
  ListResponsesQuery,
  Page,
  ResponseDetail,
  ResponseFilters,
  ResponseView,
} from '@rapport/contracts';
import {
  agents,
  customers,
  followUps,
  responseHistory,
  responses,
  surveys,
  surveyVersions,
  teams,
  tickets,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { found } from '../errors';
import type { Actor } from './actor';
import { describeAnswers } from './answer-wording';
import { recordChange } from './audit-log';
import { moveDetailRollups, versionDefinition } from './detail-rollups';
import { openFollowUpIfNeeded } from './follow-ups';
import { decodeKeyset, encodeKeyset, type Keyset } from './keyset';
import { localDateRange } from './periods';
import { addToRollup, combine, responseDelta } from './rollups';
import { containsPattern } from './search';
import { getSettings } from './settings';

const columns = {
  r: responses,
  ticketExternalId: tickets.externalId,
  ticketSubject: tickets.subject,
  customerName: customers.name,
  customerEmail: customers.email,
  teamName: teams.name,
  agentName: agents.name,
  surveyName: surveys.name,
  followUpId: followUps.id,
};

function baseQuery(db: Executor) {
  return db
    .select(columns)
    .from(responses)
    .innerJoin(tickets, eq(tickets.id, responses.ticketId))
    .innerJoin(customers, eq(customers.id, responses.customerId))
    .innerJoin(surveys, eq(surveys.id, responses.surveyId))
    .leftJoin(teams, eq(teams.id, responses.teamId))
    .leftJoin(agents, eq(agents.id, responses.agentId))
    .leftJoin(followUps, eq(followUps.responseId, responses.id));
}

type Row = Awaited<ReturnType<typeof baseQuery>>[number];

function toView(x: Row): ResponseView {
  const r = x.r;
  return {
    id: r.id,
    submittedAt: r.submittedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    editCount: r.editCount,
    csat: r.csat,
    nps: r.nps,
    ces: r.ces,
    resolved: r.resolved,
    callback: r.callback,
    reasons: r.reasons,
    comment: r.comment,
    locale: r.locale,
    channel: r.channel,
    suspectedBot: r.suspectedBot,
    botEvidence: r.botEvidence,
    counted: r.counted,
    ticket: { id: r.ticketId, externalId: x.ticketExternalId, subject: x.ticketSubject },
    customer: { id: r.customerId, name: x.customerName, email: x.customerEmail },
    team: r.teamId ? { id: r.teamId, name: x.teamName ?? '' } : null,
    agent: r.agentId ? { id: r.agentId, name: x.agentName ?? '' } : null,
    survey: { id: r.surveyId, name: x.surveyName },
    followUpId: x.followUpId,
  };
}

/**
 * The WHERE clauses of the inbox's filters, shared by the list and the CSV export. Dates are
 * organisation-local days (the time zone is read once here).
 *
 * Index use (db/src/schema/responses.ts): the date range and the newest-first order walk
 * `responses_submitted_idx`; team, agent and survey have their own `(…, submitted_at)` indexes.
 * Score, resolved, comment, bot, locale, reason and the comment search have none: they filter the
 * rows the order walks, cheap for common values and a longer walk for rare ones.
 */
export async function responseFilters(db: Executor, f: ResponseFilters): Promise<SQL[]> {
  const where: SQL[] = [];
  if (f.from || f.to) {
    const { timeZone } = await getSettings(db);
    const range = localDateRange(f.from ?? '1970-01-01', f.to ?? '9999-12-30', timeZone);
    if (f.from) where.push(gte(responses.submittedAt, range.start));
    if (f.to) where.push(lt(responses.submittedAt, range.end));
  }
  if (f.teamId) where.push(eq(responses.teamId, f.teamId));
  if (f.agentId) where.push(eq(responses.agentId, f.agentId));
  if (f.surveyId) where.push(eq(responses.surveyId, f.surveyId));
  if (f.score) where.push(inArray(responses.csat, f.score));
  if (f.resolved !== undefined) where.push(eq(responses.resolved, f.resolved));
  if (f.hasComment === true) where.push(isNotNull(responses.comment), ne(responses.comment, ''));
  if (f.hasComment === false) where.push(sql`coalesce(${responses.comment}, '') = ''`);
  if (f.bot !== undefined) where.push(eq(responses.suspectedBot, f.bot));
  if (f.locale) where.push(eq(responses.locale, f.locale));
  if (f.reason) where.push(sql`${responses.reasons} @> array[${f.reason}]::text[]`);
  if (f.q) where.push(ilike(responses.comment, containsPattern(f.q)));
  return where;
}

/**
 * The rows after a cursor, newest first. A row comparison, unlike `a < x or (a = x and id < y)`,
 * is an index condition: Postgres starts the index walk at the cursor instead of filtering every
 * newer row away first, so a deep page costs what the first one does.
 */
export function olderThan(k: Keyset): SQL {
  return sql`(${responses.submittedAt}, ${responses.id}) < (${k.at.toISOString()}::timestamptz, ${k.id}::uuid)`;
}

/** The inbox's order: newest first, the id breaking ties (matches `responses_submitted_idx`). */
export const NEWEST_FIRST = [desc(responses.submittedAt), desc(responses.id)] as const;

/**
 * Responses newest first with the inbox filters, keyset-paged on (submitted_at, id) so page
 * 1,000 costs what page 1 does.
 */
export async function listResponses(db: Executor, query: ListResponsesQuery): Promise<Page<ResponseView>> {
  const where = await responseFilters(db, query);
  if (query.cursor) where.push(olderThan(decodeKeyset(query.cursor)));
  const rows = await baseQuery(db)
    .where(and(...where))
    .orderBy(...NEWEST_FIRST)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor: rows.length > query.limit && last ? encodeKeyset(last.r.submittedAt, last.r.id) : null,
  };
}

async function nameOf(db: Executor, userId: string | null): Promise<{ id: string; name: string } | null> {
  if (!userId) return null;
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return user ?? null;
}

/**
 * One response with everything the inbox's detail shows: the answers (and every earlier set of
 * answers) in the words of the survey version the customer answered, the ticket, the people, the
 * bot evidence and the follow-up.
 */
export async function getResponse(db: Executor, id: string, now = new Date()): Promise<ResponseDetail> {
  const [row] = await baseQuery(db).where(eq(responses.id, id));
  const x = found(row, 'Response');
  const r = x.r;
  const [[version], [ticket], [customer], [followUp], history, decidedBy] = await Promise.all([
    db
      .select({ version: surveyVersions.version, definition: surveyVersions.definition })
      .from(surveyVersions)
      .where(eq(surveyVersions.id, r.surveyVersionId)),
    db
      .select({ channel: tickets.channel, resolvedAt: tickets.resolvedAt })
      .from(tickets)
      .where(eq(tickets.id, r.ticketId)),
    db.select({ erasedAt: customers.erasedAt }).from(customers).where(eq(customers.id, r.customerId)),
    db
      .select({
        id: followUps.id,
        status: followUps.status,
        dueAt: followUps.dueAt,
        ownerId: users.id,
        ownerName: users.name,
      })
      .from(followUps)
      .leftJoin(users, eq(users.id, followUps.ownerUserId))
      .where(eq(followUps.responseId, id)),
    db
      .select()
      .from(responseHistory)
      .where(eq(responseHistory.responseId, id))
      .orderBy(asc(responseHistory.replacedAt), asc(responseHistory.id)),
    nameOf(db, r.countedDecidedBy),
  ]);
  const definition = found(version, 'Survey version').definition;
  const view = toView(x);
  return {
    ...view,
    ticket: {
      ...view.ticket,
      channel: ticket?.channel ?? r.channel,
      resolvedAt: ticket?.resolvedAt?.toISOString() ?? null,
    },
    customer: { ...view.customer, erased: customer?.erasedAt != null },
    survey: {
      id: r.surveyId,
      name: x.surveyName,
      version: version?.version ?? 0,
      defaultLocale: definition.defaultLocale,
    },
    answers: describeAnswers(definition, r.answers, r.locale),
    history: history.map((h) => ({
      answeredAt: h.answeredAt.toISOString(),
      replacedAt: h.replacedAt.toISOString(),
      answers: describeAnswers(definition, h.answers, r.locale),
    })),
    userAgent: r.userAgent,
    countedDecidedBy: decidedBy,
    followUp: followUp
      ? {
          id: followUp.id,
          status: followUp.status,
          overdue: followUp.status === 'open' && followUp.dueAt < now,
          dueAt: followUp.dueAt.toISOString(),
          owner: followUp.ownerId ? { id: followUp.ownerId, name: followUp.ownerName ?? '' } : null,
        }
      : null,
  };
}

/**
 * Staff decide whether a response counts: "count this response" for a wrongly flagged person,
 * "mark as bot" for one that slipped through. The rollup moves in the same transaction, the
 * decision is kept (a later answer from the link never overrides it) and written to the audit log.
 */
export async function setResponseCounted(
  db: Database,
  actor: Actor,
  id: string,
  counted: boolean,
): Promise<ResponseView> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(responses).where(eq(responses.id, id)).for('update');
    const current = found(before, 'Response');
    if (current.counted !== counted) {
      const key = {
        day: current.rollupDay,
        surveyId: current.surveyId,
        teamId: current.teamId,
        agentId: current.agentId,
        channel: current.channel,
      };
      await addToRollup(
        tx,
        key,
        combine(responseDelta(current, -1), responseDelta({ ...current, counted }, 1)),
      );
      const definition = await versionDefinition(tx, current.surveyVersionId);
      await moveDetailRollups(tx, definition, current, { ...current, counted });
    }
    await tx
      .update(responses)
      .set({ counted, countedDecidedBy: actor.userId, updatedAt: current.updatedAt })
      .where(eq(responses.id, id));
    if (counted && !current.counted) await openFollowUpIfNeeded(tx, current, new Date());
    await recordChange(tx, actor, {
      action: counted ? 'response.count' : 'response.mark_bot',
      entityType: 'response',
      entityId: id,
      before: { counted: current.counted, suspectedBot: current.suspectedBot },
      after: { counted },
    });
  });
  const [row] = await baseQuery(db).where(eq(responses.id, id));
  return toView(found(row, 'Response'));
}
