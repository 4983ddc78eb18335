import { describe, expect, it } from 'vitest';
import { chunkBounds, interleave, interleavedLabels, positionsOfRanks, prefixForPerClass } from '@lib/data/order.ts';
import { stratifiedSplit, stratifiedTestCounts } from '@lib/data/split.ts';

describe('interleave / interleavedLabels', () => {
  it('takes one of each class in turn and skips classes that ran out', () => {
    expect(interleave([[1, 2, 3], [10], [20, 21]])).toEqual([1, 10, 20, 2, 21, 3]);
    expect(Array.from(interleavedLabels([3, 1, 2]))).toEqual([0, 1, 2, 0, 2, 0]);
  });
  it('puts the first N per class in a prefix of length prefixForPerClass', () => {
    const counts = [5, 2, 4];
    const labels = interleavedLabels(counts);
    for (let n = 0; n <= 6; n++) {
      const prefix = Array.from(labels.subarray(0, prefixForPerClass(counts, n)));
      expect(counts.map((c, k) => prefix.filter((l) => l === k).length)).toEqual(counts.map((c) => Math.min(c, n)));
    }
  });
});

describe('positionsOfRanks', () => {
  it('finds the packed positions of within-class ranks [from, to), classes that ran out skipped', () => {
    const counts = [5, 2, 4];
    const labels = interleavedLabels(counts); // 0 1 2 0 1 2 0 2 0 2 0
    const rankOf = (i: number) => Array.from(labels.subarray(0, i)).filter((l) => l === labels[i]).length;
    for (const [from, to] of [[0, 3], [1, 4], [2, 9], [4, 5], [3, 3]] as const) {
      const want = Array.from(labels.keys()).filter((i) => rankOf(i) >= from && rankOf(i) < to);
      expect(positionsOfRanks(counts, from, to), `[${from}, ${to})`).toEqual(want);
    }
    expect(positionsOfRanks(counts, 0, 2)).toEqual(Array.from({ length: prefixForPerClass(counts, 2) }, (_, i) => i));
  });
});

describe('chunkBounds', () => {
  it.each([
    [0, []],
    [50, [[0, 50]]],
    [100, [[0, 100]]],
    [350, [[0, 100], [100, 200], [200, 350]]],
    [2000, [[0, 100], [100, 200], [200, 400], [400, 800], [800, 1600], [1600, 2000]]],
  ])('covers %i images with doubling chunks', (n, bounds) => {
    expect(chunkBounds(n)).toEqual(bounds);
  });
});

describe('stratifiedSplit', () => {
  const counts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
  it('takes the fraction of each class, rounded so the total is exact', () => {
    const t = stratifiedTestCounts(counts, 0.2);
    expect(t.reduce((a, b) => a + b, 0)).toBe(2000);
    t.forEach((n, c) => expect(Math.abs(n - counts[c]! * 0.2)).toBeLessThan(1));
  });
  it('is a partition of each class, reproducible from the seed and changed by it', () => {
    const a = stratifiedSplit(counts, 0.2, 7);
    counts.forEach((n, c) => {
      const all = [...a.train[c]!, ...a.test[c]!].sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
    });
    expect(stratifiedSplit(counts, 0.2, 7)).toEqual(a);
    expect(stratifiedSplit(counts, 0.2, 8).test).not.toEqual(a.test);
  });
});
