/** Agreement between two reviewers scoring the same items. */
export interface KappaResult {
  /** (po − pe)/(1 − pe), in [−1, 1]; null when n = 0. */
  kappa: number | null;
  /** po = share of pairs where both reviewers gave the same answer; null when n = 0. */
  observedAgreement: number | null;
  /** pe = Σ over categories of (share of reviewer A) · (share of reviewer B); null when n = 0. */
  expectedAgreement: number | null;
  n: number;
}

/** A category a reviewer can give: a label or a number (compared with SameValueZero, so 1 and '1' differ). */
export type KappaCategory = string | number;

/**
 * Cohen's kappa for two reviewers' answers to the same items (calibration of audit reviewers), one
 * `[reviewerA, reviewerB]` pair per item:
 *
 *   po = agreements / n;  pe = Σₖ (aₖ/n)(bₖ/n), aₖ and bₖ the number of times each reviewer chose k
 *   kappa = (po − pe) / (1 − pe)
 *
 * computed from the integer counts as (n·agreements − Σaₖbₖ)/(n² − Σaₖbₖ). Edge cases: no pairs → kappa,
 * po and pe null; pe = 1 (both reviewers always gave one and the same answer, so po = 1 too) → kappa = 1,
 * since the reviewers agree perfectly even though chance would have predicted it. Throws a `RangeError` for
 * a pair that is not two strings or finite numbers.
 *
 * @example
 * cohenKappa([['pass', 'pass'], ['pass', 'fail'], ['fail', 'fail'], ['fail', 'fail']]);
 * // { kappa: 0.5, observedAgreement: 0.75, expectedAgreement: 0.5, n: 4 }
 */
export function cohenKappa(pairs: readonly (readonly [KappaCategory, KappaCategory])[]): KappaResult {
  const a = new Map<KappaCategory, number>();
  const b = new Map<KappaCategory, number>();
  let agreements = 0;
  pairs.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new RangeError(`pairs[${i}] must be a [reviewerA, reviewerB] pair`);
    for (const value of pair) {
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
        throw new RangeError(`pairs[${i}] must hold strings or finite numbers, got ${String(value)}`);
      }
    }
    const [x, y] = pair;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
    if (x === y) agreements++;
  });
  const n = pairs.length;
  if (n === 0) return { kappa: null, observedAgreement: null, expectedAgreement: null, n: 0 };
  let chance = 0;
  for (const [category, count] of a) chance += count * (b.get(category) ?? 0);
  const nn = n * n;
  const kappa = chance === nn ? 1 : (n * agreements - chance) / (nn - chance);
  return { kappa, observedAgreement: agreements / n, expectedAgreement: chance / nn, n };
}
