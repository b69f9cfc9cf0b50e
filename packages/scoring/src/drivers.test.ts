import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correlationFromSums,
  fisherInterval,
  keyDrivers,
  type CorrelationSums,
  type DriverRow,
} from './drivers';
import { Z95 } from './normal';

const row = (overall: number | null, drivers: Record<string, number | null>): DriverRow => ({
  overall,
  drivers,
});

describe('keyDrivers', () => {
  it('returns nothing for no rows', () => {
    expect(keyDrivers([])).toEqual([]);
  });

  it('correlates each driver with the overall rating and sorts by |r|', () => {
    // overall 1, 2, 3 (mean 2, deviations −1, 0, 1, Σ dy² = 2)
    // speed 1, 2, 3: Σdxdy = 2, Σdx² = 2 → r = 2/√4 = 1
    // tone 3, 1, 2: deviations 1, −1, 0; Σdxdy = −1, Σdx² = 2 → r = −1/2
    // wait 5, 5, 5: zero variance → null
    const result = keyDrivers([
      row(1, { speed: 1, tone: 3, wait: 5 }),
      row(2, { speed: 2, tone: 1, wait: 5 }),
      row(3, { speed: 3, tone: 2, wait: 5 }),
    ]);
    expect(result).toEqual([
      { driver: 'speed', r: 1, n: 3 },
      { driver: 'tone', r: -0.5, n: 3 },
      { driver: 'wait', r: null, n: 3 },
    ]);
  });

  it('uses pairwise-complete rows per driver', () => {
    // a: rows 1–4 complete → overall 1, 2, 4, 5 vs a 2, 4, 8, 10 (a = 2·overall) → r = 1, n = 4
    // b: row 2 skipped (null) and row 5 skipped (overall null) → overall 1, 4, 5 vs b 5, 2, 2:
    //    overall deviations −7/3, 2/3, 5/3 (Σ² = 78/9); b deviations 2, −1, −1 (Σ² = 6);
    //    Σdxdy = (−14 − 2 − 5)/3 = −7 → r = −7/√(6·78/9) = −7/√52 = −0.9707
    // c: only two complete rows → null
    const rows = [
      row(1, { a: 2, b: 5, c: 1 }),
      row(2, { a: 4, b: null }),
      row(4, { a: 8, b: 2 }),
      row(5, { a: 10, b: 2, c: 3 }),
      row(null, { a: 1, b: 9, c: 2 }),
    ];
    const result = keyDrivers(rows);
    expect(result.map((r) => [r.driver, r.n])).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 2],
    ]);
    expect(result[0]!.r).toBeCloseTo(1, 15);
    expect(result[1]!.r).toBeCloseTo(-7 / Math.sqrt(52), 14);
    expect(result[2]!.r).toBeNull();
  });

  it('lists drivers that were never answered with n 0, and a constant overall gives null for all', () => {
    const result = keyDrivers([
      row(4, { x: 1, never: null }),
      row(4, { x: 2 }),
      row(4, { x: 3, never: null }),
    ]);
    expect(result).toEqual([
      { driver: 'never', r: null, n: 0 },
      { driver: 'x', r: null, n: 3 },
    ]);
  });

  it('breaks |r| ties by driver name, positives and negatives alike', () => {
    const result = keyDrivers([
      row(1, { up: 1, down: 3 }),
      row(2, { up: 2, down: 2 }),
      row(3, { up: 3, down: 1 }),
    ]);
    expect(result).toEqual([
      { driver: 'down', r: -1, n: 3 },
      { driver: 'up', r: 1, n: 3 },
    ]);
  });

  it('stays accurate for ratings with a large common offset', () => {
    // the same data as 'speed' above shifted by 1e9: a one-pass formula would lose it to cancellation
    const big = 1e9;
    const result = keyDrivers([
      row(big + 1, { s: big + 1 }),
      row(big + 2, { s: big + 2 }),
      row(big + 3, { s: big + 3 }),
    ]);
    expect(result[0]!.r).toBe(1);
  });

  it.each([
    [[row(NaN, { a: 1 })], /rows\[0\]\.overall must be a finite number/],
    [[row(1, { a: 1 }), row(2, { a: Infinity })], /rows\[1\]\.drivers\["a"\] must be a finite number/],
  ])('rejects non-finite ratings', (rows, message) => {
    expect(() => keyDrivers(rows)).toThrow(RangeError);
    expect(() => keyDrivers(rows)).toThrow(message);
  });

  it('keeps r in [−1, 1] and sorts by |r| descending with nulls last', () => {
    const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    const rows = fc.array(
      fc.record({ overall: rating, drivers: fc.record({ a: rating, b: rating, c: rating }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(rows, (rs) => {
        const result = keyDrivers(rs);
        let seenNull = false;
        for (let i = 0; i < result.length; i++) {
          const { r } = result[i]!;
          if (r === null) {
            seenNull = true;
            continue;
          }
          expect(seenNull).toBe(false);
          expect(Math.abs(r)).toBeLessThanOrEqual(1);
          if (i > 0) expect(Math.abs(r)).toBeLessThanOrEqual(Math.abs(result[i - 1]!.r!));
        }
      }),
    );
  });
});

/** The sums a rollup keeps for some (x, y) pairs. */
const sumsOf = (pairs: readonly (readonly [number, number])[]): CorrelationSums => {
  const s = { n: pairs.length, sumX: 0, sumY: 0, sumXx: 0, sumYy: 0, sumXy: 0 };
  for (const [x, y] of pairs) {
    s.sumX += x;
    s.sumY += y;
    s.sumXx += x * x;
    s.sumYy += y * y;
    s.sumXy += x * y;
  }
  return s;
};

describe('correlationFromSums', () => {
  it.each([
    // (x, y) pairs → Sxy = n·Σxy − ΣxΣy, Sxx = n·Σx² − (Σx)², Syy likewise; r = Sxy/√(Sxx·Syy)
    // no pairs, or two: too few
    ['no pairs', [], null, null],
    [
      'two pairs',
      [
        [1, 1],
        [2, 2],
      ],
      null,
      null,
    ],
    // (1,1), (2,2), (3,3): Sxy = 3·14 − 36 = 6 = Sxx = Syy → exactly 1; n = 3 has no interval
    [
      'a line',
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
      1,
      null,
    ],
    // x 3, 1, 2 against y 1, 2, 3: Σxy = 11 → Sxy = 33 − 36 = −3, Sxx = Syy = 6 → −0.5
    [
      "keyDrivers' tone",
      [
        [3, 1],
        [1, 2],
        [2, 3],
      ],
      -0.5,
      null,
    ],
    // x constant: Sxx = 3·48 − 144 = 0
    [
      'a constant driver',
      [
        [4, 1],
        [4, 2],
        [4, 5],
      ],
      null,
      null,
    ],
    // y constant: Syy = 0
    [
      'a constant overall rating',
      [
        [1, 5],
        [2, 5],
        [3, 5],
      ],
      null,
      null,
    ],
    // (1,2), (2,1), (3,4), (4,3): Σxy = 28, Σx² = Σy² = 30 → Sxy = 112 − 100 = 12, Sxx = Syy = 20 → 0.6;
    // z = atanh 0.6 = ½ ln(1.6/0.4) = ln 2, se = 1/√1 → [tanh(ln 2 − 1.96), tanh(ln 2 + 1.96)]
    [
      'four pairs',
      [
        [1, 2],
        [2, 1],
        [3, 4],
        [4, 3],
      ],
      0.6,
      [-0.8529325646947181, 0.9901277107996944],
    ],
    // x 1..5 against y 5..1: on a falling line → −1 and the interval [−1, −1]
    [
      'a falling line',
      [
        [1, 5],
        [2, 4],
        [3, 3],
        [4, 2],
        [5, 1],
      ],
      -1,
      [-1, -1],
    ],
    // x 1, 2, 3, 4, 5 against y 1, 3, 2, 5, 4: Σxy = 1 + 6 + 6 + 20 + 20 = 53, Σx = Σy = 15, Σx² = Σy² = 55
    // → Sxy = 265 − 225 = 40, Sxx = Syy = 275 − 225 = 50 → 0.8; z = atanh 0.8 = ½ ln 9 = ln 3, se = 1/√2
    [
      'five pairs',
      [
        [1, 1],
        [2, 3],
        [3, 2],
        [4, 5],
        [5, 4],
      ],
      0.8,
      [Math.tanh(Math.log(3) - Z95 / Math.SQRT2), Math.tanh(Math.log(3) + Z95 / Math.SQRT2)],
    ],
  ] as [string, [number, number][], number | null, [number, number] | null][])('%s', (_, pairs, r, ci95) => {
    const result = correlationFromSums(sumsOf(pairs));
    expect(result.n).toBe(pairs.length);
    if (r === null) expect(result.r).toBeNull();
    else expect(result.r).toBeCloseTo(r, 15);
    if (ci95 === null) expect(result.ci95).toBeNull();
    else {
      expect(result.ci95?.[0]).toBeCloseTo(ci95[0], 14);
      expect(result.ci95?.[1]).toBeCloseTo(ci95[1], 14);
    }
  });

  it('is exact for perfect correlations of many pairs, where floating sums would not be', () => {
    // 10 million pairs y = x on a 1–5 scale: Sxy = Sxx = Syy, each near 2·10¹⁴ — still exact in integers.
    const n = 10_000_000;
    const per = n / 5;
    const sumX = per * 15;
    const sumXx = per * 55;
    expect(correlationFromSums({ n, sumX, sumY: sumX, sumXx, sumYy: sumXx, sumXy: sumXx })).toEqual({
      r: 1,
      ci95: [1, 1],
      n,
    });
    expect(
      correlationFromSums({ n, sumX, sumY: 6 * n - sumX, sumXx, sumYy: sumXx, sumXy: 6 * sumX - sumXx }).r,
    ).toBe(-1);
  });

  it.each([
    [{ n: -1, sumX: 0, sumY: 0, sumXx: 0, sumYy: 0, sumXy: 0 }, /n must be a non-negative integer/],
    [{ n: 3, sumX: 1.5, sumY: 0, sumXx: 0, sumYy: 0, sumXy: 0 }, /sumX must be a whole number/],
    [{ n: 3, sumX: 6, sumY: 6, sumXx: 14, sumYy: 14, sumXy: Number.NaN }, /sumXy must be a whole number/],
    // Σx² = 10 < (Σx)²/n = 12: no real pairs have these sums
    [{ n: 3, sumX: 6, sumY: 6, sumXx: 10, sumYy: 14, sumXy: 12 }, /cannot come from real pairs/],
    // Sxx = Syy = 6 but Sxy = 3·20 − 36 = 24 > 6: |r| would be 4
    [{ n: 3, sumX: 6, sumY: 6, sumXx: 14, sumYy: 14, sumXy: 20 }, /cannot come from real pairs/],
  ])('rejects %j', (sums, message) => {
    expect(() => correlationFromSums(sums)).toThrow(RangeError);
    expect(() => correlationFromSums(sums)).toThrow(message);
  });

  it('equals keyDrivers on the same rows, and its interval holds r', () => {
    const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    const rows = fc.array(fc.record({ overall: rating, drivers: fc.record({ a: rating, b: rating }) }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(rows, (rs: DriverRow[]) => {
        for (const { driver, r, n } of keyDrivers(rs)) {
          const pairs = rs.flatMap((row): [number, number][] => {
            const x = row.drivers[driver];
            return x === null || x === undefined || row.overall === null ? [] : [[x, row.overall]];
          });
          const fromSums = correlationFromSums(sumsOf(pairs));
          expect(fromSums.n).toBe(n);
          if (r === null) expect(fromSums.r).toBeNull();
          else expect(fromSums.r).toBeCloseTo(r, 12);
          const ci = fromSums.ci95;
          if (fromSums.r === null || n < 4) expect(ci).toBeNull();
          else {
            expect(ci?.[0]).toBeGreaterThanOrEqual(-1);
            expect(ci?.[0]).toBeLessThanOrEqual(fromSums.r);
            expect(ci?.[1]).toBeGreaterThanOrEqual(fromSums.r);
            expect(ci?.[1]).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});

describe('fisherInterval', () => {
  it.each([
    [null, 100, null],
    [0.5, 3, null],
    [1, 4, [1, 1]],
    [-1, 10, [-1, -1]],
    // z = atanh 0 = 0, se = 1/√100 → ±tanh(1.96/10)
    [0, 103, [-Math.tanh(Z95 / 10), Math.tanh(Z95 / 10)]],
  ] as [number | null, number, [number, number] | null][])('r %s over %s pairs → %j', (r, n, want) => {
    const ci = fisherInterval(r, n);
    if (want === null) expect(ci).toBeNull();
    else {
      expect(ci?.[0]).toBeCloseTo(want[0], 15);
      expect(ci?.[1]).toBeCloseTo(want[1], 15);
    }
  });

  it('narrows as n grows and stays inside [−1, 1]', () => {
    const [a, b] = fisherInterval(0.9999999, 5) ?? [0, 0];
    expect(a).toBeGreaterThanOrEqual(-1);
    expect(b).toBeLessThanOrEqual(1);
    const wide = fisherInterval(0.3, 20) ?? [0, 0];
    const narrow = fisherInterval(0.3, 2000) ?? [0, 0];
    expect(narrow[1] - narrow[0]).toBeLessThan(wide[1] - wide[0]);
  });

  it.each([
    [1.5, 10, /r must be in \[-1, 1\]/],
    [Number.NaN, 10, /r must be a finite number/],
    [0.5, 2.5, /n must be a non-negative integer/],
  ])('rejects r %s, n %s', (r, n, message) => {
    expect(() => fisherInterval(r, n)).toThrow(RangeError);
    expect(() => fisherInterval(r, n)).toThrow(message);
  });
});
