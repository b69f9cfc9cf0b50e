import { assertCount } from './validate';

/** One row of a Pareto table. */
export interface ParetoEntry {
  key: string;
  count: number;
  /** count / total, in [0, 1]; null when the total is 0. */
  share: number | null;
  /** Σ count up to and including this row / total (the last row is exactly 1); null when the total is 0. */
  cumulativeShare: number | null;
}

/**
 * A Pareto table of counts per key (e.g. complaint reasons): rows sorted by count descending, ties by key
 * ascending (code-unit order, so the result does not depend on a locale), each with
 *
 *   share = count / total;  cumulativeShare = (Σ counts so far) / total
 *
 * Keys with count 0 are kept (share 0) so a table lists every category. Edge cases: no keys → []; every
 * count 0 → one row per key with share and cumulativeShare null, since there is no total to share out.
 * Throws a `RangeError` for a negative or non-integer count.
 *
 * @example
 * pareto({ billing: 3, login: 5, shipping: 2 });
 * // [{ key: 'login', count: 5, share: 0.5, cumulativeShare: 0.5 },
 * //  { key: 'billing', count: 3, share: 0.3, cumulativeShare: 0.8 },
 * //  { key: 'shipping', count: 2, share: 0.2, cumulativeShare: 1 }]
 */
export function pareto(counts: Readonly<Record<string, number>>): ParetoEntry[] {
  const rows = Object.entries(counts);
  for (const [key, count] of rows) assertCount(count, `counts["${key}"]`);
  // Object keys are distinct, so a tie on count always resolves on the key.
  rows.sort(([ka, ca], [kb, cb]) => cb - ca || (ka < kb ? -1 : 1));
  let total = 0;
  for (const [, count] of rows) total += count;
  let running = 0;
  return rows.map(([key, count]) => {
    running += count;
    // Shares are divided from integer sums, so the last cumulative share is exactly 1.
    return total === 0
      ? { key, count, share: null, cumulativeShare: null }
      : { key, count, share: count / total, cumulativeShare: running / total };
  });
}
