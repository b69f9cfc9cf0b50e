import { wilsonInterval, type Interval } from './interval';
import { assertAtMost, assertCount } from './validate';

/** A proportion with its sample size and 95% Wilson interval; `rate` and `ci95` are null when n = 0. */
export interface RateResult {
  /** successes / n, in [0, 1]; null when n = 0. */
  rate: number | null;
  /** The denominator. */
  n: number;
  /** The 95% Wilson interval; null when n = 0. */
  ci95: Interval | null;
}

/**
 * The shared shape of every count-based rate: rate = successes / n with its 95% Wilson interval.
 * n = 0 → `{ rate: null, n: 0, ci95: null }` (never NaN). Throws a `RangeError` for non-integer or
 * negative counts or successes > n; the names are used in the message.
 *
 * @example
 * rateOf(17, 20, 'resolved', 'total'); // { rate: 0.85, n: 20, ci95: [0.6396…, 0.9476…] }
 */
export function rateOf(successes: number, n: number, successName: string, totalName: string): RateResult {
  assertCount(successes, successName);
  assertCount(n, totalName);
  assertAtMost(successes, successName, n, totalName);
  if (n === 0) return { rate: null, n: 0, ci95: null };
  return { rate: successes / n, n, ci95: wilsonInterval(successes, n) };
}
