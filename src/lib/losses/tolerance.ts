/**
 * How closely the engine's float32 softmax, cross-entropy and gradient must match the float64 oracle.
 * Float32 rounds z/T to a relative 6e-8, so an exponent carries an absolute error of about 1e-7·A where
 * A = max|z|/T; a probability inherits that as a relative error, a loss as an absolute one.
 */
export interface LossTolerance { p: (ref: number) => number; loss: (ref: number) => number; grad: (p: number, q: number) => number }

/** `factor` widens every bound (×10 for real GPUs: FMA, other summation orders, fast exp). */
export function lossTolerance(logits: readonly number[], temperature: number, factor = 1): LossTolerance {
  const a = Math.max(...logits.map(Math.abs)) / temperature;
  const rel = (2e-6 + 4e-7 * a) * factor;
  const p = (ref: number) => 1e-6 * factor + rel * Math.abs(ref);
  return {
    p,
    loss: (ref) => 1e-5 * factor * (1 + Math.abs(ref)) + rel,
    grad: (pRef, q) => (p(pRef) + 1e-6 * factor * Math.abs(q)) / temperature,
  };
}

export interface Mismatch { index: number; got: number; ref: number; tol: number }

/** The entries where |got − ref| > tol(i) (NaN always counts as a mismatch). */
export function mismatches(got: ArrayLike<number>, ref: readonly number[], tol: (i: number) => number): Mismatch[] {
  const out: Mismatch[] = [];
  for (let i = 0; i < ref.length; i++) {
    const g = got[i]!;
    if (!(Math.abs(g - ref[i]!) <= tol(i))) out.push({ index: i, got: g, ref: ref[i]!, tol: tol(i) });
  }
  if (got.length !== ref.length) out.push({ index: -1, got: got.length, ref: ref.length, tol: 0 });
  return out;
}
