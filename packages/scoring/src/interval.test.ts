import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './interval';

// centre = (x + z²/2)/(n + z²), half = z·√(x(n − x)/n + z²/4)/(n + z²), with z = 1.959963984540054 (z² = 3.841459)
describe('wilsonInterval', () => {
  it.each([
    // n = 0: nothing is known
    [0, 0, 0, 1],
    // x = n = 10: centre = 11.920730/13.841459 = 0.861234, half = 1.96·√0.960365/13.841459 = 0.138766
    [10, 10, 0.7224672001371109, 1],
    // x = 0 mirrors x = n: [0, 1 − 0.722467]
    [0, 10, 0, 0.2775327998628892],
    // x = 85, n = 100: centre = 86.920730/103.841459 = 0.837053, half = 1.96·√(12.75 + 0.960365)/103.841459 = 0.069888
    [85, 100, 0.7671644040916763, 0.9069401471634336],
    // a single answer, satisfied: upper exactly 1, lower = 1/(1 + z²) = 0.206549
    [1, 1, 0.20654931437723742, 1],
    [0, 1, 0, 0.7934506856227626],
    // x = n/2 is symmetric about 0.5
    [1, 2, 0.09453120573423072, 0.9054687942657693],
    [5, 10, 0.236593090512564, 0.763406909487436],
    [7, 9, 0.4525889691069889, 0.9367748928821533],
  ])('wilsonInterval(%i, %i) = [%d, %d]', (x, n, lower, upper) => {
    const [lo, hi] = wilsonInterval(x, n);
    expect(lo).toBeCloseTo(lower, 14);
    expect(hi).toBeCloseTo(upper, 14);
  });

  it('pins the bounds to exactly 0 and 1 at the extremes (no float residue)', () => {
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it.each([
    // z = 1 (68%): centre = 5.5/11 = 0.5, half = √(2.5 + 0.25)/11 = 0.150756
    [5, 10, 1, 0.3492443277111182, 0.6507556722888818],
    // z = 2.5758 (99%): centre = 6.317449/10.634897 = 0.594030, half = 2.5758·√(0.75 + 1.658724)/10.634897 = 0.375904
    [3, 4, 2.5758293035489004, 0.21812572203931788, 0.969934404451047],
    // z = 0 collapses to the point estimate
    [3, 4, 0, 0.75, 0.75],
  ])('wilsonInterval(%i, %i, z = %d) = [%d, %d]', (x, n, z, lower, upper) => {
    const [lo, hi] = wilsonInterval(x, n, z);
    expect(lo).toBeCloseTo(lower, 14);
    expect(hi).toBeCloseTo(upper, 14);
  });

  it.each([
    [-1, 10, undefined, /successes must be a non-negative integer/],
    [1.5, 10, undefined, /successes must be a non-negative integer/],
    [NaN, 10, undefined, /successes/],
    [1, Infinity, undefined, /n must be a non-negative integer/],
    [1, -2, undefined, /n must be a non-negative integer/],
    [11, 10, undefined, /successes \(11\) cannot exceed n \(10\)/],
    [1, 10, -1, /z must not be negative/],
    [1, 10, NaN, /z must be a finite number/],
  ])('rejects wilsonInterval(%d, %d, %d)', (x, n, z, message) => {
    expect(() => wilsonInterval(x, n, z)).toThrow(RangeError);
    expect(() => wilsonInterval(x, n, z)).toThrow(message);
  });

  it('always contains its point estimate and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0, max: 5, noNaN: true }),
        ([x, n], z) => {
          const [lo, hi] = wilsonInterval(x, n, z);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(x / n + 1e-15);
          expect(hi).toBeGreaterThanOrEqual(x / n - 1e-15);
        },
      ),
    );
  });

  it('narrows as the sample grows at the same rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 2, max: 50 }), (x, k) => {
        const n = 100;
        const [lo1, hi1] = wilsonInterval(x, n);
        const [lo2, hi2] = wilsonInterval(x * k, n * k);
        expect(hi2 - lo2).toBeLessThan(hi1 - lo1);
      }),
    );
  });
});
