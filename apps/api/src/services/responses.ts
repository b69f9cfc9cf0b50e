import type { ListResponsesQuery, Page, ResponseView } from '@rapport/contracts';
import {
  agents,
  customers,
  followUps,
  responses,
  surveys,
  teams,
  tickets,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, desc, eq, gte, ilike, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { openFollowUpIfNeeded } from './follow-ups';
import { afterKeyset, decodeKeyset, encodeKeyset } from './keyset';
import { containsPattern } from './search';
import { addToRollup, combine, responseDelta } from './rollups';
import { localDateRange } from './periods';
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
 * Responses newest first with the inbox filters, keyset-paged on (submitted_at, id) so page
 * 1,000 costs what page 1 does.
 */
export async function listResponses(db: Executor, query: ListResponsesQuery): Promise<Page<ResponseView>> {
  const where: SQL[] = [];
  if (query.from || query.to) {
    const { timeZone } = await getSettings(db);
    const range = localDateRange(query.from ?? '1970-01-01', query.to ?? '9999-12-30', timeZone);
    if (query.from) where.push(gte(responses.submittedAt, range.start));
    if (query.to) where.push(lt(responses.submittedAt, range.end));
  }
  if (query.teamId) where.push(eq(responses.teamId, query.teamId));
  if (query.agentId) where.push(eq(responses.agentId, query.agentId));
  if (query.surveyId) where.push(eq(responses.surveyId, query.surveyId));
  if (query.score) where.push(inArray(responses.csat, query.score));
  if (query.resolved !== undefined) where.push(eq(responses.resolved, query.resolved));
  if (query.hasComment === true) where.push(isNotNull(responses.comment), ne(responses.comment, ''));
  if (query.hasComment === false) where.push(sql`coalesce(${responses.comment}, '') = ''`);
  if (query.bot !== undefined) where.push(eq(responses.suspectedBot, query.bot));
  if (query.locale) where.push(eq(responses.locale, query.locale));
  if (query.reason) where.push(sql`${responses.reasons} @> array[${query.reason}]::text[]`);
  if (query.q) where.push(ilike(responses.comment, containsPattern(query.q)));
  if (query.cursor)
    where.push(afterKeyset(responses.submittedAt, responses.id, decodeKeyset(query.cursor), 'desc'));
  const rows = await baseQuery(db)
    .where(and(...where))
    .orderBy(desc(responses.submittedAt), desc(responses.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor: rows.length > query.limit && last ? encodeKeyset(last.r.submittedAt, last.r.id) : null,
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
