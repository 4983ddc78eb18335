/**
 * The base model's passes over the clean and shifted test digits, one batch at a time, so a first picture (the
 * accuracies on the first batch) can be shown while the rest computes. Each batch is the same fixed-size batch
 * `layerFeatures` would run over the whole set (the last one padded), so the rows — and every number derived
 * from them — are exactly those of one call over the whole set, and no new GPU programs are compiled.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { ImageSet } from '../train/index.ts';
import { layerFeatures, type FeatureRows } from '../transfer/layer-features.ts';
import { subset } from '../transfer/picks.ts';

/** The batch size of every pass (layerFeatures' default; a different one would compile new programs). */
export const BATCH = 128;

/** Rows of several consecutive slices as one set of rows. */
export function concatRows(parts: FeatureRows[]): FeatureRows {
  const first = parts[0]!;
  const count = parts.reduce((n, p) => n + p.count, 0);
  const data = new Float32Array(count * first.dim);
  let at = 0;
  for (const p of parts) { data.set(p.data, at); at += p.data.length; }
  return { data, count, dim: first.dim, shape: first.shape };
}

/** Rows of each named layer for every set in `sets` (same count), batch by batch; `onBatch` gets the rows so far. */
export async function streamFeatures(
  tf: Tf, model: LayersModel, sets: ImageSet[], names: string[],
  onBatch?: (rows: Record<string, FeatureRows>[], done: number) => void,
): Promise<Record<string, FeatureRows>[]> {
  const count = sets[0]!.count;
  const parts: Record<string, FeatureRows>[][] = sets.map(() => []);
  let rows: Record<string, FeatureRows>[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const slice = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => start + i);
    for (const [k, set] of sets.entries()) parts[k]!.push(await layerFeatures(tf, model, subset(set, slice), names, BATCH));
    rows = parts.map((p) => Object.fromEntries(names.map((n) => [n, concatRows(p.map((r) => r[n]!))])));
    onBatch?.(rows, start + slice.length);
  }
  return rows;
}
