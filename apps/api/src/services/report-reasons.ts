import type { Reasons, ReasonsQuery } from '@rapport/contracts';
import {
  ANY_REASON,
  dailyReasonRollups,
  dailyTeamReasonRollups,
  surveyVersions,
  type Executor,
} from '@rapport/db';
import { pareto } from '@rapport/scoring';
import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { getSettings } from './settings';

/**
 * Each code's English label (or, without one, the default language's) from the most recently
 * published survey version whose reasons question offers it.
 */
async function reasonLabels(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const code = sql<string>`o->>'code'`;
  const rows = await db
    .select({
      code,
      label: sql<
        string | null
      >`coalesce(nullif(o->'label'->>'en', ''), nullif(o->'label'->>(v.definition->>'defaultLocale'), ''))`,
    })
    .from(
      sql`${surveyVersions} v
        cross join lateral jsonb_array_elements(v.definition->'questions') q
        cross join lateral jsonb_array_elements(q->'options') o`,
    )
    .where(and(sql`q->>'metric' = 'reasons'`, inArray(code, codes)))
    .orderBy(sql`v.published_at desc`, sql`v.version desc`);
  const labels = new Map<string, string>();
  for (const row of rows) if (row.label && !labels.has(row.code)) labels.set(row.code, row.label);
  return labels;
}

/**
 * Reasons for dissatisfaction as a Pareto table over a period and filters, from the reason rollups
 * only (the per-team ones unless an agent is chosen): counted responses per reason code, most frequent first (`pareto`), each with its share of
 * all reasons given and the running share. A response may give several reasons, so
 * `responsesWithReason` (read from the rollups' any-reason rows) can be below `total`. Reasons
 * nobody gave in the period are not listed.
 *
 * @example
 * await getReasons(db, { from: '2026-10-01', to: '2026-12-31', teamId });
 * // { period: {…}, responsesWithReason: 120, total: 150,
 * //   rows: [{ reason: 'took_too_long', label: 'It took too long', count: 60, share: 0.4, cumulativeShare: 0.4 }, …] }
 */
export async function getReasons(db: Executor, query: ReasonsQuery): Promise<Reasons> {
  const { timeZone } = await getSettings(db);
  // Without an agent filter the per-team rows (kept by a trigger) hold the same sums in fewer rows.
  const t = query.agentId ? dailyReasonRollups : dailyTeamReasonRollups;
  const where: SQL[] = [gte(t.day, query.from), lte(t.day, query.to)];
  if (query.teamId) where.push(eq(t.teamId, query.teamId));
  if (query.agentId) where.push(eq(dailyReasonRollups.agentId, query.agentId));
  if (query.channel) where.push(eq(t.channel, query.channel));
  if (query.surveyId) where.push(eq(t.surveyId, query.surveyId));
  const sums = await db
    .select({ reason: t.reason, count: sql<number>`coalesce(sum(${t.responses}), 0)::int` })
    .from(t)
    .where(and(...where))
    .groupBy(t.reason);
  const given = sums.filter((s) => s.reason !== ANY_REASON && Number(s.count) > 0);
  const table = pareto(Object.fromEntries(given.map((s) => [s.reason, Number(s.count)])));
  const codes = table.map((e) => e.key);
  const labels = await reasonLabels(db, codes);
  return {
    period: { from: query.from, to: query.to, timeZone },
    responsesWithReason: Number(sums.find((s) => s.reason === ANY_REASON)?.count ?? 0),
    total: table.reduce((a, e) => a + e.count, 0),
    rows: table.map((e) => ({
      reason: e.key,
      label: labels.get(e.key) ?? e.key,
      count: e.count,
      share: e.share,
      cumulativeShare: e.cumulativeShare,
    })),
  };
}
