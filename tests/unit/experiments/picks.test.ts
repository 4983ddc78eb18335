import { describe, expect, it } from 'vitest';
import { gatherScaled, selectClasses, stratifiedPick } from '../../../src/lib/experiments/picks.ts';

/** 245 labels cycling through 10 classes in a scrambled order: 24 or 25 examples of each. */
const labels = Array.from({ length: 245 }, (_, i) => (i * 7) % 10);
const countOf = (ls: ArrayLike<number>, c: number) => Array.from(ls).filter((l) => l === c).length;

describe('stratifiedPick', () => {
  it.each([1, 5, 10])('%i per class: exactly that many of each class, no repeats, interleaved by class', (n) => {
    const pick = stratifiedPick(labels, 10, n, 3);
    expect(pick.length).toBe(10 * n);
    expect(new Set(pick).size).toBe(pick.length);
    for (let c = 0; c < 10; c++) expect(countOf(Array.from(pick, (i) => labels[i]!), c)).toBe(n);
    pick.forEach((i, k) => expect(labels[i]).toBe(k % 10));
  });

  it('is reproducible from its seed and differs between seeds', () => {
    expect(stratifiedPick(labels, 10, 5, 1)).toEqual(stratifiedPick(labels, 10, 5, 1));
    expect(stratifiedPick(labels, 10, 5, 1)).not.toEqual(stratifiedPick(labels, 10, 5, 2));
  });

  it('is nested: for one seed, the pick for n per class is the start of the pick for more', () => {
    const big = stratifiedPick(labels, 10, 20, 4);
    for (const n of [1, 5, 10]) expect(stratifiedPick(labels, 10, n, 4)).toEqual(big.subarray(0, 10 * n));
  });

  it('refuses to pick more than a class holds, and non-positive counts, with a readable message', () => {
    expect(() => stratifiedPick(labels, 10, 30, 1)).toThrow(/class \d has 2\d examples, fewer than the 30 asked for/);
    expect(() => stratifiedPick(labels, 10, 0, 1)).toThrow(/positive integer/);
    expect(() => stratifiedPick([0, 0, 1], 3, 1, 1)).toThrow(/class 2 has 0 examples/);
  });
});

describe('selectClasses and gatherScaled', () => {
  const set = { images: Uint8Array.from({ length: 6 * 4 }, (_, i) => i * 2), labels: Uint8Array.from([5, 1, 9, 5, 7, 9]), count: 6 };

  it('keeps only the listed classes, relabelled by their position in the list, images intact', () => {
    const s = selectClasses(set, [5, 9]);
    expect(s.count).toBe(4);
    expect(Array.from(s.labels)).toEqual([0, 1, 0, 1]);
    expect(Array.from(s.images.subarray(4, 8))).toEqual(Array.from(set.images.subarray(8, 12)));
  });

  it('scales pixels to x / 255 and keeps each label with its image', () => {
    const g = gatherScaled(set, [2, 0]);
    expect(g.count).toBe(2);
    expect(Array.from(g.labels)).toEqual([9, 5]);
    expect(g.x[0]).toBeCloseTo(16 / 255, 7);
    expect(g.x[4]).toBe(0);
  });
});
