import type { Breakdown, BreakdownQuery, BreakdownRow } from '@rapport/contracts';
import { agents, dailyRollups, teams, type Executor } from '@rapport/db';
import { lowSample } from '@rapport/scoring';
import { eq, sql } from 'drizzle-orm';
import { METRIC_UNITS, rollupMetric, rollupSource, toCounts, type ReportFilter } from './metric-values';
import { getSettings } from './settings';

/**
 * The rollup counts of a period and filter per team, agent or channel (id null for responses with
 * none), from the per-team rollups unless agents are asked for. Name is null for an id with no row.
 */
export async function rollupCountsBy(
  db: Executor,
  query: Pick<BreakdownQuery, 'by' | 'from' | 'to'> & ReportFilter,
) {
  // Only the agent breakdown (or an agent filter) needs the per-agent rows.
  const { table, sums, where } = rollupSource(query, query, query.by === 'agent');
  switch (query.by) {
    case 'team':
      return db
        .select({ id: table.teamId, name: teams.name, ...sums })
        .from(table)
        .leftJoin(teams, eq(teams.id, table.teamId))
        .where(where)
        .groupBy(table.teamId, teams.name);
    case 'agent':
      return db
        .select({ id: dailyRollups.agentId, name: agents.name, ...sums })
        .from(dailyRollups)
        .leftJoin(agents, eq(agents.id, dailyRollups.agentId))
        .where(where)
        .groupBy(dailyRollups.agentId, agents.name);
    case 'channel':
      return db
        .select({ id: table.channel, name: sql<string | null>`${table.channel}`, ...sums })
        .from(table)
        .where(where)
        .groupBy(table.channel);
  }
}

// Two agents may share a name: the id settles it, so the order never depends on how rows were stored.
const byName = (a: BreakdownRow, b: BreakdownRow) =>
  a.name === b.name
    ? (a.id ?? '').localeCompare(b.id ?? '')
    : a.name === null
      ? 1
      : b.name === null
        ? -1
        : a.name.localeCompare(b.name);

/**
 * A rollup metric per team, agent or channel. Rows are ordered by the lower bound of the 95%
 * interval, highest first, and ranked — so a good figure from a handful of answers does not
 * outrank a steady one; rows with n < 30 follow, by name, flagged and unranked. Groups with no
 * observation of the metric (n = 0) are left out.
 */
export async function getBreakdown(db: Executor, query: BreakdownQuery): Promise<Breakdown> {
  const { timeZone } = await getSettings(db);
  const rows: BreakdownRow[] = (await rollupCountsBy(db, query))
    .map((r) => {
      const m = rollupMetric(toCounts(r), query.metric);
      return {
        id: r.id,
        name: r.id === null ? null : (r.name ?? null),
        value: m.value,
        n: m.n,
        ci95: m.ci95,
        smallSample: lowSample(m.n),
        rank: null,
      };
    })
    .filter((r) => r.n > 0);
  const ranked = rows
    .filter((r) => !r.smallSample)
    .sort((a, b) => (b.ci95?.[0] ?? -Infinity) - (a.ci95?.[0] ?? -Infinity) || b.n - a.n || byName(a, b))
    .map((r, i) => ({ ...r, rank: i + 1 }));
  const small = rows.filter((r) => r.smallSample).sort(byName);
  return {
    by: query.by,
    metric: query.metric,
    unit: METRIC_UNITS[query.metric],
    period: { from: query.from, to: query.to, timeZone },
    rows: [...ranked, ...small],
  };
}
