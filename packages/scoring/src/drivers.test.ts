import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyDrivers, type DriverRow } from './drivers';

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
