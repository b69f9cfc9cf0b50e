import { assertCount, assertFinite } from './validate';

/** One width of bucket, from `from` minutes up to the next tier's `from`. */
export interface DurationTier {
  /** Where the tier starts, in minutes; a multiple of `width`, so no bucket straddles two tiers. */
  from: number;
  /** Bucket width in minutes. */
  width: number;
}

/**
 * The bucket widths of a duration histogram, by tier: minutes under an hour; then widths of at most
 * 5% of the tier's start (2 min to 2 h, 5 min to 5 h, 10 min to 10 h, 30 min to a day, 1 h to two
 * days, 2 h to five days, 6 h to ten days, 12 h to twenty days, a day beyond). About 300 buckets
 * cover the first twenty days. The SQL that fills `ticket_duration_rollups` is generated from this
 * table, so the two cannot drift apart.
 */
export const DURATION_TIERS: readonly DurationTier[] = [
  { from: 0, width: 1 },
  { from: 60, width: 2 },
  { from: 120, width: 5 },
  { from: 300, width: 10 },
  { from: 600, width: 30 },
  { from: 1_440, width: 60 },
  { from: 2_880, width: 120 },
  { from: 7_200, width: 360 },
  { from: 14_400, width: 720 },
  { from: 28_800, width: 1_440 },
];

/**
 * The longest duration counted as itself, in minutes (2³¹ − 1, about 4,000 years), so a bucket's
 * lower bound always fits a Postgres integer; anything longer is a clock error and lands in its bucket.
 */
export const MAX_DURATION_MINUTES = 2_147_483_647;

/** A histogram bucket: durations in [lower, lower + width) minutes. */
export interface DurationBucket {
  lower: number;
  width: number;
}

/**
 * The histogram bucket of a duration in minutes: with the tier `t` it falls in (see {@link DURATION_TIERS}),
 *
 *   lower = ⌊m / t.width⌋ · t.width,  width = t.width,  m = min(max(minutes, 0), MAX_DURATION_MINUTES)
 *
 * A negative duration (a helpdesk whose clocks disagree answered "before" the ticket opened) is
 * clamped to 0: it counts as an immediate answer, in the first bucket. Past one hour a bucket is at
 * most 5% as wide as the durations it holds, which bounds the relative error of a median read from
 * the histogram (see {@link medianFromHistogram}). Throws a `RangeError` for NaN or ±Infinity.
 *
 * @example
 * durationBucket(42.5); // { lower: 42, width: 1 }
 * durationBucket(185); // { lower: 185, width: 5 }   (3 h 5 min)
 * durationBucket(-3); // { lower: 0, width: 1 }
 */
export function durationBucket(minutes: number): DurationBucket {
  assertFinite(minutes, 'minutes');
  const m = Math.min(Math.max(minutes, 0), MAX_DURATION_MINUTES);
  let width = 1;
  for (const tier of DURATION_TIERS) if (m >= tier.from) width = tier.width;
  return { lower: Math.floor(m / width) * width, width };
}

/** One bucket of a histogram with its number of observations. */
export interface HistogramBucket extends DurationBucket {
  count: number;
}

/**
 * The median of a histogram, with `percentile_cont(0.5)` semantics: of n observations sorted, the
 * one at rank (n − 1)/2, or the mean of the two middle ones when n is even. Inside a bucket the
 * observations are taken to be spread evenly: the j-th (0-based) of `count` in [lower, lower + width)
 * sits at
 *
 *   lower + (j + ½) · width / count
 *
 * so the estimate of each middle rank lies in the bucket holding the true value, and the median is
 * within one bucket width of the exact one (the wider of the middle ranks' buckets); with the buckets
 * of {@link durationBucket} that is within 5% of it when the middle durations are an hour or longer. Buckets may come in any order; zero
 * counts are allowed. Edge cases: no buckets or every count 0 → null. Throws a `RangeError` for a
 * negative or non-integer count, a negative or non-finite lower bound, a width that is not positive
 * and finite, or buckets that overlap.
 *
 * @example
 * medianFromHistogram([
 *   { lower: 0, width: 10, count: 2 }, // spread at 2.5 and 7.5
 *   { lower: 10, width: 10, count: 1 }, // at 15
 * ]); // 7.5
 * medianFromHistogram([{ lower: 60, width: 2, count: 1 }, { lower: 120, width: 5, count: 1 }]); // (61 + 122.5) / 2 = 91.75
 * medianFromHistogram([]); // null
 */
export function medianFromHistogram(buckets: readonly HistogramBucket[]): number | null {
  buckets.forEach((b, i) => {
    assertFinite(b.lower, `buckets[${i}].lower`);
    if (b.lower < 0) throw new RangeError(`buckets[${i}].lower must not be negative, got ${b.lower}`);
    assertFinite(b.width, `buckets[${i}].width`);
    if (b.width <= 0) throw new RangeError(`buckets[${i}].width must be positive, got ${b.width}`);
    assertCount(b.count, `buckets[${i}].count`);
  });
  const sorted = [...buckets].sort((a, b) => a.lower - b.lower);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i] as HistogramBucket;
    const previous = sorted[i - 1];
    if (previous && b.lower < previous.lower + previous.width) {
      throw new RangeError(
        `buckets overlap: [${previous.lower}, ${previous.lower + previous.width}) and [${b.lower}, ${b.lower + b.width})`,
      );
    }
    n += b.count;
  }
  if (n === 0) return null;

  /** The spread value of the observation at 0-based rank `rank`; rank < n = Σ count, so the walk ends inside the list. */
  const valueAt = (rank: number): number => {
    let below = 0;
    let b = sorted[0] as HistogramBucket;
    for (let i = 1; rank >= below + b.count; i++) {
      below += b.count;
      b = sorted[i] as HistogramBucket;
    }
    return b.lower + ((rank - below + 0.5) * b.width) / b.count;
  };
  const lo = Math.floor((n - 1) / 2);
  const hi = Math.ceil((n - 1) / 2);
  return lo === hi ? valueAt(lo) : (valueAt(lo) + valueAt(hi)) / 2;
}
