import { TILE_METRICS, type MetricValue, type Tile, type Tiles, type TilesQuery } from '@rapport/contracts';
import type { Executor } from '@rapport/db';
import { lowSample, npsDifferenceTest, twoProportionTest } from '@rapport/scoring';
import {
  followUpCounts,
  followUpMetric,
  metricValueIn,
  npsCounts,
  rollupMetric,
  rollupProportion,
  sumRollups,
  type LocalPeriod,
  type ReportFilter,
} from './metric-values';
import { getSettings } from './settings';

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * The period of the same number of days that ends the day before `period` starts.
 *
 * @example
 * previousPeriod({ from: '2026-03-01', to: '2026-03-31' }); // { from: '2026-01-29', to: '2026-02-28' }
 */
export function previousPeriod(period: LocalPeriod): LocalPeriod {
  const from = dayNumber(period.from);
  const days = dayNumber(period.to) - from + 1;
  return { from: dayOf(from - days), to: dayOf(from - 1) };
}

/** The filters that only survey rollups know: follow-ups and audits are scoped by team alone. */
const ROLLUP_ONLY_FILTERS = ['agentId', 'channel', 'surveyId'] as const;

function tile(
  current: MetricValue,
  previous: MetricValue,
  previousPeriodDates: LocalPeriod,
  significant: boolean | null,
  ignoredFilters: Tile['ignoredFilters'],
): Tile {
  const change = current.value !== null && previous.value !== null ? current.value - previous.value : null;
  return {
    ...current,
    previous: { ...previousPeriodDates, value: previous.value, n: previous.n },
    change,
    // No test without data on both sides: "not significant" would claim more than is known.
    significant: current.n > 0 && previous.n > 0 ? significant : null,
    smallSample: lowSample(current.n),
    ignoredFilters,
  };
}

/**
 * The dashboard's headline tiles for a period and filters: each metric with n, 95% interval, the
 * value of the same-length period just before, the change, and whether the change is significant
 * at 95% (two-proportion z-test for rates, the NPS difference test for NPS; null for CES and the
 * audit score, which have no test here).
 */
export async function getTiles(db: Executor, query: TilesQuery, now = new Date()): Promise<Tiles> {
  const { timeZone } = await getSettings(db);
  const current: LocalPeriod = { from: query.from, to: query.to };
  const before = previousPeriod(current);
  const filter: ReportFilter = {
    teamId: query.teamId,
    agentId: query.agentId,
    channel: query.channel,
    surveyId: query.surveyId,
  };
  const [rollNow, rollBefore, fuNow, fuBefore, auditNow, auditBefore] = await Promise.all([
    sumRollups(db, filter, current),
    sumRollups(db, filter, before),
    followUpCounts(db, query.teamId, current, timeZone, now),
    followUpCounts(db, query.teamId, before, timeZone, now),
    metricValueIn(db, 'audit_score', { teamId: query.teamId }, current, timeZone, now),
    metricValueIn(db, 'audit_score', { teamId: query.teamId }, before, timeZone, now),
  ]);
  const ignored = ROLLUP_ONLY_FILTERS.filter((f) => query[f] !== undefined);

  const tiles = TILE_METRICS.map((metric): Tile => {
    switch (metric) {
      case 'follow_ups_in_time': {
        const test = twoProportionTest(
          { successes: fuNow.closedInTime, n: fuNow.closed + fuNow.overdue },
          { successes: fuBefore.closedInTime, n: fuBefore.closed + fuBefore.overdue },
        );
        return tile(followUpMetric(fuNow), followUpMetric(fuBefore), before, test.significant, ignored);
      }
      case 'audit_score':
        return tile(auditNow, auditBefore, before, null, ignored);
      case 'nps': {
        const test = npsDifferenceTest(npsCounts(rollNow), npsCounts(rollBefore));
        return tile(
          rollupMetric(rollNow, metric),
          rollupMetric(rollBefore, metric),
          before,
          test.significant,
          [],
        );
      }
      default: {
        const a = rollupProportion(rollNow, metric);
        const b = rollupProportion(rollBefore, metric);
        const significant = a && b ? twoProportionTest(a, b).significant : null;
        return tile(rollupMetric(rollNow, metric), rollupMetric(rollBefore, metric), before, significant, []);
      }
    }
  });
  return { period: { from: query.from, to: query.to, timeZone }, tiles };
}
