import { describe, expect, it } from 'vitest';
import { largestEigenvalue, standardiser, trainProbe } from '../../../src/lib/transfer/probe.ts';
import { lcg } from '../../../src/lib/random/lcg.ts';

/** Three Gaussian-ish blobs in `d` dimensions, centres far apart along the first three axes: linearly separable. */
function blobs(nPer: number, d: number, seed: number): { x: Float32Array; labels: Int32Array; n: number } {
  const next = lcg(seed);
  const n = 3 * nPer;
  const x = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    for (let t = 0; t < d; t++) x[i * d + t] = (next() - 0.5) + (t === c ? 4 : 0) + 10; // an offset standardisation removes
  }
  return { x, labels, n };
}

describe('trainProbe', () => {
  it('separates three separable blobs: 100% on training and on fresh points, loss near 0', () => {
    const train = blobs(20, 6, 1);
    const test = blobs(50, 6, 2);
    const probe = trainProbe(train.x, train.n, 6, train.labels, { classes: 3 });
    expect(probe.trainAccuracy).toBe(1);
    const pred = probe.predict(test.x, test.n);
    expect(pred.every((p, i) => p === test.labels[i])).toBe(true);
    expect(probe.finalLoss).toBeLessThan(0.3);
  });

  it('takes the same steps as gradient descent on W itself (the dual iteration is exact)', () => {
    const { x, labels, n } = blobs(4, 5, 3);
    const d = 5, k = 3, steps = 25, l2 = 1e-2;
    const probe = trainProbe(x, n, d, labels, { classes: k, steps, l2 });
    // Primal gradient descent on standardised features with a bias column, same step size.
    const { mean, scale } = standardiser(x, n, d);
    const z = Float64Array.from({ length: n * (d + 1) }, (_, i) => { const r = Math.floor(i / (d + 1)), t = i % (d + 1); return t === d ? 1 : (x[r * d + t]! - mean[t]!) * scale[t]!; });
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let t = 0; t <= d; t++) K[i * n + j]! += z[i * (d + 1) + t]! * z[j * (d + 1) + t]!;
    const eta = 1 / ((0.5 * largestEigenvalue(K, n)) / n + l2);
    const W = new Float64Array((d + 1) * k);
    for (let s = 0; s < steps; s++) {
      const g = new Float64Array((d + 1) * k);
      for (let i = 0; i < n; i++) {
        const zl = Array.from({ length: k }, (_, c) => { let v = 0; for (let t = 0; t <= d; t++) v += z[i * (d + 1) + t]! * W[t * k + c]!; return v; });
        const m = Math.max(...zl), e = zl.map((v) => Math.exp(v - m)), sum = e.reduce((a, b) => a + b, 0);
        for (let c = 0; c < k; c++) for (let t = 0; t <= d; t++) g[t * k + c]! += (z[i * (d + 1) + t]! * (e[c]! / sum - (c === labels[i] ? 1 : 0))) / n;
      }
      for (let j = 0; j < W.length; j++) W[j] = W[j]! - eta * (g[j]! + l2 * W[j]!);
    }
    for (let t = 0; t < d; t++) for (let c = 0; c < k; c++) expect(probe.weights[t * k + c]).toBeCloseTo(W[t * k + c]!, 10);
    for (let c = 0; c < k; c++) expect(probe.bias[c]).toBeCloseTo(W[d * k + c]!, 10);
  });

  it('ignores a constant feature and is deterministic', () => {
    const { x, labels, n } = blobs(10, 4, 5);
    for (let i = 0; i < n; i++) x[i * 4 + 3] = 7;
    const a = trainProbe(x, n, 4, labels, { classes: 3, steps: 50 });
    const b = trainProbe(x, n, 4, labels, { classes: 3, steps: 50 });
    expect(a.weights).toEqual(b.weights);
    for (let c = 0; c < 3; c++) expect(a.weights[3 * 3 + c]).toBe(0);
  });
});

describe('largestEigenvalue', () => {
  it('bounds the top eigenvalue from just above (diag(4, 1): 4)', () => {
    const v = largestEigenvalue(Float64Array.from([4, 0, 0, 1]), 2);
    expect(v).toBeGreaterThanOrEqual(4);
    expect(v).toBeLessThan(4.1);
  });
});
