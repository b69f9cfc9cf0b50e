import { Z95 } from './normal';
import { assertAtMost, assertCount, assertFinite, clamp } from './validate';

/** A confidence interval `[lower, upper]`. */
export type Interval = [number, number];

/**
 * The Wilson score interval for a proportion of `successes` out of `n`:
 *
 *   centre = (x + z²/2) / (n + z²)
 *   half   = z · √(x(n − x)/n + z²/4) / (n + z²)
 *   [centre − half, centre + half], clamped to [0, 1]
 *
 * Unlike the normal (Wald) interval it stays inside [0, 1] and is not degenerate at 0 or n successes,
 * which matters for the small samples a single team produces. Edge cases: n = 0 → [0, 1] (nothing is
 * known); successes = 0 → lower bound exactly 0; successes = n → upper bound exactly 1. Throws a
 * `RangeError` for non-integer or negative counts, successes > n, or a negative or non-finite z.
 *
 * @param z the critical value, 1.959963984540054 for 95% ({@link Z95}).
 * @example
 * wilsonInterval(85, 100); // [0.7672…, 0.9069…]
 * wilsonInterval(0, 0); // [0, 1]
 */
export function wilsonInterval(successes: number, n: number, z: number = Z95): Interval {
  assertCount(successes, 'successes');
  assertCount(n, 'n');
  assertAtMost(successes, 'successes', n, 'n');
  assertFinite(z, 'z');
  if (z < 0) throw new RangeError(`z must not be negative, got ${z}`);
  if (n === 0) return [0, 1];
  const z2 = z * z;
  const centre = (successes + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((successes * (n - successes)) / n + z2 / 4)) / (n + z2);
  // At 0 and n the bounds are exactly 0 and 1 in exact arithmetic; pin them so float error cannot leak.
  const lower = successes === 0 ? 0 : clamp(centre - half, 0, 1);
  const upper = successes === n ? 1 : clamp(centre + half, 0, 1);
  return [lower, upper];
}
