import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ces } from './ces';

describe('ces', () => {
  it.each([
    // no answers
    [[0, 0, 0, 0, 0, 0, 0], null, 0, null, null],
    // a single answer: mean = the answer, no interval
    [[0, 0, 0, 0, 0, 0, 1], 7, 1, null, 1],
    [[1, 0, 0, 0, 0, 0, 0], 1, 1, null, 0],
    [[0, 0, 0, 1, 0, 0, 0], 4, 1, null, 0],
    // answers 5, 6, 6, 7: mean 6, sd = √((1 + 0 + 0 + 1)/3) = 0.8165, half = 1.96·0.8165/2 = 0.8002
    [[0, 0, 0, 0, 1, 2, 1], 6, 4, [5.199848053940782, 6.800151946059218], 1],
    // all alike (five 3s): sd 0, the interval is the mean
    [[0, 0, 5, 0, 0, 0, 0], 3, 5, [3, 3], 0],
    // answers 4 and 5: mean 4.5, sd = √0.5 = 0.7071, half = 1.96·0.7071/√2 = 0.98
    [[0, 0, 0, 1, 1, 0, 0], 4.5, 2, [3.520018007729973, 5.479981992270027], 0.5],
    // 1 and 7: mean 4, sd = √18 = 4.243, half = 1.96·4.243/√2 = 5.88 → [−1.88, 9.88] clamped to the scale
    [[1, 0, 0, 0, 0, 0, 1], 4, 2, [1, 7], 0.5],
    // 50 answers: Σx = 2 + 2 + 9 + 16 + 50 + 120 + 70 = 269, mean 5.38; Σx² = 1557,
    // sd = √((50·1557 − 269²)/(50·49)) = 1.4968, half = 1.96·1.4968/√50 = 0.4149; easy = (10 + 20 + 10)/50 = 0.8
    [[2, 1, 3, 4, 10, 20, 10], 5.38, 50, [4.965116023429908, 5.794883976570092], 0.8],
  ])('ces(%j) → mean %d, n %i, ci95 %j, easyRate %d', (dist, mean, n, ci95, easyRate) => {
    const result = ces(dist);
    expect(result.n).toBe(n);
    if (mean === null) expect(result.mean).toBeNull();
    else expect(result.mean).toBeCloseTo(mean, 14);
    expect(result.easyRate).toBe(easyRate);
    if (ci95 === null) expect(result.ci95).toBeNull();
    else {
      expect(result.ci95![0]).toBeCloseTo(ci95[0]!, 13);
      expect(result.ci95![1]).toBeCloseTo(ci95[1]!, 13);
    }
  });

  it.each([
    [[0, 0, 0, 0, 0, 0], /7 counts/],
    [[0, 0, 0, 0, 0, 0, 0, 0], /7 counts/],
    [[0, 0, -1, 0, 0, 0, 0], /dist\[2\] must be a non-negative integer/],
    [[0, 0, 0, 0, 0, 0, 0.5], /dist\[6\]/],
  ])('rejects %j', (dist, message) => {
    expect(() => ces(dist)).toThrow(RangeError);
    expect(() => ces(dist)).toThrow(message);
  });

  it('keeps the mean in [1, 7] inside its interval, and easyRate in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 7, maxLength: 7 }), (dist) => {
        const { mean, ci95, easyRate, n } = ces(dist);
        if (n === 0) return expect(mean).toBeNull();
        expect(mean!).toBeGreaterThanOrEqual(1);
        expect(mean!).toBeLessThanOrEqual(7);
        expect(easyRate!).toBeGreaterThanOrEqual(0);
        expect(easyRate!).toBeLessThanOrEqual(1);
        if (n < 2) return expect(ci95).toBeNull();
        expect(ci95![0]).toBeGreaterThanOrEqual(1);
        expect(ci95![1]).toBeLessThanOrEqual(7);
        expect(ci95![0]).toBeLessThanOrEqual(mean! + 1e-12);
        expect(ci95![1]).toBeGreaterThanOrEqual(mean! - 1e-12);
      }),
    );
  });
});
