import type { Interval } from './interval';
import { Z95 } from './normal';
import { assertCount, clamp } from './validate';

/** Customer Effort Score summary on the 1–7 scale (7 = easiest). */
export interface CesResult {
  /** Mean answer in [1, 7]; null when n = 0. */
  mean: number | null;
  n: number;
  /** mean ± z·sd/√n with the sample sd, clamped to [1, 7]; null when n < 2. */
  ci95: Interval | null;
  /** Share answering 5, 6 or 7, in [0, 1]; null when n = 0. */
  easyRate: number | null;
}

const POINTS = 7;

/**
 * Customer Effort Score from the 7 counts of answers 1..7 (`dist[0]` counts the 1s).
 *
 *   n = Σ cᵢ;  mean = Σ i·cᵢ / n
 *   sd = √( Σ cᵢ(i − mean)² / (n − 1) )   (sample sd), computed as √((n·Σi²cᵢ − (Σi·cᵢ)²) / (n(n − 1)))
 *   ci95 = mean ± 1.96·sd/√n, clamped to the scale [1, 7]
 *   easyRate = (c₅ + c₆ + c₇) / n
 *
 * Edge cases: no answers → mean, ci95 and easyRate null; one answer → mean = that answer, ci95 null (a sample
 * sd needs two answers); all answers alike → sd 0, the interval collapses to the mean. The clamp only bites
 * for tiny, polarised samples, where the normal approximation would otherwise reach past the scale. Throws a
 * `RangeError` unless `dist` has exactly 7 non-negative integer counts.
 *
 * @example
 * ces([0, 0, 0, 0, 1, 2, 1]); // { mean: 6, n: 4, ci95: [5.1998…, 6.8001…], easyRate: 1 }
 * ces([0, 0, 0, 0, 0, 0, 0]); // { mean: null, n: 0, ci95: null, easyRate: null }
 */
export function ces(dist: readonly number[]): CesResult {
  if (!Array.isArray(dist) || dist.length !== POINTS) {
    throw new RangeError(`dist must hold ${POINTS} counts (answers 1..${POINTS})`);
  }
  let n = 0;
  let sum1 = 0;
  let sum2 = 0;
  let easy = 0;
  dist.forEach((count, i) => {
    assertCount(count, `dist[${i}]`);
    const value = i + 1;
    n += count;
    sum1 += count * value;
    sum2 += count * value * value;
    if (value >= 5) easy += count;
  });
  if (n === 0) return { mean: null, n: 0, ci95: null, easyRate: null };
  const mean = sum1 / n;
  const easyRate = easy / n;
  if (n < 2) return { mean, n, ci95: null, easyRate };
  // Integer numerator: exact, so a constant sample gives sd = 0 rather than a tiny negative under the root.
  const sd = Math.sqrt((n * sum2 - sum1 * sum1) / (n * (n - 1)));
  const half = (Z95 * sd) / Math.sqrt(n);
  return { mean, n, ci95: [clamp(mean - half, 1, POINTS), clamp(mean + half, 1, POINTS)], easyRate };
}
