import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Z95, erf, erfc, normalCdf, twoSidedPValue } from './normal';

// Reference values: erfc/erf/Φ evaluated to 20 significant digits in 30-digit arithmetic (mpmath), compared
// by relative error, since the tails matter.
const relClose = (actual: number, expected: number, tolerance = 1e-14): void => {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
};

describe('erfc', () => {
  it.each([
    [0, 1],
    [0.1, 0.8875370839817152],
    [0.46875, 0.507386526782062], // the boundary between Cody's first two intervals
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3.5, 7.430983723414128e-7],
    [4, 1.541725790028002e-8], // the boundary between the second and third intervals
    [4.5, 1.9661604415428876e-10],
    [6, 2.1519736712498913e-17],
    [10, 2.088487583762545e-45],
    [20, 5.395865611607901e-176],
    [-0.3, 1.3286267594591274], // erfc(−x) = 2 − erfc(x)
    [-1, 1.8427007929497148],
    [-5, 1.9999999999984626],
    [27, 0], // past 26.543 the true value (5.2e-319) is below double precision: underflow to 0
  ])('erfc(%d) = %d', (x, expected) => {
    relClose(erfc(x), expected);
  });

  it.each([NaN, Infinity, -Infinity])('rejects %d', (x) => {
    expect(() => erfc(x)).toThrow(RangeError);
  });
});

describe('erf', () => {
  it.each([
    [0, 0],
    [0.1, 0.1124629160182849],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [6, 1],
    [-0.3, -0.32862675945912745], // erf is odd
    [-1, -0.8427007929497149],
    [-5, -0.9999999999984626],
  ])('erf(%d) = %d', (x, expected) => {
    relClose(erf(x), expected);
  });

  it('rejects NaN', () => {
    expect(() => erf(NaN)).toThrow(RangeError);
  });

  it('is odd and bounded by 1 in absolute value', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        expect(erf(-x)).toBe(-erf(x));
        expect(Math.abs(erf(x))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('adds up with erfc to 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        expect(erf(x) + erfc(x)).toBeCloseTo(1, 15);
      }),
    );
  });
});

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145705],
    [Z95, 0.975], // Z95 is Φ⁻¹(0.975) to 16 digits
    [-Z95, 0.025000000000000015],
    [3, 0.9986501019683699],
    [-8, 6.220960574271784e-16], // the lower tail keeps its relative accuracy
    [-10, 7.619853024160525e-24],
  ])('Φ(%d) = %d', (x, expected) => {
    relClose(normalCdf(x), expected);
  });

  it('rejects Infinity', () => {
    expect(() => normalCdf(Infinity)).toThrow(RangeError);
  });

  it('is increasing and symmetric: Φ(x) + Φ(−x) = 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, d) => {
          expect(normalCdf(x + d)).toBeGreaterThanOrEqual(normalCdf(x));
          expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
        },
      ),
    );
  });
});

describe('twoSidedPValue', () => {
  it.each([
    [0, 1],
    [1, 0.3173105078629141],
    [-1, 0.3173105078629141], // two-sided: the sign of z does not matter
    [Z95, 0.05000000000000003],
    [3, 0.002699796063260189],
    [8, 1.2441921148543568e-15],
    [10, 1.523970604832105e-23],
  ])('p(|Z| ≥ |%d|) = %d', (z, expected) => {
    relClose(twoSidedPValue(z), expected);
  });

  it('rejects NaN', () => {
    expect(() => twoSidedPValue(NaN)).toThrow(RangeError);
  });

  it('stays in [0, 1] and falls as |z| grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (z, d) => {
          const p = twoSidedPValue(z);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(twoSidedPValue(z + d)).toBeLessThanOrEqual(p);
        },
      ),
    );
  });
});

it('Z95 is the 97.5th percentile of the standard normal', () => {
  expect(Z95).toBe(1.959963984540054);
  expect(normalCdf(Z95)).toBeCloseTo(0.975, 15);
});
