/**
 * The seeded, stratified train/test split used for datasets that ship without one (the `mnist` digits).
 * Documented in the manifest so anyone can rebuild it: per class, Fisher–Yates shuffle of the source indices
 * with one LCG stream (src/lib/random/lcg.ts) seeded once and used for class 0, 1, … in turn; the first
 * `testCounts[c]` shuffled indices are the test set; both sides are then sorted back to source order.
 */
import { lcg } from '../random/lcg.ts';

/** Test images per class: `fraction` of each class, rounded by largest remainder so the total is exact. */
export function stratifiedTestCounts(classCounts: readonly number[], fraction: number): number[] {
  const total = Math.round(classCounts.reduce((a, b) => a + b, 0) * fraction);
  const exact = classCounts.map((n) => n * fraction);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, c) => [x - Math.floor(x), c] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < total; k++) counts[order[k]![1]]! += 1;
  return counts;
}

export interface StratifiedSplit { train: number[][]; test: number[][] }

/** Source indices (within each class) of the train and test sides, each sorted ascending. */
export function stratifiedSplit(classCounts: readonly number[], fraction: number, seed: number): StratifiedSplit {
  const next = lcg(seed);
  const testCounts = stratifiedTestCounts(classCounts, fraction);
  const train: number[][] = [];
  const test: number[][] = [];
  classCounts.forEach((n, c) => {
    const idx = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const swap = idx[i]!; // not a destructuring swap: that allocates an array per step (3–10× slower here)
      idx[i] = idx[j]!;
      idx[j] = swap;
    }
    test.push(idx.slice(0, testCounts[c]).sort((a, b) => a - b));
    train.push(idx.slice(testCounts[c]).sort((a, b) => a - b));
  });
  return { train, test };
}
