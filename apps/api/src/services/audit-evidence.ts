import type { AuditEvidence, AuditMeasure, AuditTemplateDefinition } from '@rapport/contracts';
import { followUps, responses, tickets, type Executor } from '@rapport/db';
import { followUpTimeliness, pareto } from '@rapport/scoring';
import { and, asc, count, desc, eq, gt, gte, isNotNull, lt, sql } from 'drizzle-orm';

/** The audited team and quarter: `start` inclusive, `end` exclusive (local midnights). */
export interface EvidenceScope {
  teamId: string;
  start: Date;
  end: Date;
  now: Date;
}

const TOP_REASONS = 5;

/** Median hours from opening to first response, per channel, for tickets the team opened in the quarter. */
async function firstResponseTime(db: Executor, scope: EvidenceScope): Promise<AuditEvidence> {
  const seconds = sql`extract(epoch from (${tickets.firstResponseAt} - ${tickets.openedAt}))::float8`;
  const rows = await db
    .select({
      channel: tickets.channel,
      medianSeconds: sql<number>`percentile_cont(0.5) within group (order by ${seconds})`.mapWith(Number),
      n: count(),
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.teamId, scope.teamId),
        gte(tickets.openedAt, scope.start),
        lt(tickets.openedAt, scope.end),
        isNotNull(tickets.firstResponseAt),
      ),
    )
    .groupBy(tickets.channel)
    .orderBy(asc(tickets.channel));
  return {
    measure: 'first_response_time',
    channels: rows.map((r) => ({ channel: r.channel, medianHours: r.medianSeconds / 3600, n: Number(r.n) })),
  };
}

/**
 * The team's follow-ups due in the quarter: closed by their due time against those closed plus
 * those still open past due (the house definition, `followUpTimeliness`).
 */
async function followUpsInTime(db: Executor, scope: EvidenceScope): Promise<AuditEvidence> {
  const [row] = await db
    .select({
      closed: sql<number>`count(*) filter (where ${followUps.status} = 'closed')`.mapWith(Number),
      closedInTime:
        sql<number>`count(*) filter (where ${followUps.status} = 'closed' and ${followUps.closedAt} <= ${followUps.dueAt})`.mapWith(
          Number,
        ),
      overdueOpen:
        sql<number>`count(*) filter (where ${followUps.status} = 'open' and ${followUps.dueAt} < ${scope.now.toISOString()}::timestamptz)`.mapWith(
          Number,
        ),
    })
    .from(followUps)
    .where(
      and(
        eq(followUps.teamId, scope.teamId),
        gte(followUps.dueAt, scope.start),
        lt(followUps.dueAt, scope.end),
      ),
    );
  const counts = {
    closed: row?.closed ?? 0,
    closedInTime: row?.closedInTime ?? 0,
    overdueOpen: row?.overdueOpen ?? 0,
  };
  const rate = followUpTimeliness(counts);
  return { measure: 'follow_up_timeliness', rate: rate.rate, n: rate.n, ci95: rate.ci95, ...counts };
}

/** The most frequent reason codes in the team's counted responses of the quarter. */
async function topReasons(db: Executor, scope: EvidenceScope): Promise<AuditEvidence> {
  const inScope = and(
    eq(responses.teamId, scope.teamId),
    eq(responses.counted, true),
    gte(responses.submittedAt, scope.start),
    lt(responses.submittedAt, scope.end),
  );
  const codes = db
    .select({ code: sql<string>`unnest(${responses.reasons})`.as('code') })
    .from(responses)
    .where(inScope)
    .as('codes');
  const rows = await db
    .select({ code: codes.code, n: count() })
    .from(codes)
    .groupBy(codes.code)
    .orderBy(desc(count()), asc(codes.code));
  const [withReasons] = await db
    .select({ n: count() })
    .from(responses)
    .where(and(inScope, gt(sql`cardinality(${responses.reasons})`, 0)));
  // Shares of all reasons given, so the top five read as a Pareto table.
  const table = pareto(Object.fromEntries(rows.map((r) => [r.code, Number(r.n)])));
  return {
    measure: 'top_reasons',
    reasons: table.slice(0, TOP_REASONS).map((r) => ({ code: r.key, count: r.count, share: r.share })),
    n: Number(withReasons?.n ?? 0),
  };
}

const MEASURES: Record<AuditMeasure, (db: Executor, scope: EvidenceScope) => Promise<AuditEvidence>> = {
  first_response_time: firstResponseTime,
  follow_up_timeliness: followUpsInTime,
  top_reasons: topReasons,
};

/** The evidence figure of every item that has a `measure`, by item id; each measure is computed once. */
export async function auditEvidence(
  db: Executor,
  definition: AuditTemplateDefinition,
  scope: EvidenceScope,
): Promise<Record<string, AuditEvidence>> {
  const computed = new Map<AuditMeasure, AuditEvidence>();
  const evidence: Record<string, AuditEvidence> = {};
  for (const section of definition.sections)
    for (const item of section.items) {
      if (!item.measure) continue;
      let figure = computed.get(item.measure);
      if (!figure) {
        figure = await MEASURES[item.measure](db, scope);
        computed.set(item.measure, figure);
      }
      evidence[item.id] = figure;
    }
  return evidence;
}
