/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan §8.5): each
 * rotation zeroes one off-diagonal pair; sweeps repeat until the off-diagonal mass is negligible. Exact to
 * rounding for the 64×64 covariance matrices used here, with no iteration count to tune (unlike power iteration).
 */
import { runSync, type Sliced } from '../schedule/slices.ts';

export interface Eigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** vectors[k] is the unit eigenvector of values[k]; its largest-magnitude entry is made positive (a fixed sign). */
  vectors: Float64Array[];
}

/** `a`: d×d symmetric, row-major (not modified). */
export function symmetricEigen(a: ArrayLike<number>, d: number, maxSweeps = 60): Eigen {
  return runSync(symmetricEigenSliced(a, d, maxSweeps));
}

/** `symmetricEigen` as a sliced computation (src/lib/schedule/slices.ts): a pause after each row of rotations. */
export function* symmetricEigenSliced(a: ArrayLike<number>, d: number, maxSweeps = 60): Sliced<Eigen> {
  const m = Float64Array.from(a);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  const scale = m.reduce((s, x) => s + x * x, 0) || 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += 2 * m[p * d + q]! ** 2;
    if (off <= 1e-24 * scale) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q]!;
        if (apq === 0) continue;
        const theta = (m[q * d + q]! - m[p * d + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < d; k++) { // columns p, q of m
          const mkp = m[k * d + p]!, mkq = m[k * d + q]!;
          m[k * d + p] = c * mkp - s * mkq;
          m[k * d + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < d; k++) { // rows p, q of m
          const mpk = m[p * d + k]!, mqk = m[q * d + k]!;
          m[p * d + k] = c * mpk - s * mqk;
          m[q * d + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < d; k++) { // accumulate the rotation in v (columns are eigenvectors)
          const vkp = v[k * d + p]!, vkq = v[k * d + q]!;
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
      yield;
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => m[j * d + j]! - m[i * d + i]!);
  const vectors = order.map((col) => {
    const vec = Float64Array.from({ length: d }, (_, k) => v[k * d + col]!);
    let big = 0;
    for (let k = 1; k < d; k++) if (Math.abs(vec[k]!) > Math.abs(vec[big]!) + 1e-12) big = k;
    if (vec[big]! < 0) for (let k = 0; k < d; k++) vec[k] = -vec[k]!;
    return vec;
  });
  return { values: Float64Array.from(order, (i) => m[i * d + i]!), vectors };
}
