/**
 * Seeded choices of labelled examples and subsets of image sets: "k examples of each of these classes",
 * relabelled 0…m−1 in the order the classes are given (digits 5–9 become classes 0–4 of the target task).
 */
import { lcg } from '../random/lcg.ts';
import type { ImageSet } from '../train/batches.ts';

/**
 * Indices of `perClass` images of each class in `classes`: the class's images in set order, seeded
 * Fisher–Yates, the first `perClass` taken; then interleaved by rank (class a, class b, …, then the second of
 * each), so any prefix is balanced. Throws when a class has too few images.
 */
export function pickPerClass(labels: ArrayLike<number>, classes: readonly number[], perClass: number, seed: number): number[] {
  const next = lcg(seed);
  const chosen = classes.map((c) => {
    const idx: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === c) idx.push(i);
    if (idx.length < perClass) throw new Error(`class ${c} has ${idx.length} images, fewer than the ${perClass} asked for`);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const swap = idx[i]!; // not a destructuring swap: that allocates an array per step (3–10× slower here)
      idx[i] = idx[j]!;
      idx[j] = swap;
    }
    return idx.slice(0, perClass);
  });
  const out: number[] = [];
  for (let r = 0; r < perClass; r++) for (const list of chosen) out.push(list[r]!);
  return out;
}

/** The images at `indices`, with labels mapped through `relabel` (default: unchanged). */
export function subset(set: ImageSet, indices: readonly number[], relabel: (label: number) => number = (l) => l): ImageSet & { images: Float32Array | Uint8Array; labels: Uint8Array } {
  const px = (set.height ?? 28) * (set.width ?? 28);
  const images = set.images instanceof Float32Array ? new Float32Array(indices.length * px) : new Uint8Array(indices.length * px);
  const labels = new Uint8Array(indices.length);
  indices.forEach((src, i) => {
    images.set(set.images.subarray(src * px, (src + 1) * px), i * px);
    labels[i] = relabel(set.labels[src]!);
  });
  return { images, labels, count: indices.length, height: set.height, width: set.width };
}

/** The first `count` images whose label is in `classes`, in set order (labels unchanged). */
export function firstOfClasses(set: ImageSet, classes: readonly number[], count = Infinity): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.count && out.length < count; i++) if (classes.includes(set.labels[i]!)) out.push(i);
  return out;
}
