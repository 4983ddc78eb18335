/**
 * A small seeded generator (Numerical Recipes LCG constants). Not for statistics: for reproducible
 * demo inputs and test cases, identical in every browser and in Node.
 */
export function lcg(seed: number): () => number {
  let state = (Math.floor(seed) >>> 0) || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `n` values uniform in [lo, hi), from `seed`. */
export function uniform(seed: number, n: number, lo = -1, hi = 1): Float32Array {
  const next = lcg(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * next();
  return out;
}
