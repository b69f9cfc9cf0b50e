import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npsDifferenceTest, twoProportionTest } from './significance';

describe('twoProportionTest', () => {
  it.each([
    // p̂ = 105/200 = 0.525; SE = √(0.525·0.475·(2/100)) = 0.070622; z = 0.15/0.070622 = 2.1240
    [60, 100, 45, 100, 0.15, 2.123976976214366, 0.033672068856345834],
    // swapping the samples flips diff and z, not the p-value
    [45, 100, 60, 100, -0.15, -2.123976976214366, 0.033672068856345834],
    // p̂ = 0.3; SE = √(0.21·0.04) = 0.091652; z = −0.2/0.091652 = −2.1822
    [10, 50, 20, 50, -0.2, -2.1821789023599236, 0.029096331741252215],
    // p̂ = 35/50 = 0.7; SE = √(0.21·(1/40 + 1/10)) = 0.162019; z = 0.25/0.162019 = 1.5430
    [30, 40, 5, 10, 0.25, 1.5430334996209192, 0.12282264810139253],
    // p̂ = 0.4; SE = √(0.24·(1/2 + 1/3)) = 0.447214; z = (1/6)/0.447214 = 0.3727
    [1, 2, 1, 3, 1 / 6, 0.37267799624996495, 0.7093881150142264],
    [200, 1000, 240, 1000, -0.04, -2.159167585437652, 0.030837167828904236],
    // equal rates
    [5, 10, 5, 10, 0, 0, 1],
  ])('%i/%i vs %i/%i → diff %d, z %d, p %d', (xa, na, xb, nb, diff, z, pValue) => {
    const result = twoProportionTest({ successes: xa, n: na }, { successes: xb, n: nb });
    expect(result.diff).toBeCloseTo(diff, 15);
    expect(result.z).toBeCloseTo(z, 12);
    expect(result.pValue).toBeCloseTo(pValue, 12);
    expect(result.significant).toBe(pValue < 0.05);
  });

  it.each([
    // pooled SE = 0: both all-failure, both all-success
    [0, 50, 0, 80],
    [50, 50, 80, 80],
    // an empty sample has no rate to compare
    [0, 0, 5, 10],
    [3, 10, 0, 0],
    [0, 0, 0, 0],
  ])('%i/%i vs %i/%i has no evidence: z 0, p 1', (xa, na, xb, nb) => {
    expect(twoProportionTest({ successes: xa, n: na }, { successes: xb, n: nb })).toEqual({
      diff: 0,
      z: 0,
      pValue: 1,
      significant: false,
    });
  });

  it('reports an exact diff from the counts', () => {
    expect(twoProportionTest({ successes: 60, n: 100 }, { successes: 45, n: 100 }).diff).toBe(0.15);
  });

  it.each([
    [{ successes: 11, n: 10 }, { successes: 1, n: 10 }, /a\.successes \(11\) cannot exceed a\.n \(10\)/],
    [{ successes: 1, n: 10 }, { successes: -1, n: 10 }, /b\.successes must be a non-negative integer/],
    [{ successes: 1, n: 10.5 }, { successes: 1, n: 10 }, /a\.n must be a non-negative integer/],
  ])('rejects %j vs %j', (a, b, message) => {
    expect(() => twoProportionTest(a, b)).toThrow(RangeError);
    expect(() => twoProportionTest(a, b)).toThrow(message);
  });

  const sample = fc
    .integer({ min: 1, max: 5000 })
    .chain((n) => fc.record({ successes: fc.integer({ min: 0, max: n }), n: fc.constant(n) }));

  it('is antisymmetric, with p in [0, 1] and significant exactly when p < 0.05', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = twoProportionTest(a, b);
        const ba = twoProportionTest(b, a);
        expect(ab.diff).toBeCloseTo(-ba.diff, 15);
        expect(ab.z).toBeCloseTo(-ba.z, 12);
        expect(ab.pValue).toBe(ba.pValue);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        expect(ab.significant).toBe(ab.pValue < 0.05);
      }),
    );
  });
});

describe('npsDifferenceTest', () => {
  it.each([
    // s_a = 0.3, var_a = 0.61; s_b = 0.1, var_b = 0.7 − 0.01 = 0.69; z = 0.2/√(0.0061 + 0.0069) = 1.7541
    [[50, 30, 20], [40, 30, 30], 20, 1.7541160386140584, 0.07941062599894223],
    // s_a = 0.4, var_a = 0.8 − 0.16 = 0.64; s_b = −0.1, var_b = 0.7 − 0.01 = 0.69; z = 0.5/√0.0133 = 4.3355
    [[60, 20, 20], [30, 30, 40], 50, 4.3355498476206, 0.000014539621983584399],
    // n = 10 each: s = ±0.3, var = 0.61; z = 0.6/√0.122 = 1.7178
    [[5, 3, 2], [2, 3, 5], 60, 1.7177950029416047, 0.08583401331843707],
    // var_a = 0 (one promoter); s_b = −0.5, var_b = 0.25; z = 1.5/√(0.25/2) = 4.2426
    [[1, 0, 0], [0, 1, 1], 150, 4.242640687119285, 0.00002209049699858544],
  ])('%j vs %j → diff %d points, z %d, p %d', (a, b, diff, z, pValue) => {
    const [pa, qa, da] = a as [number, number, number];
    const [pb, qb, db] = b as [number, number, number];
    const result = npsDifferenceTest(
      { promoters: pa, passives: qa, detractors: da },
      { promoters: pb, passives: qb, detractors: db },
    );
    expect(result.diff).toBeCloseTo(diff, 12);
    expect(result.z).toBeCloseTo(z, 12);
    expect(result.pValue).toBeCloseTo(pValue, 12);
    expect(result.significant).toBe(pValue < 0.05);
  });

  it('reports whole-point differences exactly', () => {
    const a = { promoters: 50, passives: 30, detractors: 20 };
    const b = { promoters: 40, passives: 30, detractors: 30 };
    expect(npsDifferenceTest(a, b).diff).toBe(20);
  });

  it.each([
    // zero standard error: each sample unanimous; the difference is still reported
    [[3, 0, 0], [0, 0, 4], 200],
    [[0, 2, 0], [0, 5, 0], 0],
    // an empty sample
    [[0, 0, 0], [1, 2, 3], 0],
    [[1, 2, 3], [0, 0, 0], 0],
  ])('%j vs %j has no evidence: diff %d, z 0, p 1', (a, b, diff) => {
    const [pa, qa, da] = a as [number, number, number];
    const [pb, qb, db] = b as [number, number, number];
    expect(
      npsDifferenceTest(
        { promoters: pa, passives: qa, detractors: da },
        { promoters: pb, passives: qb, detractors: db },
      ),
    ).toEqual({ diff, z: 0, pValue: 1, significant: false });
  });

  it('rejects bad counts', () => {
    expect(() =>
      npsDifferenceTest(
        { promoters: 1, passives: 0, detractors: 0 },
        { promoters: -1, passives: 0, detractors: 0 },
      ),
    ).toThrow(RangeError);
  });

  const counts = fc.record({
    promoters: fc.integer({ min: 0, max: 2000 }),
    passives: fc.integer({ min: 0, max: 2000 }),
    detractors: fc.integer({ min: 0, max: 2000 }),
  });

  it('keeps diff in [−200, 200] and p in [0, 1], antisymmetric', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const ab = npsDifferenceTest(a, b);
        const ba = npsDifferenceTest(b, a);
        expect(Math.abs(ab.diff)).toBeLessThanOrEqual(200);
        expect(ab.diff).toBeCloseTo(-ba.diff, 10);
        expect(ab.z).toBeCloseTo(-ba.z, 10);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
