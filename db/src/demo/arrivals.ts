import { DAY, HOUR, hourOf, weekdayOf } from './calendar';
import type { Random } from './random';

/** Piecewise-constant ticket intensity over the hours of the demo period. */
export interface ArrivalModel {
  start: number;
  end: number;
  /** Running total of the intensity at the end of each hour bucket; the last entry is the total. */
  cumulative: Float64Array;
}

// Days when support is quiet in the demo region (month-day, UTC).
const QUIET_DAYS = new Map<string, number>([
  ['12-24', 0.6],
  ['12-25', 0.3],
  ['12-26', 0.5],
  ['12-31', 0.5],
  ['01-01', 0.3],
  ['01-02', 0.6],
]);

/**
 * Volume grows mildly over the period, about a quarter from the first hour to the last.
 *
 * @example
 * growthAt(1) / growthAt(0); // 1.27
 */
export function growthAt(fraction: number): number {
  return 0.88 + 0.24 * fraction;
}

function quietFactor(ms: number): number {
  const date = new Date(ms);
  const key = `${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
  return QUIET_DAYS.get(key) ?? 1;
}

/**
 * Builds the intensity of ticket arrivals over [start, end): the weekly shape (total weight per hour
 * of the week, index weekday × 24 + hour, Sunday = 0), mild growth, and quiet holidays.
 *
 * @example
 * const model = createArrivalModel(Date.UTC(2025, 10, 23), Date.UTC(2026, 10, 23), weeklyTotals);
 * model.cumulative.length; // 8,760 hourly buckets
 */
export function createArrivalModel(
  start: number,
  end: number,
  hourOfWeekTotals: readonly number[],
): ArrivalModel {
  const buckets = Math.max(1, Math.ceil((end - start) / HOUR));
  const cumulative = new Float64Array(buckets);
  let total = 0;
  let dayStart = Number.NaN;
  let quiet = 1;
  for (let k = 0; k < buckets; k++) {
    const from = start + k * HOUR;
    const length = Math.min(HOUR, end - from);
    const day = Math.floor(from / DAY);
    if (day !== dayStart) {
      dayStart = day;
      quiet = quietFactor(from);
    }
    const weekly = hourOfWeekTotals[weekdayOf(from) * 24 + hourOf(from)] ?? 0;
    const middle = (from + length / 2 - start) / (end - start);
    total += weekly * growthAt(middle) * quiet * (length / HOUR);
    cumulative[k] = total;
  }
  return { start, end, cumulative };
}

/**
 * Yields `count` arrival instants (epoch ms, whole seconds) in ascending order, distributed as the
 * model's intensity, keeping O(1) state: it draws the order statistics of `count` uniforms from the
 * largest down (U₍ₖ₎ = U₍ₖ₊₁₎ · V^(1/k)) and reflects them (1 − U), which ascends, then maps each
 * through the inverse of the cumulative intensity. So 200,000 tickets come out already sorted,
 * without ever holding 200,000 timestamps.
 *
 * @example
 * for (const at of arrivalTimes(model, 3, createRandom(1))) console.log(new Date(at));
 */
export function* arrivalTimes(model: ArrivalModel, count: number, random: Random): Generator<number> {
  const { start, end, cumulative } = model;
  const total = cumulative[cumulative.length - 1] ?? 0;
  let largest = 1;
  let bucket = 0;
  for (let k = count; k >= 1; k--) {
    // 1 - next() is in (0, 1]: never a zero that would pin every later draw.
    largest *= Math.pow(1 - random.next(), 1 / k);
    const target = (1 - largest) * total;
    while (bucket < cumulative.length - 1 && (cumulative[bucket] ?? 0) <= target) bucket++;
    const before = bucket === 0 ? 0 : (cumulative[bucket - 1] ?? 0);
    const weight = (cumulative[bucket] ?? 0) - before;
    const from = start + bucket * HOUR;
    const within = weight > 0 ? ((target - before) / weight) * Math.min(HOUR, end - from) : 0;
    const at = Math.floor((from + within) / 1000) * 1000;
    yield Math.min(end - 1000, Math.max(start, at));
  }
}
