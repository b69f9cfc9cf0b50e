import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DURATION_TIERS,
  MAX_DURATION_MINUTES,
  durationBucket,
  medianFromHistogram,
  type HistogramBucket,
} from './durations';
import * as scoring from './index';

/** percentile_cont(0.5) of raw values, worked the textbook way: sort, take the middle one or two. */
function exactMedian(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return ((s[Math.floor(mid)] ?? NaN) + (s[Math.ceil(mid)] ?? NaN)) / 2;
}

/** Raw durations counted into the buckets of durationBucket. */
function histogram(values: readonly number[]): HistogramBucket[] {
  const byLower = new Map<number, HistogramBucket>();
  for (const v of values) {
    const { lower, width } = durationBucket(v);
    const b = byLower.get(lower) ?? { lower, width, count: 0 };
    b.count += 1;
    byLower.set(lower, b);
  }
  return [...byLower.values()];
}

describe('durationBucket', () => {
  it.each([
    // [minutes, lower, width]: each tier's first and last minute, and the boundaries between them
    [0, 0, 1],
    [0.4, 0, 1],
    [42.5, 42, 1],
    [59.999, 59, 1],
    [60, 60, 2],
    [61.9, 60, 2],
    [62, 62, 2],
    [119.99, 118, 2],
    [120, 120, 5],
    [124.9, 120, 5],
    [185, 185, 5],
    [299, 295, 5],
    [300, 300, 10],
    [599, 590, 10],
    [600, 600, 30],
    [1_439, 1_410, 30],
    [1_440, 1_440, 60],
    [2_879, 2_820, 60],
    [2_880, 2_880, 120],
    [7_199, 7_080, 120],
    [7_200, 7_200, 360],
    [14_399, 14_040, 360],
    [14_400, 14_400, 720],
    [28_799, 28_080, 720],
    [28_800, 28_800, 1_440],
    // 100 days and 3 hours: the day it started
    [100 * 1_440 + 180, 144_000, 1_440],
  ])('%d minutes → [%d, +%d)', (minutes, lower, width) => {
    expect(durationBucket(minutes)).toEqual({ lower, width });
  });

  it.each([
    // a first response stamped before the ticket opened: an immediate answer
    [-0.5, 0, 1],
    [-3, 0, 1],
    [-1e9, 0, 1],
    // past 2³¹ − 1 minutes: the last bucket a Postgres integer can name
    [MAX_DURATION_MINUTES, Math.floor(MAX_DURATION_MINUTES / 1_440) * 1_440, 1_440],
    [1e15, Math.floor(MAX_DURATION_MINUTES / 1_440) * 1_440, 1_440],
  ])('clamps %d minutes into [%d, +%d)', (minutes, lower, width) => {
    expect(durationBucket(minutes)).toEqual({ lower, width });
  });

  it.each([NaN, Infinity, -Infinity])('rejects %d', (minutes) => {
    expect(() => durationBucket(minutes)).toThrow(RangeError);
    expect(() => durationBucket(minutes)).toThrow(/minutes must be a finite number/);
  });

  it('starts every tier on a multiple of its width, widening as it goes', () => {
    DURATION_TIERS.forEach((tier, i) => {
      expect(tier.from % tier.width).toBe(0);
      const next = DURATION_TIERS[i + 1];
      if (next) {
        expect(next.from % tier.width).toBe(0);
        expect(next.width).toBeGreaterThan(tier.width);
      }
      // Past an hour a bucket is at most 5% of the shortest duration it holds.
      if (tier.from >= 60) expect(tier.width / tier.from).toBeLessThanOrEqual(0.05);
    });
  });

  it('puts every duration inside its bucket, and keeps the buckets in order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400 * 1_440, noNaN: true }),
        fc.double({ min: 0, max: 400 * 1_440, noNaN: true }),
        (a, b) => {
          const bucket = durationBucket(a);
          expect(bucket.lower).toBeLessThanOrEqual(a);
          expect(a).toBeLessThan(bucket.lower + bucket.width);
          expect(Number.isInteger(bucket.lower)).toBe(true);
          expect(durationBucket(bucket.lower)).toEqual(bucket);
          if (a <= b) expect(durationBucket(a).lower).toBeLessThanOrEqual(durationBucket(b).lower);
        },
      ),
    );
  });
});

describe('medianFromHistogram', () => {
  it.each([
    ['no buckets', [], null],
    ['only empty buckets', [{ lower: 5, width: 1, count: 0 }], null],
    // one observation sits in the middle of its bucket
    ['one observation', [{ lower: 42, width: 1, count: 1 }], 42.5],
    // three spread over [0, 10) at 5/3, 5 and 25/3: the middle one
    ['three in one bucket', [{ lower: 0, width: 10, count: 3 }], 5],
    // four over [0, 8) at 1, 3, 5, 7: ranks 1 and 2 → (3 + 5) / 2
    ['four in one bucket', [{ lower: 0, width: 8, count: 4 }], 4],
    [
      // 2.5, 7.5 | 15: rank 1
      'odd count over two buckets',
      [
        { lower: 0, width: 10, count: 2 },
        { lower: 10, width: 10, count: 1 },
      ],
      7.5,
    ],
    [
      // 61 | 122.5: (61 + 122.5) / 2
      'even count, middle ranks in different buckets',
      [
        { lower: 60, width: 2, count: 1 },
        { lower: 120, width: 5, count: 1 },
      ],
      91.75,
    ],
    [
      // sorted: [10,20) holds 10.5, [30,40) holds 32.5, 37.5, [600,630) holds 615 → ranks 1, 2 = 32.5, 37.5
      'buckets out of order, with an empty one',
      [
        { lower: 600, width: 30, count: 1 },
        { lower: 30, width: 10, count: 2 },
        { lower: 50, width: 10, count: 0 },
        { lower: 10, width: 1, count: 1 },
      ],
      35,
    ],
    [
      // 1 h, 2 h, 4 h, 10 h answered on the minute: 60→[60,62), 120→[120,125), 240→[240,245), 600→[600,630);
      // ranks 1 and 2 at 122.5 and 242.5 → 182.5 min, against the exact 180
      'the metric test’s first responses',
      histogram([60, 120, 240, 600]),
      182.5,
    ],
  ])('%s', (_name, buckets, expected) => {
    const got = medianFromHistogram(buckets);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });

  it.each([
    [[{ lower: 0, width: 1, count: -1 }], /buckets\[0\]\.count must be a non-negative integer/],
    [[{ lower: 0, width: 1, count: 1.5 }], /buckets\[0\]\.count/],
    [[{ lower: -1, width: 1, count: 1 }], /buckets\[0\]\.lower must not be negative/],
    [[{ lower: NaN, width: 1, count: 1 }], /buckets\[0\]\.lower must be a finite number/],
    [[{ lower: 0, width: 0, count: 1 }], /buckets\[0\]\.width must be positive/],
    [[{ lower: 0, width: Infinity, count: 1 }], /buckets\[0\]\.width must be a finite number/],
    [
      [
        { lower: 0, width: 1, count: 1 },
        { lower: 0, width: 1, count: 2 },
      ],
      /buckets overlap: \[0, 1\) and \[0, 1\)/,
    ],
    [
      [
        { lower: 10, width: 10, count: 1 },
        { lower: 0, width: 15, count: 1 },
      ],
      /buckets overlap: \[0, 15\) and \[10, 20\)/,
    ],
  ])('rejects %j', (buckets, message) => {
    expect(() => medianFromHistogram(buckets)).toThrow(RangeError);
    expect(() => medianFromHistogram(buckets)).toThrow(message);
  });

  // Durations from seconds to two months, many of them close together so buckets fill up.
  const durations = fc.array(
    fc.oneof(
      fc.double({ min: 0, max: 90, noNaN: true }),
      fc.double({ min: 0, max: 60 * 1_440, noNaN: true }),
      fc.integer({ min: 0, max: 3_000 }),
    ),
    { minLength: 1, maxLength: 300 },
  );

  it('is within one bucket width (of the middle ranks’ wider bucket) of the exact percentile_cont median', () => {
    fc.assert(
      fc.property(durations, (values) => {
        const got = medianFromHistogram(histogram(values));
        const exact = exactMedian(values);
        const sorted = [...values].sort((a, b) => a - b);
        const upperMiddle = sorted[Math.ceil((sorted.length - 1) / 2)] ?? NaN;
        expect(got).not.toBeNull();
        expect(Math.abs((got ?? NaN) - exact)).toBeLessThanOrEqual(durationBucket(upperMiddle).width);
      }),
    );
  });

  it('is within 5% of the exact median when the middle durations are an hour or longer', () => {
    fc.assert(
      fc.property(durations, (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const lowerMiddle = sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
        fc.pre(lowerMiddle >= 60);
        const exact = exactMedian(values);
        const got = medianFromHistogram(histogram(values)) ?? NaN;
        expect(Math.abs(got - exact)).toBeLessThanOrEqual(0.05 * exact);
      }),
    );
  });

  it('is exported from the package entry', () => {
    expect(scoring.durationBucket).toBe(durationBucket);
    expect(scoring.medianFromHistogram).toBe(medianFromHistogram);
    expect(scoring.DURATION_TIERS).toBe(DURATION_TIERS);
  });
});
