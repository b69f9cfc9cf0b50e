import { assertFinite } from './validate';

/** The two-sided 95% critical value of the standard normal distribution, Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–638,
// as in Netlib SPECFUN CALERF: the published 18-digit coefficients, written as the doubles they round to.
// Relative error below 1e-15 over the whole real line, far below the 1e-9 the reports need in p-values.
// Each table lists a polynomial's coefficients from the highest power down, for Horner's rule; evaluated
// this way the operations are exactly those of Cody's loops.
// erf(x) ≈ x·N(x²)/D(x²) for |x| ≤ 0.46875.
const SMALL_NUM = [
  0.18577770618460315, 3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694,
];
const SMALL_DEN = [1, 23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
// erfc(y) ≈ e^(−y²)·N(y)/D(y) for 0.46875 < y ≤ 4.
const MID_NUM = [
  2.1531153547440383e-8, 0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001,
  881.952221241769, 1712.0476126340707, 2051.0783778260716, 1230.3393547979972,
];
const MID_DEN = [
  1, 15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
// erfc(y) ≈ e^(−y²)·(1/√π − y⁻²·N(y⁻²)/D(y⁻²))/y for y > 4.
const LARGE_NUM = [
  0.016315387137302097, 0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
  0.0006587491615298378,
];
const LARGE_DEN = [
  1, 2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];
const ONE_OVER_SQRT_PI = 0.5641895835477563;
// Beyond this erfc(x) underflows to 0 in double precision.
const X_BIG = 26.543;

/** Σ cᵢ·x^(k−i) for coefficients c₀…c_k, highest power first (Horner's rule). */
function polynomial(coefficients: readonly number[], x: number): number {
  let result = 0;
  for (const c of coefficients) result = result * x + c;
  return result;
}

/** erf(x) for |x| ≤ 0.46875, where the direct rational approximation is most accurate. */
function erfSmall(x: number): number {
  const t = x * x;
  return (x * polynomial(SMALL_NUM, t)) / polynomial(SMALL_DEN, t);
}

/** exp(−y²) computed as exp(−a²)·exp(−(y−a)(y+a)) with a = y rounded down to 1/16, to avoid cancellation. */
function expMinusSquare(y: number): number {
  const a = Math.trunc(y * 16) / 16;
  return Math.exp(-a * a) * Math.exp(-(y - a) * (y + a));
}

/** erfc(y) for y > 0.46875. */
function erfcLarge(y: number): number {
  if (y <= 4) return (expMinusSquare(y) * polynomial(MID_NUM, y)) / polynomial(MID_DEN, y);
  if (y >= X_BIG) return 0;
  const t = 1 / (y * y);
  const r = (t * polynomial(LARGE_NUM, t)) / polynomial(LARGE_DEN, t);
  return (expMinusSquare(y) * (ONE_OVER_SQRT_PI - r)) / y;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x) = (2/√π)∫ₓ^∞ e^(−t²) dt, by W. J. Cody's rational
 * Chebyshev approximation (relative error < 1e-15). erfc(−x) = 2 − erfc(x); erfc(x) = 0 for x ≥ 26.543
 * (underflow). Throws a `RangeError` for NaN or ±Infinity.
 *
 * @example
 * erfc(0); // 1
 * erfc(1); // ≈ 0.157299207050285
 */
export function erfc(x: number): number {
  assertFinite(x, 'x');
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const upper = erfcLarge(y);
  return x < 0 ? 2 - upper : upper;
}

/**
 * The error function erf(x) = (2/√π)∫₀ˣ e^(−t²) dt, by the same approximation as {@link erfc}; odd, in
 * [−1, 1]. Throws a `RangeError` for NaN or ±Infinity.
 *
 * @example
 * erf(0); // 0
 * erf(1); // ≈ 0.842700792949715
 */
export function erf(x: number): number {
  assertFinite(x, 'x');
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  const value = 1 - erfcLarge(y);
  return x < 0 ? -value : value;
}

/**
 * The standard normal cumulative distribution Φ(x) = P(Z ≤ x) = erfc(−x/√2)/2. Computed through erfc
 * so that the lower tail keeps its relative accuracy (Φ(−10) ≈ 7.6e-24, not 0). Throws a `RangeError`
 * for NaN or ±Infinity.
 *
 * @example
 * normalCdf(0); // 0.5
 * normalCdf(1.959963984540054); // ≈ 0.975
 */
export function normalCdf(x: number): number {
  assertFinite(x, 'x');
  return erfc(-x / Math.SQRT2) / 2;
}

/**
 * The two-sided p-value of a z statistic: P(|Z| ≥ |z|) = 2·(1 − Φ(|z|)) = erfc(|z|/√2). z = 0 gives 1;
 * large |z| gives values down to 0 (underflow past |z| ≈ 37.5). Throws a `RangeError` for NaN or ±Infinity.
 *
 * @example
 * twoSidedPValue(0); // 1
 * twoSidedPValue(1.959963984540054); // ≈ 0.05
 */
export function twoSidedPValue(z: number): number {
  assertFinite(z, 'z');
  return erfc(Math.abs(z) / Math.SQRT2);
}
