import type { Interval } from './interval';
import { Z95 } from './normal';
import { assertCount, clamp } from './validate';

/** NPS answers bucketed: promoters (9–10), passives (7–8), detractors (0–6). */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** Net Promoter Score with its sample size and 95% interval; score and ci95 are null when n = 0. */
export interface NpsResult {
  /** 100 · (promoters − detractors) / n, in [−100, 100]; null when n = 0. */
  score: number | null;
  n: number;
  /** Normal-approximation 95% interval in NPS points, clamped to [−100, 100]; null when n = 0. */
  ci95: Interval | null;
}

/** The sample moments of one NPS sample, as shares (not points). */
export interface NpsMoments {
  n: number;
  /** s = p − d, the score as a share in [−1, 1] (0 when n = 0). */
  share: number;
  /** The per-answer variance p + d − s², where p and d are the promoter and detractor shares (0 when n = 0). */
  variance: number;
}

/**
 * Validates NPS counts and returns n, the score share s = p − d and the per-answer variance
 * var = p + d − s² (each answer scores +1, 0 or −1; this is E[X²] − E[X]²). The variance is computed as
 * ((P + D)·n − (P − D)²) / n² from the integer counts, so it is exact and never negative through rounding.
 * n = 0 → share 0, variance 0. Throws a `RangeError` for a negative or non-integer count.
 *
 * @example
 * npsMoments({ promoters: 50, passives: 30, detractors: 20 }); // { n: 100, share: 0.3, variance: 0.61 }
 */
export function npsMoments(c: NpsCounts): NpsMoments {
  assertCount(c.promoters, 'promoters');
  assertCount(c.passives, 'passives');
  assertCount(c.detractors, 'detractors');
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) return { n: 0, share: 0, variance: 0 };
  const net = c.promoters - c.detractors;
  return { n, share: net / n, variance: ((c.promoters + c.detractors) * n - net * net) / (n * n) };
}

/**
 * Net Promoter Score = 100 · (promoters − detractors) / n, n = promoters + passives + detractors, in
 * [−100, 100]. Interval: with p, d the promoter and detractor shares, s = p − d and var = p + d − s²,
 * score ± z·√(var/n)·100 (z = 1.96), clamped to [−100, 100]. Edge cases: no answers → score and ci95 null;
 * one answer or all answers alike → var = 0, so the interval collapses to the score. Throws a `RangeError`
 * for a negative or non-integer count.
 *
 * @example
 * nps({ promoters: 50, passives: 30, detractors: 20 }); // { score: 30, n: 100, ci95: [14.69…, 45.30…] }
 * nps({ promoters: 0, passives: 0, detractors: 0 }); // { score: null, n: 0, ci95: null }
 */
export function nps(c: NpsCounts): NpsResult {
  const m = npsMoments(c);
  if (m.n === 0) return { score: null, n: 0, ci95: null };
  // From the counts rather than 100·share so that round figures stay exact (50 − 20 of 100 is 30, not 30.000000000000004).
  const score = (100 * (c.promoters - c.detractors)) / m.n;
  const half = Z95 * Math.sqrt(m.variance / m.n) * 100;
  return { score, n: m.n, ci95: [clamp(score - half, -100, 100), clamp(score + half, -100, 100)] };
}
