import { twoSidedPValue } from './normal';
import { npsMoments, type NpsCounts } from './nps';
import { assertAtMost, assertCount } from './validate';

/** One sample of a proportion: successes out of n. */
export interface ProportionSample {
  successes: number;
  n: number;
}

/** The outcome of a two-sample test. */
export interface SignificanceResult {
  /** a − b: a rate difference in [−1, 1] or, for NPS, a difference in points in [−200, 200]. */
  diff: number;
  z: number;
  /** Two-sided p-value, in [0, 1]. */
  pValue: number;
  /** pValue < 0.05. */
  significant: boolean;
}

const ALPHA = 0.05;

// An empty sample or a zero standard error carries no evidence of a difference.
const NO_EVIDENCE = (diff: number): SignificanceResult => ({ diff, z: 0, pValue: 1, significant: false });

function result(diff: number, z: number): SignificanceResult {
  const pValue = twoSidedPValue(z);
  return { diff, z, pValue, significant: pValue < ALPHA };
}

/**
 * Pooled two-sided z-test for the difference of two proportions:
 *
 *   diff = xa/na − xb/nb;  p̂ = (xa + xb)/(na + nb);  SE = √(p̂(1 − p̂)(1/na + 1/nb));  z = diff / SE
 *   pValue = 2·(1 − Φ(|z|));  significant = pValue < 0.05
 *
 * Edge cases: SE = 0 (both samples all-failure or all-success) → z = 0, pValue = 1; an empty sample
 * (n = 0) has no rate, so there is nothing to compare → diff = 0, z = 0, pValue = 1. Throws a `RangeError`
 * for a negative or non-integer count or successes > n.
 *
 * @example
 * twoProportionTest({ successes: 60, n: 100 }, { successes: 45, n: 100 });
 * // { diff: 0.15, z: 2.1240…, pValue: 0.0337…, significant: true }
 */
export function twoProportionTest(a: ProportionSample, b: ProportionSample): SignificanceResult {
  for (const [label, s] of [
    ['a', a],
    ['b', b],
  ] as const) {
    assertCount(s.successes, `${label}.successes`);
    assertCount(s.n, `${label}.n`);
    assertAtMost(s.successes, `${label}.successes`, s.n, `${label}.n`);
  }
  if (a.n === 0 || b.n === 0) return NO_EVIDENCE(0);
  // One division of integers, so 60/100 − 45/100 reads 0.15 rather than 0.14999999999999997.
  const diff = (a.successes * b.n - b.successes * a.n) / (a.n * b.n);
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  if (se === 0) return NO_EVIDENCE(diff);
  return result(diff, diff / se);
}

/**
 * Two-sided z-test for the difference of two Net Promoter Scores (unpooled, since the variances differ):
 *
 *   s = p − d and var = p + d − s² per sample (see {@link nps});  diff = 100·(s_a − s_b) in NPS points
 *   z = (s_a − s_b) / √(var_a/n_a + var_b/n_b);  pValue = 2·(1 − Φ(|z|));  significant = pValue < 0.05
 *
 * Edge cases: an empty sample → diff = 0, z = 0, pValue = 1; a zero standard error (each sample unanimous)
 * → z = 0, pValue = 1 with diff still reported, since the normal approximation has nothing to go on.
 * Throws a `RangeError` for a negative or non-integer count.
 *
 * @example
 * npsDifferenceTest({ promoters: 50, passives: 30, detractors: 20 }, { promoters: 40, passives: 30, detractors: 30 });
 * // { diff: 20, z: 1.7541…, pValue: 0.0794…, significant: false }
 */
export function npsDifferenceTest(a: NpsCounts, b: NpsCounts): SignificanceResult {
  const ma = npsMoments(a);
  const mb = npsMoments(b);
  if (ma.n === 0 || mb.n === 0) return NO_EVIDENCE(0);
  // Difference of integer-based points, so 30 − 10 reads 20 rather than 19.999999999999996.
  const diff = (100 * (a.promoters - a.detractors)) / ma.n - (100 * (b.promoters - b.detractors)) / mb.n;
  const se = Math.sqrt(ma.variance / ma.n + mb.variance / mb.n);
  if (se === 0) return NO_EVIDENCE(diff);
  return result(diff, (ma.share - mb.share) / se);
}
