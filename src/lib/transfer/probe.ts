/**
 * A linear probe: multinomial logistic regression on frozen features, in plain TypeScript (float64), so the
 * same features give the same probe on every backend. Features are standardised on the training rows and
 * scaled by 1/√d, so one L2 strength means the same for a 64-wide layer and a 6,272-wide one.
 *
 * Training is full-batch gradient descent from W = 0 with a fixed step 1/L (L bounds the loss's curvature)
 * and a fixed number of steps. Every gradient XᵀG/n + λW lies in the span of the n training rows, so W stays
 * Xᵀ·A and we iterate on the n×k coefficients A through the n×n Gram matrix K = XXᵀ: the same iterates as
 * gradient descent on W, at n²k instead of ndk per step (n ≈ 100 rows, d up to 6,272 here).
 */
import { runSync, type Sliced } from '../schedule/slices.ts';

export interface ProbeOptions { classes: number; steps?: number; l2?: number }

export interface Probe {
  /** Predicted class of each of `n` rows (raw features, standardised here as the training rows were). */
  predict(x: ArrayLike<number>, n: number): Int32Array;
  /** `predict` as a sliced computation. */
  predictSliced(x: ArrayLike<number>, n: number): Sliced<Int32Array>;
  /** Weights [d × k] and biases [k] on the standardised, scaled features (what `predict` applies). */
  weights: Float64Array;
  bias: Float64Array;
  trainAccuracy: number;
  finalLoss: number;
}

export const PROBE_DEFAULTS = { steps: 300, l2: 1e-3 };

export function trainProbe(x: ArrayLike<number>, n: number, d: number, labels: ArrayLike<number>, o: ProbeOptions): Probe {
  return runSync(trainProbeSliced(x, n, d, labels, o));
}

/** `trainProbe` as a sliced computation (src/lib/schedule/slices.ts): the same probe, with pauses between rows and steps. */
export function* trainProbeSliced(x: ArrayLike<number>, n: number, d: number, labels: ArrayLike<number>, o: ProbeOptions): Sliced<Probe> {
  const k = o.classes, steps = o.steps ?? PROBE_DEFAULTS.steps, l2 = o.l2 ?? PROBE_DEFAULTS.l2;
  const { mean, scale } = yield* standardiserSliced(x, n, d);
  const z = yield* standardise(x, n, d, mean, scale);
  // Gram matrix of the rows with a constant 1 appended (the bias is the coefficient of that feature).
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 1;
      for (let t = 0; t < d; t++) s += z[i * d + t]! * z[j * d + t]!;
      K[i * n + j] = s;
      K[j * n + i] = s;
    }
    yield;
  }
  // Softmax cross-entropy's Hessian is at most ½·XᵀX/n (+ λ) in every direction.
  const eta = 1 / ((0.5 * (yield* largestEigenvalueSliced(K, n))) / n + l2);
  const A = new Float64Array(n * k);
  const logits = new Float64Array(n * k);
  let loss = 0;
  for (let step = 0; step <= steps; step++) {
    matmul(K, A, logits, n, n, k);
    loss = 0;
    for (let i = 0; i < n; i++) {
      const p = softmaxRow(logits, i, k);
      const y = labels[i]!;
      loss -= Math.log(Math.max(p[y]!, 1e-300)) / n;
      if (step < steps) for (let c = 0; c < k; c++) A[i * k + c] = A[i * k + c]! - eta * ((p[c]! - (c === y ? 1 : 0)) / n + l2 * A[i * k + c]!);
    }
    yield;
  }
  // W = Zᵀ·A, b = 1ᵀ·A.
  const weights = new Float64Array(d * k);
  const bias = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const a = A[i * k + c]!;
      bias[c]! += a;
      for (let t = 0; t < d; t++) weights[t * k + c]! += z[i * d + t]! * a;
    }
    if (i % 8 === 7) yield;
  }
  function* predictSliced(xs: ArrayLike<number>, m: number): Sliced<Int32Array> {
    const zs = yield* standardise(xs, m, d, mean, scale);
    const out = new Int32Array(m);
    const row = new Float64Array(k);
    for (let i = 0; i < m; i++) {
      row.set(bias);
      for (let t = 0; t < d; t++) {
        const v = zs[i * d + t]!;
        if (v !== 0) for (let c = 0; c < k; c++) row[c]! += v * weights[t * k + c]!;
      }
      out[i] = argmax(row);
      if (i % 8 === 7) yield;
    }
    return out;
  }
  const trainPred = yield* predictSliced(x, n);
  let right = 0;
  for (let i = 0; i < n; i++) if (trainPred[i] === labels[i]) right++;
  const predict = (xs: ArrayLike<number>, m: number) => runSync(predictSliced(xs, m));
  return { predict, predictSliced, weights, bias, trainAccuracy: right / n, finalLoss: loss };
}

/** Per-feature mean and 1/(std·√d) on the training rows; a constant feature gets scale 0 (ignored). */
export function standardiser(x: ArrayLike<number>, n: number, d: number): { mean: Float64Array; scale: Float64Array } {
  return runSync(standardiserSliced(x, n, d));
}

function* standardiserSliced(x: ArrayLike<number>, n: number, d: number): Sliced<{ mean: Float64Array; scale: Float64Array }> {
  const mean = new Float64Array(d), sq = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) mean[t]! += x[i * d + t]! / n;
    if (i % 16 === 15) yield;
  }
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) sq[t]! += (x[i * d + t]! - mean[t]!) ** 2 / n;
    if (i % 16 === 15) yield;
  }
  const scale = sq.map((v) => (v > 1e-12 ? 1 / Math.sqrt(v * d) : 0));
  return { mean, scale };
}

function* standardise(x: ArrayLike<number>, n: number, d: number, mean: Float64Array, scale: Float64Array): Sliced<Float64Array> {
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) z[i * d + t] = (x[i * d + t]! - mean[t]!) * scale[t]!;
    if (i % 16 === 15) yield;
  }
  return z;
}

/** out[m×p] = a[m×q]·b[q×p]. */
function matmul(a: Float64Array, b: Float64Array, out: Float64Array, m: number, q: number, p: number): void {
  out.fill(0);
  for (let i = 0; i < m; i++) for (let j = 0; j < q; j++) {
    const v = a[i * q + j]!;
    if (v !== 0) for (let c = 0; c < p; c++) out[i * p + c]! += v * b[j * p + c]!;
  }
}

function softmaxRow(z: Float64Array, i: number, k: number): Float64Array {
  let m = -Infinity;
  for (let c = 0; c < k; c++) m = Math.max(m, z[i * k + c]!);
  const p = new Float64Array(k);
  let s = 0;
  for (let c = 0; c < k; c++) s += p[c] = Math.exp(z[i * k + c]! - m);
  for (let c = 0; c < k; c++) p[c]! /= s;
  return p;
}

function argmax(row: Float64Array): number {
  let best = 0;
  for (let c = 1; c < row.length; c++) if (row[c]! > row[best]!) best = c;
  return best;
}

/** Largest eigenvalue of a symmetric positive semi-definite n×n matrix (power iteration; an upper bound is fine). */
export function largestEigenvalue(K: Float64Array, n: number, iterations = 100): number {
  return runSync(largestEigenvalueSliced(K, n, iterations));
}

/** `largestEigenvalue` as a sliced computation: a pause every 10 iterations (100 on a 200-row probe were ~5 ms). */
function* largestEigenvalueSliced(K: Float64Array, n: number, iterations = 100): Sliced<number> {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  let lambda = 0;
  for (let it = 0; it < iterations; it++) {
    if (it % 10 === 9) yield;
    const w = new Float64Array(n);
    matmul(K, v, w, n, n, 1);
    const norm = Math.hypot(...w);
    if (norm === 0) return 0;
    lambda = norm;
    v = w.map((x) => x / norm);
  }
  return lambda * 1.01; // a touch above: power iteration approaches from below
}
