/**
 * Packed order: images are interleaved by class — the 1st image of class 0, of class 1, …, of the last
 * class, then the 2nd of each, and so on; within a class, source order; a class that has run out is skipped.
 * So any prefix of a split is as class-balanced as the split allows, and "the first N per class" is a prefix.
 */

/** Labels in packed order, from the per-class counts alone. */
export function interleavedLabels(classCounts: readonly number[]): Uint8Array {
  const out = new Uint8Array(classCounts.reduce((a, b) => a + b, 0));
  const most = Math.max(0, ...classCounts);
  let i = 0;
  for (let rank = 0; rank < most; rank++) {
    for (let c = 0; c < classCounts.length; c++) if (rank < classCounts[c]!) out[i++] = c;
  }
  return out;
}

/** Interleaves per-class lists (each in source order) into packed order. */
export function interleave<T>(perClass: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const most = Math.max(0, ...perClass.map((l) => l.length));
  for (let rank = 0; rank < most; rank++) {
    for (const list of perClass) if (rank < list.length) out.push(list[rank]!);
  }
  return out;
}

/** Length of the packed prefix holding the first `perClass` images of every class (all of a smaller class). */
export function prefixForPerClass(classCounts: readonly number[], perClass: number): number {
  return classCounts.reduce((sum, n) => sum + Math.min(n, perClass), 0);
}

/**
 * Packed positions of the images whose within-class rank is in [from, to) — the 1st image of a class has rank
 * 0 — in packed order. [0, perClass) is the prefix of `prefixForPerClass`; a later range is a split's reserve.
 */
export function positionsOfRanks(classCounts: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  const most = Math.max(0, ...classCounts);
  let i = 0;
  for (let rank = 0; rank < Math.min(most, to); rank++) {
    for (let c = 0; c < classCounts.length; c++) {
      if (rank >= classCounts[c]!) continue;
      if (rank >= from) out.push(i);
      i++;
    }
  }
  return out;
}

/**
 * Chunk boundaries for `count` images: [0, 100), [100, 200), [200, 400), [400, 800), … doubling, the last one
 * cut at `count`. A prefix of length L is served by whole chunks with at most ~2× L (and ≥ 100) images.
 */
export function chunkBounds(count: number, first = 100): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let end = Math.min(first, count);
  while (start < count) {
    out.push([start, end]);
    start = end;
    end = Math.min(end * 2, count);
  }
  return out;
}
