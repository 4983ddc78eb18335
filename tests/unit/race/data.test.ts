import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '@lib/data/index.ts';
import { loadRaceData } from '../../../src/lib/race/data.ts';
import { TEST_PER_CLASS, TRAIN_MAX_PER_CLASS, VALIDATION_PER_CLASS } from '../../../src/lib/race/config.ts';
import { fileFetch } from '../../../scripts/data/file-fetch.mts';

const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as Manifest;
/** A whole split of the committed Fashion-MNIST files. */
function whole(split: string) {
  const s = manifest.datasets.fashion!.splits[split]!;
  return { images: Buffer.concat(s.images.map((c) => readFileSync(join('public/data', c.path)))), labels: readFileSync(join('public/data', s.labels.path)) };
}
const PX = 784;
const perClassCounts = (labels: ArrayLike<number>) => Array.from({ length: 10 }, (_, c) => Array.from(labels).filter((l) => l === c).length);

describe('loadRaceData: training, validation and test images from where each may come', () => {
  it('validation is a seeded, stratified draw from the training split, disjoint from every image a race may train on; test comes from the test split', async () => {
    const requested: string[] = [];
    const serve = fileFetch('public');
    const fetch = (url: string) => (requested.push(url), serve(url));
    const d = await loadRaceData({ base: 'data/', fetch, perClass: TRAIN_MAX_PER_CLASS });
    const train = whole('train');
    const test = whole('test');
    const { sources } = d;
    expect([d.train.count, d.validation.count, d.test.count]).toEqual([10 * TRAIN_MAX_PER_CLASS, 10 * VALIDATION_PER_CLASS, 10 * TEST_PER_CLASS]);
    expect(perClassCounts(d.validation.labels)).toEqual(new Array(10).fill(VALIDATION_PER_CLASS));
    expect(perClassCounts(d.test.labels)).toEqual(new Array(10).fill(TEST_PER_CLASS));
    // Disjoint: not one validation image is at a training position, even with the most training images allowed.
    const trainAt = new Set(sources.train);
    expect(sources.validation.filter((p) => trainAt.has(p))).toEqual([]);
    expect(new Set(sources.validation).size).toBe(sources.validation.length);
    // The sources are where the images really come from: bytes and labels agree with the committed files.
    const check = (set: { images: Uint8Array | Float32Array; labels: ArrayLike<number> }, at: number[], from: { images: Buffer; labels: Buffer }) =>
      at.forEach((p, k) => {
        expect(set.labels[k]).toBe(from.labels[p]);
        expect(Buffer.from(set.images.subarray(k * PX, (k + 1) * PX)).equals(from.images.subarray(p * PX, (p + 1) * PX))).toBe(true);
      });
    check(d.train, sources.train, train);
    check(d.validation, sources.validation, train);
    check(d.test, sources.test, test);
    // Training is the prefix; validation comes from the reserve beyond it (a draw, not the reserve's first images).
    expect(sources.train).toEqual(Array.from({ length: 1600 }, (_, i) => i));
    expect(Math.min(...sources.validation)).toBeGreaterThanOrEqual(1600);
    expect(sources.validation.slice(0, 10)).not.toEqual(Array.from({ length: 10 }, (_, i) => 1600 + i));
    // The reserve is one file; the default race fetches two small training files, that one, and four test files.
    expect(requested.filter((u) => u.includes('train-images'))).toHaveLength(6);
    requested.length = 0;
    const small = await loadRaceData({ base: 'data/', fetch, perClass: 20 });
    expect(requested.filter((u) => u.includes('train-images')).sort()).toEqual(['data/fashion/train-images-0.u8', 'data/fashion/train-images-1.u8', 'data/fashion/train-images-5.u8']);
    // Seeded and independent of the training size: every race validates on the same images.
    expect(small.sources.validation).toEqual(sources.validation);
    expect(small.validation.images).toEqual(d.validation.images);
  });

  it('refuses more training images per class than the part of the split before the reserve', async () => {
    await expect(loadRaceData({ base: 'data/', fetch: fileFetch('public'), perClass: TRAIN_MAX_PER_CLASS + 1 })).rejects.toThrow(/at most 160 training images per class/);
  });
});
