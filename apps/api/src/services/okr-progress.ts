import type { KeyResultDirection, KeyResultStatus, MetricKey, MetricValue } from '@rapport/contracts';
import type { Executor } from '@rapport/db';
import { krProgress, okrStatus, periodKey } from '@rapport/scoring';
import { quarterBounds, todayIn } from './audit-dates';
import { METRIC_UNITS, metricValue } from './metric-values';

/** Reads one metric for a scope over local dates (inclusive); `metricValue` bound to a database and `now`. */
export type MeasureMetric = (
  metric: MetricKey,
  scope: { teamId?: string | null },
  period: { from: string; to: string },
) => Promise<MetricValue>;

/** The live metrics, read at `now`. */
export function liveMetrics(db: Executor, now: Date): MeasureMetric {
  return (metric, scope, period) => metricValue(db, metric, scope, period, now);
}

/** What the OKR services need beyond the database: the moment, and how a metric is read (tests pass their own). */
export interface OkrClock {
  now: Date;
  measure: MeasureMetric;
}

export interface QuarterWindow {
  quarter: string;
  /** The quarter's first and last local dates. */
  from: string;
  to: string;
  /** Local midnight starting the quarter and the next one: the span okrStatus measures elapsed time in. */
  start: Date;
  end: Date;
  /** The days measured so far: the quarter up to min(today, its last day); null before it starts. */
  measuredTo: string | null;
}

/** A quarter's bounds in the organisation's time zone, and how much of it has happened at `now`. */
export function quarterWindow(quarter: string, timeZone: string, now: Date): QuarterWindow {
  const bounds = quarterBounds(quarter, timeZone);
  const to = periodKey(new Date(bounds.end.getTime() - 1), 'day', timeZone);
  const today = todayIn(timeZone, now);
  const measuredTo = today < bounds.firstDay ? null : today < to ? today : to;
  return { quarter, from: bounds.firstDay, to, start: bounds.start, end: bounds.end, measuredTo };
}

export interface KeyResultNumbers {
  kind: 'metric' | 'manual';
  metric: string | null;
  baseline: number;
  target: number;
  direction: KeyResultDirection;
  manualValue: number | null;
}

export interface CurrentValue {
  value: number | null;
  n: number | null;
  unit: MetricValue['unit'] | null;
}

/**
 * A key result's current value: for a metric one, the metric over its objective's scope and the
 * quarter so far (nothing before the quarter starts); for a manual one, the value last given.
 */
export async function currentValue(
  kr: KeyResultNumbers,
  teamId: string | null,
  window: QuarterWindow,
  measure: MeasureMetric,
): Promise<CurrentValue> {
  if (kr.kind === 'manual' || kr.metric === null) return { value: kr.manualValue, n: null, unit: null };
  const metric = kr.metric as MetricKey;
  if (window.measuredTo === null) return { value: null, n: 0, unit: METRIC_UNITS[metric] };
  const m = await measure(metric, { teamId }, { from: window.from, to: window.measuredTo });
  return { value: m.value, n: m.n, unit: m.unit };
}

/** Progress (0..1) of a value from krProgress; null when there is no value to measure. */
export function progressOf(kr: KeyResultNumbers, value: number | null): number | null {
  if (value === null) return null;
  return krProgress({ baseline: kr.baseline, target: kr.target, current: value, direction: kr.direction });
}

/** Status from okrStatus: progress against the share of the quarter gone at `now`. */
export function statusOf(progress: number | null, window: QuarterWindow, now: Date): KeyResultStatus | null {
  if (progress === null) return null;
  return okrStatus({ progress, periodStart: window.start, periodEnd: window.end, now });
}

/**
 * An objective's progress is the plain mean of its key results' progress, each weighing the same;
 * a key result with no value yet (no data) is left out rather than counted as 0, since nothing
 * measured is not the same as no progress. Null when no key result has a value.
 */
export function objectiveProgress(progress: readonly (number | null)[]): number | null {
  const known = progress.filter((p): p is number => p !== null);
  if (known.length === 0) return null;
  return known.reduce((a, b) => a + b, 0) / known.length;
}
