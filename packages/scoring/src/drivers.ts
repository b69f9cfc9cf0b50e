import { assertFinite } from './validate';

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
