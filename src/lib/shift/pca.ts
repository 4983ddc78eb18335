/**
 * Principal component analysis of feature vectors (rows), down to two dimensions for a scatter plot: centre,
 * form the d×d covariance, take its two leading eigenvectors (eigen.ts), project. Float64 throughout.
 */
import { symmetricEigenSliced } from './eigen.ts';
import { runSync, type Sliced } from '../schedule/slices.ts';

export interface Pca {
  mean: Float64Array;
  /** The leading unit directions, largest variance first. */
  components: Float64Array[];
  /** Variance along each component, and the share of the total variance it holds. */
  variances: number[];
  explained: number[];
}

/** Fits on `n` rows of length `d` (row-major); `k` components (default 2). */
export function fitPca(x: ArrayLike<number>, n: number, d: number, k = 2): Pca {
  return runSync(fitPcaSliced(x, n, d, k));
}

/** `fitPca` as a sliced computation (src/lib/schedule/slices.ts). */
export function* fitPcaSliced(x: ArrayLike<number>, n: number, d: number, k = 2): Sliced<Pca> {
  if (n < 2) throw new Error(`PCA needs at least 2 points, got ${n}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += x[i * d + j]! / n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = x[i * d + j]! - mean[j]!;
    for (let a = 0; a < d; a++) {
      const ra = row[a]!;
      if (ra === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b]! += ra * row[b]!;
    }
    if (i % 8 === 7) yield;
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const c = cov[a * d + b]! / (n - 1);
      cov[a * d + b] = c;
      cov[b * d + a] = c;
    }
  }
  const { values, vectors } = yield* symmetricEigenSliced(cov, d);
  let total = 0;
  for (let j = 0; j < d; j++) total += cov[j * d + j]!;
  const variances = Array.from(values.subarray(0, k), (v) => Math.max(0, v));
  return { mean, components: vectors.slice(0, k), variances, explained: variances.map((v) => (total > 0 ? v / total : 0)) };
}

/** Coordinates of `n` rows on the fitted components: [n × k], row-major. */
export function project(pca: Pca, x: ArrayLike<number>, n: number): Float64Array {
  const d = pca.mean.length;
  const k = pca.components.length;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const w = pca.components[c]!;
      let s = 0;
      for (let j = 0; j < d; j++) s += (x[i * d + j]! - pca.mean[j]!) * w[j]!;
      out[i * k + c] = s;
    }
  }
  return out;
}
