/**
 * Softmax with temperature, in float64, the stable way: subtract the largest scaled logit before `exp`, so
 * the largest term is exp(0) = 1 and nothing overflows (Goodfellow et al., 2016, §4.1). The naive version
 * is kept beside it because the book shows readers where it breaks.
 */

/** Logits divided by the temperature T > 0 (T = 1 leaves them as they are). */
export function scale(logits: readonly number[], temperature = 1): number[] {
  return logits.map((z) => z / temperature);
}

/** log Σ exp(x_i), computed as m + log Σ exp(x_i − m) with m = max x_i: finite for any finite x. */
export function logSumExp(x: readonly number[]): number {
  const m = Math.max(...x);
  let s = 0;
  for (const v of x) s += Math.exp(v - m);
  return m + Math.log(s);
}

/** log softmax(z / T)_i = z_i/T − logSumExp(z/T): finite even where softmax itself underflows to 0. */
export function logSoftmax(logits: readonly number[], temperature = 1): number[] {
  const x = scale(logits, temperature);
  const lse = logSumExp(x);
  return x.map((v) => v - lse);
}

/** softmax(z / T): probabilities that are positive (or 0 after underflow) and sum to 1. */
export function softmax(logits: readonly number[], temperature = 1): number[] {
  const x = scale(logits, temperature);
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/**
 * The textbook formula exp(x_i) / Σ exp(x_j) without the shift, in float64 or (with `float32`) rounded
 * to float32 after every step as a GPU would: overflows to ∞/∞ = NaN once some x_i > 88.7 (float32) or
 * > 709.8 (float64), and to 0/0 = NaN when every x_i < −103 (float32) or < −745 (float64).
 */
export function naiveSoftmax(logits: readonly number[], temperature = 1, float32 = false): number[] {
  const r = float32 ? Math.fround : (v: number) => v;
  const e = logits.map((z) => r(Math.exp(r(r(z) / r(temperature)))));
  const s = e.reduce((a, b) => r(a + b), 0);
  return e.map((v) => r(v / s));
}

/** The largest |x| for which exp(x) is still finite: ln(max float). */
export const EXP_LIMIT = { float32: Math.log(3.4028234663852886e38), float64: Math.log(Number.MAX_VALUE) } as const;
