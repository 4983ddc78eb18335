import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/lib/shift/eigen.ts';
import { fitPca, project } from '../../../src/lib/shift/pca.ts';
import { domainGap } from '../../../src/lib/shift/alignment.ts';
import { pcaPanel } from '../../../src/lib/shift/panels.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

describe('symmetricEigen', () => {
  it('diagonalises [[2, 1], [1, 2]]: eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, −1)/√2 up to sign', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0]![0]! * vectors[0]![1]!).toBeCloseTo(0.5, 12);
    expect(vectors[1]![0]! * vectors[1]![1]!).toBeCloseTo(-0.5, 12);
  });
  it('orders a diagonal matrix by value and fixes the sign (largest entry positive)', () => {
    const { values, vectors } = symmetricEigen([1, 0, 0, 0, 5, 0, 0, 0, 3], 3);
    expect(Array.from(values)).toEqual([5, 3, 1]);
    expect(Array.from(vectors[0]!)).toEqual([0, 1, 0]);
  });
  it('reconstructs a random symmetric 12×12 matrix: A·v = λ·v, vectors orthonormal', () => {
    const d = 12;
    const r = uniform(4, d * d);
    const a = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) a[i * d + j] = r[i * d + j]! + r[j * d + i]!;
    const { values, vectors } = symmetricEigen(a, d);
    for (let k = 0; k < d; k++) {
      for (let i = 0; i < d; i++) {
        let av = 0;
        for (let j = 0; j < d; j++) av += a[i * d + j]! * vectors[k]![j]!;
        expect(av).toBeCloseTo(values[k]! * vectors[k]![i]!, 10);
      }
      for (let m = 0; m < d; m++) {
        const dot = vectors[k]!.reduce((s, v, i) => s + v * vectors[m]![i]!, 0);
        expect(dot).toBeCloseTo(k === m ? 1 : 0, 10);
      }
    }
    for (let k = 1; k < d; k++) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
  });
});

describe('fitPca and project', () => {
  it('finds the axis of points on the line y = 2x in 3-D (by hand: direction (1, 2, 0)/√5, all variance on it)', () => {
    const ts = [-2, -1, 0, 1, 2];
    const x = ts.flatMap((t) => [t + 1, 2 * t + 3, 7]); // mean (1, 3, 7)
    const pca = fitPca(x, 5, 3, 2);
    expect(Array.from(pca.mean)).toEqual([1, 3, 7]);
    expect(pca.components[0]![0]).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(pca.components[0]![1]).toBeCloseTo(2 / Math.sqrt(5), 12);
    // Variance along the line: Σ (t√5)² / (n − 1) = 5 · 10 / 4.
    expect(pca.variances[0]).toBeCloseTo(12.5, 10);
    expect(pca.explained[0]).toBeCloseTo(1, 12);
    expect(pca.variances[1]).toBeCloseTo(0, 10);
    const xy = project(pca, x, 5);
    ts.forEach((t, i) => { expect(xy[2 * i]).toBeCloseTo(t * Math.sqrt(5), 10); expect(xy[2 * i + 1]).toBeCloseTo(0, 10); });
  });
  it('separates an elongated 2-D cloud: PC1 along the long axis, explained shares sum to 1', () => {
    const n = 400;
    const u = uniform(7, 2 * n, -1, 1);
    const x = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) { // long axis (1, 1)/√2 with spread 10, short axis with spread 1
      const a = 10 * u[2 * i]!, b = u[2 * i + 1]!;
      x[2 * i] = (a - b) / Math.SQRT2;
      x[2 * i + 1] = (a + b) / Math.SQRT2;
    }
    const pca = fitPca(x, n, 2, 2);
    expect(Math.abs(pca.components[0]![0]! - Math.SQRT1_2)).toBeLessThan(0.01);
    expect(pca.explained[0]! + pca.explained[1]!).toBeCloseTo(1, 12);
    expect(pca.explained[0]).toBeGreaterThan(0.98);
  });
});

describe('domainGap and pcaPanel', () => {
  it('is 0 for the same cloud, |Δμ|/spread for a translated one', () => {
    const a = Float32Array.from([0, 0, 2, 0, 0, 2, 2, 2]); // 4 points in 2-D, mean (1, 1), mean squared distance 2
    const b = a.map((v, i) => (i % 2 === 0 ? v + 3 : v));
    expect(domainGap(a, 4, a, 4, 2)).toBe(0);
    expect(domainGap(a, 4, b, 4, 2)).toBeCloseTo(3 / Math.sqrt(2), 12);
  });
  it('projects source then target rows, labelled by domain and digit', () => {
    const a = Float32Array.from([0, 0, 2, 0, 0, 2, 2, 2]);
    const b = a.map((v, i) => (i % 2 === 0 ? v + 3 : v));
    const p = pcaPanel(a, b, 4, 2, [0, 1, 2, 3]);
    expect(p.points.map((q) => q.domain)).toEqual(['source', 'source', 'source', 'source', 'target', 'target', 'target', 'target']);
    expect(p.points.map((q) => q.digit)).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    // The translation is along x: PC1 is (1, 0) and the source/target difference on it is 3.
    expect(Math.abs(p.points[4]!.x - p.points[0]!.x)).toBeCloseTo(3, 10);
    expect(p.gap).toBeCloseTo(3 / Math.sqrt(2), 12);
  });
});
