import type { Interval } from './interval';
import { Z95 } from './normal';
import { assertCount, assertFinite, clamp } from './validate';

/** One response: the overall rating and the answers to each driver question (null or missing = not answered). */
export interface DriverRow {
  overall: number | null;
  drivers: Record<string, number | null>;
}

/** How strongly one driver question moves with the overall rating. */
export interface DriverResult {
  driver: string;
  /** Pearson correlation in [−1, 1]; null below 3 complete rows or when either variance is 0. */
  r: number | null;
  /** Rows where both the overall rating and this driver were answered. */
  n: number;
}

const MIN_ROWS = 3;

/** Pearson's r over complete (driver, overall) pairs, or null below 3 pairs or with a zero variance. */
function pearson(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.length;
  if (n < MIN_ROWS) return null;
  let mx = 0;
  let my = 0;
  for (const [x, y] of pairs) {
    mx += x;
    my += y;
  }
  mx /= n;
  my /= n;
  // Two passes (centre, then sum products) rather than Σxy − n·x̄ȳ, which cancels badly for ratings near the mean.
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [x, y] of pairs) {
    sxx += (x - mx) * (x - mx);
    syy += (y - my) * (y - my);
    sxy += (x - mx) * (y - my);
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Key-driver analysis: the Pearson correlation of each driver question with the overall rating,
 *
 *   r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²)
 *
 * over the pairwise-complete rows for that driver (overall and driver both answered), so each driver has
 * its own n. Drivers are every key seen in any row. Edge cases: fewer than 3 complete rows, or a constant
 * overall rating or driver over those rows (zero variance) → r null. Sorted by |r| descending, nulls last,
 * ties by driver name ascending. Throws a `RangeError` for NaN or ±Infinity.
 *
 * @example
 * keyDrivers([
 *   { overall: 1, drivers: { speed: 1, tone: 3 } },
 *   { overall: 2, drivers: { speed: 2, tone: 1 } },
 *   { overall: 3, drivers: { speed: 3, tone: 2 } },
 * ]); // [{ driver: 'speed', r: 1, n: 3 }, { driver: 'tone', r: -0.5, n: 3 }]
 */
export function keyDrivers(rows: readonly DriverRow[]): DriverResult[] {
  const complete = new Map<string, [number, number][]>();
  rows.forEach((row, i) => {
    if (row.overall !== null) assertFinite(row.overall, `rows[${i}].overall`);
    for (const [driver, value] of Object.entries(row.drivers)) {
      let pairs = complete.get(driver);
      if (pairs === undefined) {
        pairs = [];
        complete.set(driver, pairs);
      }
      if (value === null || value === undefined) continue;
      assertFinite(value, `rows[${i}].drivers["${driver}"]`);
      if (row.overall !== null) pairs.push([value, row.overall]);
    }
  });
  const results = [...complete].map(([driver, pairs]): DriverResult => ({
    driver,
    r: pearson(pairs),
    n: pairs.length,
  }));
  return results.sort((a, b) => {
    if (a.r !== null && b.r !== null && Math.abs(a.r) !== Math.abs(b.r)) return Math.abs(b.r) - Math.abs(a.r);
    if (a.r === null && b.r !== null) return 1;
    if (a.r !== null && b.r === null) return -1;
    // Driver names are distinct (they were map keys).
    return a.driver < b.driver ? -1 : 1;
  });
}

/**
 * The sufficient statistics of (x, y) pairs of whole numbers — a driver answer and the overall rating
 * of one response each — as rollups keep them: n, Σx, Σy, Σx², Σy², Σxy.
 */
export interface CorrelationSums {
  n: number;
  sumX: number;
  sumY: number;
  sumXx: number;
  sumYy: number;
  sumXy: number;
}

/** Pearson's r of summed pairs with its 95% interval. */
export interface CorrelationResult {
  /** In [−1, 1]; null below 3 pairs or when either variance is 0. */
  r: number | null;
  /** Fisher-z 95% interval of r; null when r is null or n < 4. */
  ci95: Interval | null;
  n: number;
}

const toBig = (value: number, name: string): bigint => {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${name} must be a whole number, got ${String(value)}`);
  return BigInt(value);
};

/**
 * Pearson's r from the sums of whole-number pairs, so any period's correlation comes from adding
 * daily rollups instead of reading every answer:
 *
 *   Sxy = n·Σxy − Σx·Σy,  Sxx = n·Σx² − (Σx)²,  Syy = n·Σy² − (Σy)²
 *   r   = Sxy / √(Sxx · Syy)
 *
 * Sxy, Sxx and Syy are n² times the centred sums keyDrivers uses, computed exactly in integers (BigInt),
 * so there is no cancellation however many pairs are summed; only the final division rounds. The same
 * edge cases as {@link keyDrivers}: fewer than 3 pairs, or Sxx = 0 or Syy = 0 (a constant x or y) → r
 * null. When Sxy² = Sxx·Syy (the points lie on a line) r is exactly ±1. The interval is
 * {@link fisherInterval}'s. Throws a `RangeError` when n is not a count, a sum is not a safe integer, or
 * the sums cannot come from real pairs (Sxx or Syy negative, or Sxy² > Sxx·Syy).
 *
 * @example
 * // pairs (1, 2), (2, 1), (3, 4), (4, 3): Sxy = 4·28 − 10·10 = 12, Sxx = Syy = 4·30 − 100 = 20
 * correlationFromSums({ n: 4, sumX: 10, sumY: 10, sumXx: 30, sumYy: 30, sumXy: 28 });
 * // { r: 0.6, ci95: [-0.8529…, 0.9901…], n: 4 }
 */
export function correlationFromSums(sums: CorrelationSums): CorrelationResult {
  assertCount(sums.n, 'n');
  const n = BigInt(sums.n);
  const sx = toBig(sums.sumX, 'sumX');
  const sy = toBig(sums.sumY, 'sumY');
  const sxx = n * toBig(sums.sumXx, 'sumXx') - sx * sx;
  const syy = n * toBig(sums.sumYy, 'sumYy') - sy * sy;
  const sxy = n * toBig(sums.sumXy, 'sumXy') - sx * sy;
  if (sxx < 0n || syy < 0n || sxy * sxy > sxx * syy) {
    throw new RangeError('the sums cannot come from real pairs (a variance is negative or |r| > 1)');
  }
  if (sums.n < MIN_ROWS || sxx === 0n || syy === 0n) return { r: null, ci95: null, n: sums.n };
  const r =
    sxy * sxy === sxx * syy
      ? Math.sign(Number(sxy))
      : clamp(Number(sxy) / (Math.sqrt(Number(sxx)) * Math.sqrt(Number(syy))), -1, 1);
  return { r, ci95: fisherInterval(r, sums.n), n: sums.n };
}

/**
 * The 95% interval of a correlation r over n pairs by Fisher's z-transformation:
 *
 *   z = atanh(r),  se = 1/√(n − 3),  [tanh(z − 1.96·se), tanh(z + 1.96·se)]
 *
 * Edge cases: r null or n < 4 (no standard error) → null; |r| = 1 → [r, r], since a perfect
 * correlation has no sampling spread to show (atanh is infinite there). Bounds are clamped to [−1, 1].
 * Throws a `RangeError` for n not a count or r outside [−1, 1].
 *
 * @example
 * fisherInterval(0.6, 4); // [tanh(ln 2 − 1.96), tanh(ln 2 + 1.96)] = [-0.8529…, 0.9901…]
 * fisherInterval(1, 50); // [1, 1]
 */
export function fisherInterval(r: number | null, n: number): Interval | null {
  assertCount(n, 'n');
  if (r === null) return null;
  assertFinite(r, 'r');
  if (r < -1 || r > 1) throw new RangeError(`r must be in [-1, 1], got ${r}`);
  if (n < 4) return null;
  if (Math.abs(r) === 1) return [r, r];
  const z = Math.atanh(r);
  const half = Z95 / Math.sqrt(n - 3);
  return [clamp(Math.tanh(z - half), -1, 1), clamp(Math.tanh(z + half), -1, 1)];
}
