import type { QualityByTeam, QualityCell, QualityQuery } from '@rapport/contracts';
import { agents, auditCycles, audits, reviews, teams, tickets, type Executor } from '@rapport/db';
import { periodRange } from '@rapport/scoring';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { ValidationError } from '../errors';
import { countedAudits, countedReviews, quartersOf, reviewTeam, type LocalPeriod } from './metric-values';
import { localDateRange } from './periods';
import { getSettings } from './settings';

/** Ten years of quarters: more columns than a table or a grouped bar chart can show legibly. */
export const MAX_QUALITY_QUARTERS = 40;

interface Mean {
  quarter: string;
  teamId: string;
  value: number | null;
  n: number;
}

const asMeans = (rows: { quarter: unknown; teamId: unknown; value: unknown; n: unknown }[]): Mean[] =>
  rows.map((r) => ({
    quarter: String(r.quarter),
    teamId: String(r.teamId),
    value: r.value === null || r.value === undefined ? null : Number(r.value),
    n: Number(r.n),
  }));

/**
 * Mean score of each team's signed audits per cycle quarter — `audit_score`'s audits
 * ({@link countedAudits}), grouped by quarter and team in one query.
 */
async function auditMeans(db: Executor, quarters: string[], teamId: string | undefined): Promise<Mean[]> {
  const where = countedAudits(quarters);
  if (teamId) where.push(eq(audits.teamId, teamId));
  const rows = await db
    .select({
      quarter: auditCycles.quarter,
      teamId: audits.teamId,
      value: sql<number | null>`avg(${audits.score})::float8`,
      n: sql<number>`count(*)::int`,
    })
    .from(audits)
    .innerJoin(auditCycles, eq(auditCycles.id, audits.cycleId))
    .where(and(...where))
    .groupBy(auditCycles.quarter, audits.teamId);
  return asMeans(rows);
}

/**
 * Mean score of each team's submitted, non-calibration ticket reviews per quarter of submission —
 * the definition of `quality_score` in metric-values.ts (a review's team is its ticket's, or its
 * agent's when the ticket has none), grouped in one query. The first and last quarters are clipped
 * to the period, as a trend's first and last points are.
 */
async function reviewMeans(
  db: Executor,
  quarters: string[],
  period: LocalPeriod,
  timeZone: string,
  teamId: string | undefined,
): Promise<Mean[]> {
  const range = localDateRange(period.from, period.to, timeZone);
  // Quarters are contiguous and the range lies within them, so a review's quarter is the first whose end follows it.
  const branches = quarters.map(
    (q) =>
      sql`when ${reviews.submittedAt} < ${periodRange(q, timeZone).end.toISOString()}::timestamptz then ${q}`,
  );
  const quarter = sql<string>`case ${sql.join(branches, sql` `)} end`;
  const team = sql<string>`${reviewTeam}`;
  const where = [...countedReviews(range), isNotNull(team)];
  if (teamId) where.push(sql`${team} = ${teamId}`);
  const rows = await db
    .select({
      quarter,
      teamId: team,
      value: sql<number | null>`avg(${reviews.score})::float8`,
      n: sql<number>`count(*)::int`,
    })
    .from(reviews)
    .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
    .leftJoin(agents, eq(agents.id, reviews.agentId))
    .where(and(...where))
    // By position: the expressions carry parameters, and Postgres would not match them textually.
    .groupBy(sql`1`, sql`2`);
  return asMeans(rows);
}

/**
 * Each team's audit score and internal quality score in every quarter the period touches, oldest
 * quarter first, teams by name. Audit score: the mean of the team's signed audits of that quarter's
 * cycle (a cycle audits its whole quarter, so it is not clipped). Quality score: the mean of the
 * submitted, non-calibration reviews submitted in that quarter, within the period. Teams with
 * neither in any of the quarters are left out; a cell with nothing to measure is null. A period
 * touching more than {@link MAX_QUALITY_QUARTERS} quarters is a 400.
 *
 * @example
 * await getQualityByTeam(db, { from: '2026-07-01', to: '2026-12-31' });
 * // { quarters: ['2026-Q3', '2026-Q4'], unit: 'points',
 * //   teams: [{ id, name: 'Billing', cells: [{ quarter: '2026-Q3', auditScore: 86.5, qualityScore: 91.2, reviews: 24 }, …] }] }
 */
export async function getQualityByTeam(db: Executor, query: QualityQuery): Promise<QualityByTeam> {
  const { timeZone } = await getSettings(db);
  const quarters = quartersOf(query);
  if (quarters.length > MAX_QUALITY_QUARTERS)
    throw new ValidationError(
      `That range touches ${quarters.length} quarters; choose at most ${MAX_QUALITY_QUARTERS} (ten years).`,
    );
  const auditRows = await auditMeans(db, quarters, query.teamId);
  const reviewRows = await reviewMeans(db, quarters, query, timeZone, query.teamId);
  const cellKey = (teamId: string, quarter: string) => `${teamId} ${quarter}`;
  const auditBy = new Map(auditRows.map((m) => [cellKey(m.teamId, m.quarter), m]));
  const reviewBy = new Map(reviewRows.map((m) => [cellKey(m.teamId, m.quarter), m]));
  const teamIds = [...new Set([...auditRows, ...reviewRows].map((m) => m.teamId))];
  const named =
    teamIds.length === 0
      ? []
      : await db
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(inArray(teams.id, teamIds))
          .orderBy(asc(teams.name), asc(teams.id));
  return {
    period: { from: query.from, to: query.to, timeZone },
    quarters,
    unit: 'points',
    teams: named.map((team) => ({
      id: team.id,
      name: team.name,
      cells: quarters.map((quarter): QualityCell => {
        const review = reviewBy.get(cellKey(team.id, quarter));
        return {
          quarter,
          auditScore: auditBy.get(cellKey(team.id, quarter))?.value ?? null,
          qualityScore: review && review.n > 0 ? review.value : null,
          reviews: review?.n ?? 0,
        };
      }),
    })),
  };
}
