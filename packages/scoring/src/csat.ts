import { rateOf, type RateResult } from './rate-result';
import { assertCount, sum } from './validate';

/** CSAT counts: how many answered the satisfaction question, and how many of them were satisfied. */
export interface CsatCounts {
  satisfied: number;
  total: number;
}

/**
 * Customer satisfaction: rate = satisfied / total (a fraction in [0, 1]) with its 95% Wilson interval.
 * No responses (total = 0) → `{ rate: null, n: 0, ci95: null }`; all satisfied → rate 1 with upper bound
 * exactly 1. Throws a `RangeError` for negative or non-integer counts or satisfied > total.
 *
 * @example
 * csat({ satisfied: 85, total: 100 }); // { rate: 0.85, n: 100, ci95: [0.7672…, 0.9069…] }
 * csat({ satisfied: 0, total: 0 }); // { rate: null, n: 0, ci95: null }
 */
export function csat(c: CsatCounts): RateResult {
  return rateOf(c.satisfied, c.total, 'satisfied', 'total');
}

/**
 * CSAT from a rating distribution: `dist[i]` counts the answers at point i + 1 of the scale (dist[0] is the
 * lowest point), and answers at point `satisfiedFrom` (1-based) or above count as satisfied. For the usual
 * 1–5 scale with 4 and 5 as satisfied: satisfied = dist[3] + dist[4], total = Σ dist. Same result and edge
 * cases as {@link csat}. Throws a `RangeError` for a bad count, an empty distribution, or `satisfiedFrom`
 * that is not an integer in 1..dist.length.
 *
 * @example
 * csatFromDistribution([2, 3, 5, 40, 50], 4); // { rate: 0.9, n: 100, ci95: [0.8256…, 0.9448…] }
 */
export function csatFromDistribution(dist: readonly number[], satisfiedFrom: number): RateResult {
  if (!Array.isArray(dist) || dist.length === 0) {
    throw new RangeError('dist must be a non-empty array of counts, one per scale point');
  }
  dist.forEach((count, i) => assertCount(count, `dist[${i}]`));
  if (!Number.isInteger(satisfiedFrom) || satisfiedFrom < 1 || satisfiedFrom > dist.length) {
    throw new RangeError(
      `satisfiedFrom must be an integer in 1..${dist.length}, got ${String(satisfiedFrom)}`,
    );
  }
  return csat({ satisfied: sum(dist.slice(satisfiedFrom - 1)), total: sum(dist) });
}
