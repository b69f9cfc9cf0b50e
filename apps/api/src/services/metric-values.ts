import {
  METRIC_KEYS,
  type FollowUpCounts,
  type Interval,
  type MetricKey,
  type MetricUnit,
  type MetricValue,
  type RollupMetric,
} from '@rapport/contracts';
import {
  auditCycles,
  audits,
  agents,
  dailyRollups,
  dailyTeamRollups,
  reviews,
  ticketDurationRollups,
  tickets,
  type Executor,
} from '@rapport/db';
import {
  ces,
  csatFromDistribution,
  durationBucket,
  followUpTimeliness,
  medianFromHistogram,
  nextPeriodKey,
  nps,
  periodKey,
  resolutionRate,
  responseRate,
  type RateResult,
} from '@rapport/scoring';
import { and, eq, gte, inArray, isNotNull, lt, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { countFollowUps } from './follow-ups';
import { localDateRange } from './periods';
import { getSettings } from './settings';

export { METRIC_KEYS, type MetricKey, type MetricValue };

/** Organisation-local dates, both inclusive. */
export interface LocalPeriod {
  from: string;
  to: string;
}

/** Which responses a rollup figure counts; absent fields do not filter. */
export interface ReportFilter {
  teamId?: string | null;
  agentId?: string;
  channel?: string;
  surveyId?: string;
}

export const METRIC_UNITS: Record<MetricKey, MetricUnit> = {
  csat: 'percent',
  nps: 'points',
  ces: 'score',
  resolution_rate: 'percent',
  response_rate: 'percent',
  follow_ups_in_time: 'percent',
  audit_score: 'points',
  quality_score: 'points',
  first_response_hours: 'hours',
  resolution_hours: 'hours',
};

const sum = (column: SQLWrapper) => sql<number>`coalesce(sum(${column}), 0)::int`;

/**
 * A table of rollup counts: `daily_rollups` (per agent) or `daily_team_rollups`, the same counts
 * summed over agents by a trigger, about an eighth of the rows.
 */
export type RollupTable = typeof dailyRollups | typeof dailyTeamRollups;

/** The count columns of a rollup table summed over a period: what every survey metric is computed from. */
export function rollupSums(table: RollupTable) {
  return {
    sent: sum(table.sent),
    responses: sum(table.responses),
    bots: sum(table.bots),
    csat1: sum(table.csat1),
    csat2: sum(table.csat2),
    csat3: sum(table.csat3),
    csat4: sum(table.csat4),
    csat5: sum(table.csat5),
    promoters: sum(table.npsPromoters),
    passives: sum(table.npsPassives),
    detractors: sum(table.npsDetractors),
    ces1: sum(table.ces1),
    ces2: sum(table.ces2),
    ces3: sum(table.ces3),
    ces4: sum(table.ces4),
    ces5: sum(table.ces5),
    ces6: sum(table.ces6),
    ces7: sum(table.ces7),
    resolvedYes: sum(table.resolvedYes),
    resolvedNo: sum(table.resolvedNo),
  };
}

/** {@link rollupSums} of `daily_rollups`, for queries that group or filter by agent. */
export const ROLLUP_SUMS = rollupSums(dailyRollups);
export type RollupCounts = Record<keyof typeof ROLLUP_SUMS, number>;

/** Drivers return bigint sums as strings on some paths; the casts above make them ints, this makes them numbers. */
export function toCounts(row: Partial<Record<keyof RollupCounts, unknown>> | undefined): RollupCounts {
  const out = {} as RollupCounts;
  for (const key of Object.keys(ROLLUP_SUMS) as (keyof RollupCounts)[]) out[key] = Number(row?.[key] ?? 0);
  return out;
}

/**
 * The rollup rows of a period and filter in `table` (default `daily_rollups`; the rollup `day` is
 * already an organisation-local date). The team table has no agents, so an agent filter needs the
 * agent table.
 */
export function rollupConditions(
  filter: ReportFilter,
  period: LocalPeriod,
  table: RollupTable = dailyRollups,
): SQL[] {
  const where: SQL[] = [gte(table.day, period.from), lte(table.day, period.to)];
  if (filter.teamId) where.push(eq(table.teamId, filter.teamId));
  if (filter.agentId) {
    if (!('agentId' in table)) throw new Error('an agent filter needs daily_rollups');
    where.push(eq(table.agentId, filter.agentId));
  }
  if (filter.channel) where.push(eq(table.channel, filter.channel));
  if (filter.surveyId) where.push(eq(table.surveyId, filter.surveyId));
  return where;
}

/**
 * Where a report reads its rollup counts: the per-team table unless the filter names an agent or
 * the rows are grouped by agent (`byAgent`), with that table's sums and the filter's conditions.
 * Both tables hold the same counts, so the figures do not depend on the choice, only the speed.
 *
 * @example
 * const { table, sums, where } = rollupSource({ teamId }, period);
 * await db.select(sums).from(table).where(where); // reads daily_team_rollups
 */
export function rollupSource(filter: ReportFilter, period: LocalPeriod, byAgent = false) {
  const table: RollupTable = filter.agentId || byAgent ? dailyRollups : dailyTeamRollups;
  return { table, sums: rollupSums(table), where: and(...rollupConditions(filter, period, table)) };
}

/** Sums the rollups of a period and filter into one set of counts. */
export async function sumRollups(
  db: Executor,
  filter: ReportFilter,
  period: LocalPeriod,
): Promise<RollupCounts> {
  const { table, sums, where } = rollupSource(filter, period);
  const [row] = await db.select(sums).from(table).where(where);
  return toCounts(row);
}

const csatDistribution = (c: RollupCounts) => [c.csat1, c.csat2, c.csat3, c.csat4, c.csat5];
const cesDistribution = (c: RollupCounts) => [c.ces1, c.ces2, c.ces3, c.ces4, c.ces5, c.ces6, c.ces7];
export const npsCounts = (c: RollupCounts) => ({
  promoters: c.promoters,
  passives: c.passives,
  detractors: c.detractors,
});
/** Responses can outnumber the sends of a period (sent late in the one before): capped so the rate stays a rate. */
const answeredOfSent = (c: RollupCounts) => Math.min(c.responses, c.sent);

const percent = (metric: MetricKey, r: RateResult): MetricValue => ({
  metric,
  value: r.rate === null ? null : 100 * r.rate,
  n: r.n,
  ci95: r.ci95 === null ? null : [100 * r.ci95[0], 100 * r.ci95[1]],
  unit: 'percent',
});

/**
 * A survey metric from summed rollup counts, through @rapport/scoring: CSAT (4–5 of 5 satisfied),
 * resolution and response rates in percent, NPS in points, CES as the 1..7 mean.
 */
export function rollupMetric(c: RollupCounts, metric: RollupMetric): MetricValue {
  switch (metric) {
    case 'csat':
      return percent(metric, csatFromDistribution(csatDistribution(c), 4));
    case 'resolution_rate':
      return percent(
        metric,
        resolutionRate({ resolved: c.resolvedYes, total: c.resolvedYes + c.resolvedNo }),
      );
    case 'response_rate':
      return percent(metric, responseRate({ responses: answeredOfSent(c), sent: c.sent }));
    case 'nps': {
      const r = nps(npsCounts(c));
      return { metric, value: r.score, n: r.n, ci95: r.ci95, unit: 'points' };
    }
    case 'ces': {
      const r = ces(cesDistribution(c));
      return { metric, value: r.mean, n: r.n, ci95: r.ci95, unit: 'score' };
    }
  }
}

/**
 * The successes and sample behind a rate metric, for a two-proportion test; null for a metric
 * that is not a proportion.
 */
export function rollupProportion(
  c: RollupCounts,
  metric: RollupMetric,
): { successes: number; n: number } | null {
  switch (metric) {
    case 'csat':
      return { successes: c.csat4 + c.csat5, n: csatDistribution(c).reduce((a, b) => a + b, 0) };
    case 'resolution_rate':
      return { successes: c.resolvedYes, n: c.resolvedYes + c.resolvedNo };
    case 'response_rate':
      return { successes: answeredOfSent(c), n: c.sent };
    default:
      return null;
  }
}

/** Follow-ups opened in the period, as counted for timeliness (open ones past due count as late). */
export async function followUpCounts(
  db: Executor,
  teamId: string | null | undefined,
  period: LocalPeriod,
  timeZone: string,
  now: Date,
): Promise<FollowUpCounts> {
  return countFollowUps(db, {
    now,
    teamId: teamId ?? undefined,
    openedOn: { from: period.from, to: period.to, timeZone },
  });
}

export function followUpMetric(fu: FollowUpCounts): MetricValue {
  return percent(
    'follow_ups_in_time',
    followUpTimeliness({ closedInTime: fu.closedInTime, closed: fu.closed, overdueOpen: fu.overdue }),
  );
}

/** The quarter keys ('2026-Q4') that a period of local dates touches. */
export function quartersOf(period: LocalPeriod): string[] {
  const keyOf = (day: string) => periodKey(new Date(`${day}T12:00:00Z`), 'quarter', 'UTC');
  const last = keyOf(period.to);
  const keys = [keyOf(period.from)];
  for (let k = keys[0] ?? last; k !== last;) {
    k = nextPeriodKey(k);
    keys.push(k);
  }
  return keys;
}

/** A mean or median read in SQL, with its observation count. */
async function single(
  metric: MetricKey,
  query: Promise<{ value: unknown; n: unknown }[]>,
): Promise<MetricValue> {
  const [row] = await query;
  const n = Number(row?.n ?? 0);
  const value = n > 0 && row?.value !== null && row?.value !== undefined ? Number(row.value) : null;
  // Audits are a census of teams and medians have no closed-form interval: no ci95 rather than a wrong one.
  return { metric, value, n, ci95: null as Interval | null, unit: METRIC_UNITS[metric] };
}

/** The audits the audit score counts: signed and scored, of the cycles of `quarters`. */
export function countedAudits(quarters: string[]): SQL[] {
  return [eq(audits.status, 'signed'), isNotNull(audits.score), inArray(auditCycles.quarter, quarters)];
}

/** A review's team: its ticket's, or its agent's when the ticket has none (tickets and agents joined). */
export const reviewTeam = sql<string | null>`coalesce(${tickets.teamId}, ${agents.teamId})`;

/** The reviews the quality score counts: submitted, scored, not calibration, submitted in `range`. */
export function countedReviews(range: { start: Date; end: Date }): SQL[] {
  return [
    eq(reviews.status, 'submitted'),
    eq(reviews.calibration, false),
    isNotNull(reviews.score),
    gte(reviews.submittedAt, range.start),
    lt(reviews.submittedAt, range.end),
  ];
}

/** Mean score of the signed audits of the cycles whose quarter overlaps the period. */
function auditScore(db: Executor, teamId: string | null | undefined, period: LocalPeriod) {
  const where = countedAudits(quartersOf(period));
  if (teamId) where.push(eq(audits.teamId, teamId));
  return db
    .select({ value: sql<number | null>`avg(${audits.score})::float8`, n: sql<number>`count(*)::int` })
    .from(audits)
    .innerJoin(auditCycles, eq(auditCycles.id, audits.cycleId))
    .where(and(...where));
}

/** Mean score of the reviews the quality score counts (see {@link countedReviews}), by {@link reviewTeam}. */
function qualityScore(db: Executor, teamId: string | null | undefined, range: { start: Date; end: Date }) {
  const where = countedReviews(range);
  if (teamId) where.push(sql`${reviewTeam} = ${teamId}`);
  return db
    .select({ value: sql<number | null>`avg(${reviews.score})::float8`, n: sql<number>`count(*)::int` })
    .from(reviews)
    .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
    .leftJoin(agents, eq(agents.id, reviews.agentId))
    .where(and(...where));
}

/**
 * Median hours from a ticket's opening to its first response (tickets opened on the period's local
 * dates) or to its resolution (tickets resolved on them), read from the duration histogram
 * `ticket_duration_rollups` instead of sorting every ticket: minute buckets (wider past an hour, at
 * most 5% of the durations they hold; see `durationBucket`) summed over the days, then
 * `medianFromHistogram` — percentile_cont's median within one bucket width of the exact value.
 * `n` is the number of tickets counted.
 */
async function medianHours(
  db: Executor,
  measure: (typeof ticketDurationRollups.measure.enumValues)[number],
  teamId: string | null | undefined,
  period: LocalPeriod,
): Promise<{ value: number | null; n: number }[]> {
  const h = ticketDurationRollups;
  const where: SQL[] = [eq(h.measure, measure), gte(h.day, period.from), lte(h.day, period.to)];
  if (teamId) where.push(eq(h.teamId, teamId));
  const rows = await db
    .select({ bucket: h.bucket, tickets: sql<number>`sum(${h.tickets})::int` })
    .from(h)
    .where(and(...where))
    .groupBy(h.bucket);
  const buckets = rows.map((r) => ({
    lower: r.bucket,
    width: durationBucket(r.bucket).width,
    count: Number(r.tickets),
  }));
  const minutes = medianFromHistogram(buckets);
  return [{ value: minutes === null ? null : minutes / 60, n: buckets.reduce((n, b) => n + b.count, 0) }];
}

/**
 * One metric's value for a team (or the whole organisation) over organisation-local dates
 * `from`..`to`, inclusive. Survey metrics come from the daily rollups only; follow-ups from those
 * opened in the period (with `now` deciding which open ones are already late); audit score is the
 * mean of the signed audits of the quarters the period touches; quality score the mean of the
 * submitted, non-calibration reviews; the hours are medians over tickets opened (first response)
 * or resolved (resolution) in the period. `n` counts the observations behind the value.
 *
 * @example
 * await metricValue(db, 'csat', { teamId }, { from: '2026-10-01', to: '2026-12-31' });
 * // { metric: 'csat', value: 91.2, n: 340, ci95: [87.7, 93.8], unit: 'percent' }
 */
export async function metricValue(
  db: Executor,
  metric: MetricKey,
  scope: { teamId?: string | null },
  period: LocalPeriod,
  now: Date = new Date(),
): Promise<MetricValue> {
  const { timeZone } = await getSettings(db);
  return metricValueIn(db, metric, scope, period, timeZone, now);
}

/** {@link metricValue} with the organisation's time zone already read (reports ask for several metrics at once). */
export async function metricValueIn(
  db: Executor,
  metric: MetricKey,
  scope: ReportFilter,
  period: LocalPeriod,
  timeZone: string,
  now: Date,
): Promise<MetricValue> {
  const range = localDateRange(period.from, period.to, timeZone);
  switch (metric) {
    case 'csat':
    case 'nps':
    case 'ces':
    case 'resolution_rate':
    case 'response_rate':
      return rollupMetric(await sumRollups(db, scope, period), metric);
    case 'follow_ups_in_time':
      return followUpMetric(await followUpCounts(db, scope.teamId, period, timeZone, now));
    case 'audit_score':
      return single(metric, auditScore(db, scope.teamId, period));
    case 'quality_score':
      return single(metric, qualityScore(db, scope.teamId, range));
    case 'first_response_hours':
      return single(metric, medianHours(db, 'first_response', scope.teamId, period));
    case 'resolution_hours':
      return single(metric, medianHours(db, 'resolution', scope.teamId, period));
  }
}
