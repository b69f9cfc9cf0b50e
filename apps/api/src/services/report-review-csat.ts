import type { QualityQuery, ReviewCsat, ReviewCsatPoint } from '@rapport/contracts';
import { agents, dailyRollups, reviews, tickets, type Executor } from '@rapport/db';
import { fisherInterval, keyDrivers, lowSample } from '@rapport/scoring';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  countedReviews,
  reviewTeam,
  ROLLUP_SUMS,
  rollupConditions,
  rollupMetric,
  toCounts,
} from './metric-values';
import { localDateRange } from './periods';
import { getSettings } from './settings';

/**
 * Each agent's mean review score over their submitted, non-calibration reviews submitted in the
 * period — the `quality_score` definition of metric-values.ts, per agent. A review's team (for the
 * team filter) is its ticket's, or its agent's when the ticket has none.
 */
async function reviewScores(db: Executor, query: QualityQuery, timeZone: string) {
  const range = localDateRange(query.from, query.to, timeZone);
  const where = countedReviews(range);
  if (query.teamId) where.push(sql`${reviewTeam} = ${query.teamId}`);
  const rows = await db
    .select({
      agentId: agents.id,
      name: agents.name,
      teamId: agents.teamId,
      value: sql<number>`avg(${reviews.score})::float8`,
      n: sql<number>`count(*)::int`,
    })
    .from(reviews)
    .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
    .innerJoin(agents, eq(agents.id, reviews.agentId))
    .where(and(...where))
    .groupBy(agents.id, agents.name, agents.teamId);
  return rows.map((r) => ({ ...r, value: Number(r.value), n: Number(r.n) }));
}

/** Each listed agent's CSAT over the period from the daily rollups, in one grouped query. */
async function agentCsat(db: Executor, query: QualityQuery, agentIds: string[]) {
  if (agentIds.length === 0) return new Map<string, { csat: number | null; n: number }>();
  const rows = await db
    .select({ agentId: dailyRollups.agentId, ...ROLLUP_SUMS })
    .from(dailyRollups)
    .where(and(...rollupConditions({ teamId: query.teamId }, query), inArray(dailyRollups.agentId, agentIds)))
    .groupBy(dailyRollups.agentId);
  return new Map(
    rows.map((r) => {
      const m = rollupMetric(toCounts(r), 'csat');
      return [r.agentId ?? '', { csat: m.value, n: m.n }];
    }),
  );
}

/** Pearson's r and its 95% interval over the agents that have both a review score and a CSAT. */
function correlation(points: readonly ReviewCsatPoint[]): Pick<ReviewCsat, 'r' | 'ci95' | 'n'> {
  const paired = points.filter((p) => p.csat !== null);
  const [result] = keyDrivers(
    paired.map((p) => ({ overall: p.csat, drivers: { reviewScore: p.reviewScore } })),
  );
  const r = result?.r ?? null;
  return { r, ci95: fisherInterval(r, paired.length), n: paired.length };
}

/**
 * Whether review scores predict CSAT: for every agent with at least one submitted, non-calibration
 * review in the period, their mean review score (0..100) and their CSAT in percent over the same
 * period (from the rollups; null with no CSAT answer), by name. `r` is Pearson's correlation
 * between the two across the agents that have both (`n` of them; null below 3 or with no
 * variance), with a Fisher-z 95% interval; fewer than 30 agents is a small sample. With a team
 * filter, only that team's reviews and CSAT answers count.
 *
 * @example
 * await getReviewCsat(db, { from: '2026-10-01', to: '2026-12-31' });
 * // { points: [{ agentId, name: 'Ana', reviewScore: 88, reviews: 6, csat: 91.3, csatN: 46, … }, …],
 * //   r: 0.42, ci95: [0.08, 0.67], n: 31, smallSample: false, … }
 */
export async function getReviewCsat(db: Executor, query: QualityQuery): Promise<ReviewCsat> {
  const { timeZone } = await getSettings(db);
  const scores = await reviewScores(db, query, timeZone);
  const csat = await agentCsat(
    db,
    query,
    scores.map((s) => s.agentId),
  );
  const points = scores
    .map((s): ReviewCsatPoint => {
      const c = csat.get(s.agentId);
      return {
        agentId: s.agentId,
        name: s.name,
        teamId: s.teamId,
        reviewScore: s.value,
        reviews: s.n,
        csat: c?.csat ?? null,
        csatN: c?.n ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId));
  const { r, ci95, n } = correlation(points);
  return {
    period: { from: query.from, to: query.to, timeZone },
    points,
    r,
    ci95,
    n,
    smallSample: lowSample(n),
  };
}
