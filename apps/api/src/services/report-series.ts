import type { Trend, TrendPoint, TrendQuery } from '@rapport/contracts';
import type { Executor } from '@rapport/db';
import { nextPeriodKey, periodKey, periodRange, type PeriodUnit } from '@rapport/scoring';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { ValidationError } from '../errors';
import { rollupMetric, rollupSource, toCounts, type RollupCounts } from './metric-values';
import { getSettings } from './settings';

/** More points than a chart can show legibly; a longer range needs a larger unit. */
export const MAX_TREND_POINTS = 800;

// A rollup's `day` is already an organisation-local date, so its period key is plain calendar
// arithmetic; the formats match periodKey's ('2026-11-22', ISO '2026-W47', '2026-11', '2026-Q4').
const KEY_FORMATS: Record<PeriodUnit, string> = {
  day: 'YYYY-MM-DD',
  week: 'IYYY-"W"IW',
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
};
const keySql = (day: SQLWrapper, unit: PeriodUnit): SQL<string> =>
  sql<string>`to_char(${day}, ${sql.raw(`'${KEY_FORMATS[unit]}'`)})`;

const keyOfDay = (day: string, unit: PeriodUnit) => periodKey(new Date(`${day}T12:00:00Z`), unit, 'UTC');

/** The first and last local date of a period key (read on UTC, where local dates are instants' dates). */
function datesOf(key: string): { from: string; to: string } {
  const { start, end } = periodRange(key, 'UTC');
  return {
    from: start.toISOString().slice(0, 10),
    to: new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10),
  };
}

/**
 * The keys of every period of `unit` from the one holding `from` to the one holding `to`, so a
 * period without answers is a gap in the chart rather than missing. Throws a 400 past
 * {@link MAX_TREND_POINTS}.
 */
export function periodKeys(from: string, to: string, unit: PeriodUnit): string[] {
  const last = keyOfDay(to, unit);
  const keys = [keyOfDay(from, unit)];
  while (keys[keys.length - 1] !== last) {
    if (keys.length >= MAX_TREND_POINTS)
      throw new ValidationError(
        `That range has more than ${MAX_TREND_POINTS} ${unit}s; choose a larger unit or a shorter range.`,
      );
    keys.push(nextPeriodKey(keys[keys.length - 1] ?? last));
  }
  return keys;
}

function pointValue(metric: TrendQuery['metric'], c: RollupCounts): Pick<TrendPoint, 'value' | 'n' | 'ci95'> {
  if (metric === 'responses') return { value: c.responses, n: c.responses, ci95: null };
  const m = rollupMetric(c, metric);
  return { value: m.value, n: m.n, ci95: m.ci95 };
}

/**
 * A metric per day, ISO week, month or quarter of organisation-local dates, summed from the rollups
 * in SQL: CSAT in percent with its Wilson interval, NPS in points with its interval, or the number
 * of counted responses. The first and last periods are clipped to `from` and `to`.
 */
export async function getTrend(db: Executor, query: TrendQuery): Promise<Trend> {
  const { timeZone } = await getSettings(db);
  const keys = periodKeys(query.from, query.to, query.unit);
  const { table, sums, where } = rollupSource(query, query);
  const key = keySql(table.day, query.unit);
  const rows = await db
    .select({ key, ...sums })
    .from(table)
    .where(where)
    .groupBy(key);
  const byKey = new Map(rows.map((r) => [r.key, toCounts(r)]));
  const points = keys.map((k): TrendPoint => {
    const dates = datesOf(k);
    return {
      key: k,
      from: dates.from < query.from ? query.from : dates.from,
      to: dates.to > query.to ? query.to : dates.to,
      ...pointValue(query.metric, byKey.get(k) ?? toCounts(undefined)),
    };
  });
  return {
    metric: query.metric,
    unit: query.unit,
    valueUnit: query.metric === 'responses' ? 'count' : query.metric === 'csat' ? 'percent' : 'points',
    period: { from: query.from, to: query.to, timeZone },
    points,
  };
}
