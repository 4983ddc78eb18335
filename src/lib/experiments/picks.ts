/**
 * Which labelled examples a transfer-learning run sees: a seeded, stratified pick of `perClass` images of each
 * class. Each class's images are shuffled once per seed and the first `perClass` taken, so for one seed the
 * 5-per-class set is contained in the 10-per-class set, and so on: growing the label budget only adds images,
 * which keeps the comparison across label counts about the labels, not about which images were drawn.
 */
import { permutation } from '../train/batches.ts';

/** Images of a set whose label is in `classes`, relabelled 0…k−1 in that order (digits 5–9 → 0–4). */
export function selectClasses<S extends { images: Uint8Array; labels: ArrayLike<number>; count: number }>(
  set: S, classes: readonly number[],
): { images: Uint8Array; labels: Uint8Array; count: number } {
  const index = new Map(classes.map((c, i) => [c, i]));
  const keep: number[] = [];
  for (let i = 0; i < set.count; i++) if (index.has(set.labels[i]!)) keep.push(i);
  const px = set.images.length / set.count;
  const images = new Uint8Array(keep.length * px), labels = new Uint8Array(keep.length);
  keep.forEach((src, i) => {
    images.set(set.images.subarray(src * px, (src + 1) * px), i * px);
    labels[i] = index.get(set.labels[src]!)!;
  });
  return { images, labels, count: keep.length };
}

/**
 * Indices of `perClass` examples of each class 0…classes−1, drawn with `seed`, interleaved by class
 * (1st of class 0, 1st of class 1, …). Throws when a class has fewer examples than asked for.
 */
export function stratifiedPick(labels: ArrayLike<number>, classes: number, perClass: number, seed: number): Int32Array {
  if (!Number.isInteger(perClass) || perClass < 1) throw new Error(`examples per class must be a positive integer, got ${perClass}`);
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) byClass[labels[i]!]?.push(i);
  const chosen = byClass.map((idx, c) => {
    if (idx.length < perClass) throw new Error(`class ${c} has ${idx.length} examples, fewer than the ${perClass} asked for`);
    const order = permutation(idx.length, seed * 7919 + c);
    return Array.from(order.subarray(0, perClass), (j) => idx[j]!);
  });
  const out = new Int32Array(classes * perClass);
  for (let k = 0; k < perClass; k++) for (let c = 0; c < classes; c++) out[k * classes + c] = chosen[c]![k]!;
  return out;
}

/** Pixels of the chosen images as x / 255 (the models' input) and their labels. */
export function gatherScaled(set: { images: Uint8Array; labels: ArrayLike<number>; count: number }, idx: ArrayLike<number>): { x: Float32Array; labels: Int32Array; count: number } {
  const px = set.images.length / set.count;
  const x = new Float32Array(idx.length * px), labels = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const src = idx[i]! * px;
    for (let p = 0; p < px; p++) x[i * px + p] = set.images[src + p]! / 255;
    labels[i] = set.labels[idx[i]!]!;
  }
  return { x, labels, count: idx.length };
}
