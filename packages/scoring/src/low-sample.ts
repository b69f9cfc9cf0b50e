import { assertCount } from './validate';

/** The sample size below which reports flag a figure as unreliable. */
export const LOW_SAMPLE_MIN = 30;

/**
 * Whether a sample is too small to read much into: n < min (default 30). n = 0 is low. Throws a
 * `RangeError` when n is not a non-negative integer or min is not a non-negative integer.
 *
 * @example
 * lowSample(12); // true
 * lowSample(30); // false
 * lowSample(8, 5); // false
 */
export function lowSample(n: number, min: number = LOW_SAMPLE_MIN): boolean {
  assertCount(n, 'n');
  assertCount(min, 'min');
  return n < min;
}
