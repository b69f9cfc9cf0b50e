import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, type KappaCategory } from './kappa';

type Pair = [KappaCategory, KappaCategory];

describe('cohenKappa', () => {
  it.each<[string, Pair[], number | null, number | null, number | null]>([
    ['no pairs', [], null, null, null],
    [
      // agree 3/4; A: pass 2, fail 2; B: pass 1, fail 3; pe = (2·1 + 2·3)/16 = 0.5; κ = (0.75 − 0.5)/0.5
      'pass/fail calibration',
      [
        ['pass', 'pass'],
        ['pass', 'fail'],
        ['fail', 'fail'],
        ['fail', 'fail'],
      ],
      0.5,
      0.75,
      0.5,
    ],
    [
      // always the same single answer: pe = 1, po = 1 → κ = 1 by convention
      'one category, full agreement',
      [
        ['pass', 'pass'],
        ['pass', 'pass'],
      ],
      1,
      1,
      1,
    ],
    ['a single pair', [[3, 3]], 1, 1, 1],
    [
      // perfect disagreement on two categories: po = 0, pe = (1·1 + 1·1)/4 = 0.5; κ = −0.5/0.5 = −1
      'systematic disagreement',
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
      -1,
      0,
      0.5,
    ],
    [
      // 1–3 ratings: agree on 3 of 5 → po = 0.6; A: 1×2, 2×2, 3×1; B: 1×1, 2×2, 3×2;
      // pe = (2·1 + 2·2 + 1·2)/25 = 8/25; κ = (5·3 − 8)/(25 − 8) = 7/17
      'numeric ratings',
      [
        [1, 1],
        [1, 2],
        [2, 2],
        [2, 3],
        [3, 3],
      ],
      7 / 17,
      0.6,
      0.32,
    ],
    [
      // chance-level agreement: A always 'x', B half 'x' → po = 0.5, pe = (2·1)/4 = 0.5, κ = 0
      'chance level',
      [
        ['x', 'x'],
        ['x', 'y'],
      ],
      0,
      0.5,
      0.5,
    ],
    [
      // 1 and '1' are different answers: po = 0, pe = 0 (no shared category) → κ = 0
      'numbers and strings do not mix',
      [[1, '1']],
      0,
      0,
      0,
    ],
  ])('%s', (_name, pairs, kappa, po, pe) => {
    const result = cohenKappa(pairs);
    expect(result).toEqual({ kappa, observedAgreement: po, expectedAgreement: pe, n: pairs.length });
  });

  it.each([
    [[['a']], /pairs\[0\] must be a \[reviewerA, reviewerB\] pair/],
    [[['a', 'b', 'c']], /pairs\[0\]/],
    [[['a', 'a'], 'ab'], /pairs\[1\] must be a \[reviewerA, reviewerB\] pair/],
    [[[NaN, 1]], /pairs\[0\] must hold strings or finite numbers/],
    [[[1, null]], /pairs\[0\] must hold strings or finite numbers/],
  ])('rejects %j', (pairs, message) => {
    expect(() => cohenKappa(pairs as unknown as Pair[])).toThrow(RangeError);
    expect(() => cohenKappa(pairs as unknown as Pair[])).toThrow(message);
  });

  it('stays in [−1, 1], is symmetric in the reviewers, and is 1 for identical answers', () => {
    const answer = fc.constantFrom('pass', 'fail', 'na', 1, 2, 3);
    fc.assert(
      fc.property(fc.array(fc.tuple(answer, answer), { minLength: 1, maxLength: 60 }), (pairs) => {
        const { kappa, observedAgreement, expectedAgreement } = cohenKappa(pairs);
        expect(kappa!).toBeGreaterThanOrEqual(-1);
        expect(kappa!).toBeLessThanOrEqual(1);
        expect(observedAgreement!).toBeGreaterThanOrEqual(0);
        expect(expectedAgreement!).toBeLessThanOrEqual(1);
        expect(cohenKappa(pairs.map(([a, b]) => [b, a] as Pair)).kappa).toBeCloseTo(kappa!, 14);
        expect(cohenKappa(pairs.map(([a]) => [a, a] as Pair)).kappa).toBe(1);
      }),
    );
  });
});
