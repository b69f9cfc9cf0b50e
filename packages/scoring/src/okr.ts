import { assertDate, assertFinite, clamp } from './validate';

/** Which way a key result should move: up (e.g. CSAT) or down (e.g. first-response hours). */
export type KrDirection = 'increase' | 'decrease';

/** A key result's numbers. */
export interface KrInput {
  baseline: number;
  target: number;
  current: number;
  /**
   * Only consulted when target = baseline, where the numbers cannot tell the intended direction. When
   * target ≠ baseline the direction is read from them (a lower target means lower is better).
   */
  direction?: KrDirection;
}

/** How a key result stands against the share of its period already gone. */
export type OkrStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track';

/** {@link okrStatus}'s input: progress (0..1) and the period, with `now` passed in. */
export interface OkrStatusInput {
  progress: number;
  periodStart: Date;
  periodEnd: Date;
  now: Date;
}

/**
 * Key-result progress in [0, 1]:
 *
 *   (current − baseline) / (target − baseline), clamped to [0, 1]
 *
 * which handles both directions: with a lower target (e.g. response hours 10 → 4) lower is better. When
 * target = baseline the ratio is undefined: progress is 1 if current meets the target in the intended
 * direction, else 0 — `direction: 'decrease'` means current ≤ target, and `'increase'` or no direction
 * means current ≥ target. Throws a `RangeError` for NaN or ±Infinity.
 *
 * @example
 * krProgress({ baseline: 70, target: 90, current: 85 }); // 0.75 = 15/20
 * krProgress({ baseline: 10, target: 4, current: 7 }); // 0.5 = (7 − 10)/(4 − 10)
 * krProgress({ baseline: 5, target: 5, current: 6, direction: 'decrease' }); // 0
 */
export function krProgress(k: KrInput): number {
  assertFinite(k.baseline, 'baseline');
  assertFinite(k.target, 'target');
  assertFinite(k.current, 'current');
  if (k.direction !== undefined && k.direction !== 'increase' && k.direction !== 'decrease') {
    throw new RangeError(`direction must be 'increase' or 'decrease', got ${String(k.direction)}`);
  }
  if (k.target === k.baseline) {
    const met = k.direction === 'decrease' ? k.current <= k.target : k.current >= k.target;
    return met ? 1 : 0;
  }
  return clamp((k.current - k.baseline) / (k.target - k.baseline), 0, 1);
}

// Float noise in a progress or elapsed share (e.g. 0.35 − 0.25 = 0.09999999999999998) must not flip a status.
const TOLERANCE = 1e-9;
const ON_TRACK_SLACK = 0.1;
const AT_RISK_SLACK = 0.25;

/**
 * Status of a key result from its progress and how much of its period has gone:
 *
 *   elapsed = (now − periodStart) / (periodEnd − periodStart), clamped to [0, 1]
 *   progress ≥ 1 → 'achieved'; ≥ elapsed − 0.1 → 'on_track'; ≥ elapsed − 0.25 → 'at_risk'; else 'off_track'
 *
 * Comparisons allow 1e-9 of float error. Before the period starts elapsed is 0, so anything short of
 * achieved is on track; after it ends elapsed is 1. Throws a `RangeError` for an invalid Date, periodEnd ≤
 * periodStart, or a non-finite progress.
 *
 * @example
 * okrStatus({
 *   progress: 0.3,
 *   periodStart: new Date('2026-01-01T00:00:00Z'),
 *   periodEnd: new Date('2026-01-11T00:00:00Z'),
 *   now: new Date('2026-01-06T00:00:00Z'),
 * }); // 'at_risk' (elapsed 0.5: 0.3 < 0.4 but ≥ 0.25)
 */
export function okrStatus(k: OkrStatusInput): OkrStatus {
  assertFinite(k.progress, 'progress');
  assertDate(k.periodStart, 'periodStart');
  assertDate(k.periodEnd, 'periodEnd');
  assertDate(k.now, 'now');
  const start = k.periodStart.getTime();
  const length = k.periodEnd.getTime() - start;
  if (length <= 0) throw new RangeError('periodEnd must be after periodStart');
  const elapsed = clamp((k.now.getTime() - start) / length, 0, 1);
  if (k.progress >= 1 - TOLERANCE) return 'achieved';
  if (k.progress >= elapsed - ON_TRACK_SLACK - TOLERANCE) return 'on_track';
  if (k.progress >= elapsed - AT_RISK_SLACK - TOLERANCE) return 'at_risk';
  return 'off_track';
}
