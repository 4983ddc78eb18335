/**
 * One format for all of a kernel's weights, so a reader never compares `3/128` with `0.0625` in the same grid:
 * integers when every weight is one; else short decimals when every weight has one (`0.25`, `-0.05`); else
 * fractions over one common denominator when the kernel is defined that way (the 5×5 Gaussian is integers
 * over 256, so every cell reads `n/256`); else each weight's shortest round-tripping decimal.
 * Every text parses back (parseWeight) to exactly the same number, so grid → attribute → grid never drifts.
 */

/** The largest common denominator shown: the 7×7 binomial Gaussian is integers over 64² = 4096. */
export const MAX_DENOMINATOR = 4096;
/** A decimal at most this long (sign excluded) counts as short: `0.0625` yes, `0.015625` no. */
const SHORT = 6;

const isShortDecimal = (v: number) => String(v).replace('-', '').length <= SHORT;

/** The smallest d ≤ MAX_DENOMINATOR with round(v·d)/d === v exactly, or null. */
export function denominatorOf(v: number): number | null {
  for (let d = 1; d <= MAX_DENOMINATOR; d++) if (Math.round(v * d) / d === v) return d;
  return null;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The common denominator of all weights, or null when some weight has none small enough. n/d and (n·k)/(d·k)
 * are the same rational, and IEEE division rounds the exact quotient, so scaling up keeps every value exact.
 */
export function commonDenominator(values: readonly number[]): number | null {
  let l = 1;
  for (const v of values) {
    const d = denominatorOf(v);
    if (d === null) return null;
    l = (l / gcd(l, d)) * d;
    if (l > MAX_DENOMINATOR) return null;
  }
  return l;
}

export type WeightFormat = { kind: 'integer' } | { kind: 'decimal' } | { kind: 'fraction'; denominator: number } | { kind: 'shortest' };

/** The one format a kernel's cells are written in (see the module comment for the order of preference). */
export function weightFormat(values: readonly number[]): WeightFormat {
  if (values.every(Number.isInteger)) return { kind: 'integer' };
  if (values.every(isShortDecimal)) return { kind: 'decimal' };
  const d = commonDenominator(values);
  return d === null ? { kind: 'shortest' } : { kind: 'fraction', denominator: d };
}

/** Every weight written in the kernel's one format; a zero is `0` in every format. */
export function formatWeights(values: readonly number[]): string[] {
  const f = weightFormat(values);
  return values.map((v) => (v === 0 ? '0' : f.kind === 'fraction' ? `${Math.round(v * f.denominator)}/${f.denominator}` : String(v)));
}
