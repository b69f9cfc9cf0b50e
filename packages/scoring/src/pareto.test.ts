import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pareto } from './pareto';

describe('pareto', () => {
  it.each([
    ['empty input', {}, []],
    [
      // total 10: 5/10, 3/10, 2/10; cumulative 0.5, 0.8, 1
      'three reasons',
      { billing: 3, login: 5, shipping: 2 },
      [
        { key: 'login', count: 5, share: 0.5, cumulativeShare: 0.5 },
        { key: 'billing', count: 3, share: 0.3, cumulativeShare: 0.8 },
        { key: 'shipping', count: 2, share: 0.2, cumulativeShare: 1 },
      ],
    ],
    [
      // ties by key ascending (code-unit order: 'Zeta' < 'alpha' < 'beta'); a zero count is kept with share 0
      'ties and zeros',
      { beta: 2, alpha: 2, none: 0, Zeta: 2, top: 4 },
      [
        { key: 'top', count: 4, share: 0.4, cumulativeShare: 0.4 },
        { key: 'Zeta', count: 2, share: 0.2, cumulativeShare: 0.6 },
        { key: 'alpha', count: 2, share: 0.2, cumulativeShare: 0.8 },
        { key: 'beta', count: 2, share: 0.2, cumulativeShare: 1 },
        { key: 'none', count: 0, share: 0, cumulativeShare: 1 },
      ],
    ],
    [
      // every count 0: no total to share out
      'all zero',
      { b: 0, a: 0 },
      [
        { key: 'a', count: 0, share: null, cumulativeShare: null },
        { key: 'b', count: 0, share: null, cumulativeShare: null },
      ],
    ],
    ['a single key', { only: 7 }, [{ key: 'only', count: 7, share: 1, cumulativeShare: 1 }]],
  ])('%s', (_name, counts, expected) => {
    const rows = pareto(counts);
    expect(rows.map((r) => [r.key, r.count])).toEqual(expected.map((r) => [r.key, r.count]));
    rows.forEach((row, i) => {
      const want = expected[i]!;
      if (want.share === null) expect(row.share).toBeNull();
      else expect(row.share).toBeCloseTo(want.share, 15);
      if (want.cumulativeShare === null) expect(row.cumulativeShare).toBeNull();
      else expect(row.cumulativeShare).toBeCloseTo(want.cumulativeShare, 15);
    });
  });

  it.each([
    [{ a: -1 }, /counts\["a"\] must be a non-negative integer/],
    [{ a: 1, b: 1.5 }, /counts\["b"\]/],
    [{ a: NaN }, /counts\["a"\]/],
  ])('rejects %j', (counts, message) => {
    expect(() => pareto(counts)).toThrow(RangeError);
    expect(() => pareto(counts)).toThrow(message);
  });

  // Small counts, so ties are common.
  it('sorts descending, keeps every key, and ends at a cumulative share of exactly 1', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer({ min: 0, max: 20 })), (counts) => {
        const rows = pareto(counts);
        expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(counts).sort());
        for (let i = 1; i < rows.length; i++) {
          expect(rows[i]!.count).toBeLessThanOrEqual(rows[i - 1]!.count);
          if (rows[i]!.count === rows[i - 1]!.count) expect(rows[i - 1]!.key < rows[i]!.key).toBe(true);
          if (rows[i]!.cumulativeShare !== null) {
            expect(rows[i]!.cumulativeShare!).toBeGreaterThanOrEqual(rows[i - 1]!.cumulativeShare!);
          }
        }
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        if (rows.length > 0 && total > 0) expect(rows.at(-1)!.cumulativeShare).toBe(1);
      }),
    );
  });
});
