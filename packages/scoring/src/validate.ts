// Input guards shared by every metric. Metrics are computed from integer counts, so a fraction, a
// negative number, NaN or Infinity is a bug upstream: fail loudly rather than return a plausible number.

/**
 * Throws a `RangeError` unless `value` is a non-negative safe integer (a count).
 *
 * @example
 * assertCount(3, 'total'); // ok
 * assertCount(-1, 'total'); // RangeError: total must be a non-negative integer, got -1
 */
export function assertCount(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/**
 * Throws a `RangeError` unless `value` is a finite number.
 *
 * @example
 * assertFinite(2.5, 'baseline'); // ok
 * assertFinite(NaN, 'baseline'); // RangeError: baseline must be a finite number, got NaN
 */
export function assertFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/**
 * Throws a `RangeError` unless `part ≤ whole` (e.g. successes ≤ n); both are assumed to be valid counts.
 *
 * @example
 * assertAtMost(3, 'satisfied', 5, 'total'); // ok
 * assertAtMost(6, 'satisfied', 5, 'total'); // RangeError: satisfied (6) cannot exceed total (5)
 */
export function assertAtMost(part: number, partName: string, whole: number, wholeName: string): void {
  if (part > whole) {
    throw new RangeError(`${partName} (${part}) cannot exceed ${wholeName} (${whole})`);
  }
}

/**
 * Throws a `RangeError` unless `value` is a `Date` holding a valid instant.
 *
 * @example
 * assertDate(new Date('2026-01-01T00:00:00Z'), 'now'); // ok
 * assertDate(new Date('nope'), 'now'); // RangeError: now must be a valid Date
 */
export function assertDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

/**
 * Σ values, 0 for an empty list.
 *
 * @example
 * sum([1, 2, 3]); // 6
 */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * `value` clamped to `[min, max]`: min(max, max(min, value)).
 *
 * @example
 * clamp(1.0000000000000002, 0, 1); // 1
 */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
