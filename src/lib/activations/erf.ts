/**
 * The error function in float64, for GELU's exact form x·Φ(x). JavaScript has no Math.erf. Maclaurin series
 * where it converges quickly (|x| < 2.5, cancellation costs < 1e-13), and a continued fraction for erfc beyond,
 * where the series would lose digits. Tested against published values to 1e-14.
 */
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

function erfSeries(x: number): number {
  // erf x = 2/√π · Σ (−1)^n x^(2n+1) / (n! (2n+1))
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let n = 1; n < 100; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * sum;
}

/** erfc(x) for x ≥ 2.5 by Lentz's method on the continued fraction e^(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))). */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a < 2.5) return erfSeries(x);
  const v = 1 - erfcFraction(a);
  return x < 0 ? -v : v;
}

/** The standard normal CDF Φ(x) = ½(1 + erf(x/√2)), with the tail taken from erfc to keep relative accuracy. */
export function normalCdf(x: number): number {
  const z = -x / Math.SQRT2;
  if (z >= 2.5) return 0.5 * erfcFraction(z);
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
