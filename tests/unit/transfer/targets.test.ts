import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TaskLoader, SMALL_POOL, VALIDATION_PER_CLASS } from '../../../src/lib/transfer/data.ts';
import { checkCustomTask, pickPerClass, pickValidation, subset } from '../../../src/lib/transfer/targets.ts';
import type { FetchLike } from '../../../src/lib/data/index.ts';

const labels = Uint8Array.from({ length: 200 }, (_, i) => i % 10);

describe('pickPerClass', () => {
  it('takes exactly perClass of each asked class, interleaved, no repeats, seeded', () => {
    const idx = pickPerClass(labels, [5, 7, 9], 4, 3);
    expect(Array.from(idx, (i) => labels[i])).toEqual([5, 7, 9, 5, 7, 9, 5, 7, 9, 5, 7, 9]);
    expect(new Set(idx).size).toBe(12);
    expect(pickPerClass(labels, [5, 7, 9], 4, 3)).toEqual(idx);
    expect(pickPerClass(labels, [5, 7, 9], 4, 4)).not.toEqual(idx);
  });

  it('fewer examples are a subset of more, for the same seed', () => {
    const few = pickPerClass(labels, [0, 1], 3, 8);
    const many = new Set(pickPerClass(labels, [0, 1], 12, 8));
    for (const i of few) expect(many.has(i)).toBe(true);
  });

  it('refuses a pool without enough images of a class', () => {
    expect(() => pickPerClass(labels, [2], 21, 1)).toThrow(/class 2 has 20 images/);
  });
});

describe('pickValidation', () => {
  it('takes the last images of the same seeded shuffles: stratified, never a labelled pick, the same for any perClass', () => {
    const v = pickValidation(labels, [5, 7, 9], 4, 6, 3);
    expect(Array.from(v, (i) => labels[i])).toEqual(new Array(6).fill([5, 7, 9]).flat());
    expect(new Set(v).size).toBe(18);
    for (const perClass of [1, 4, 14]) {
      const picks = new Set(pickPerClass(labels, [5, 7, 9], perClass, 3));
      expect(Array.from(v).filter((i) => picks.has(i)), `perClass ${perClass}`).toEqual([]);
      expect(pickValidation(labels, [5, 7, 9], perClass, 6, 3)).toEqual(v);
    }
    expect(pickValidation(labels, [5, 7, 9], 4, 6, 4)).not.toEqual(v);
  });
  it('refuses a pool that cannot give both the picks and the validation images', () => {
    expect(() => pickValidation(labels, [2], 15, 6, 1)).toThrow(/class 2 has 20 images in the pool, fewer than 21/);
  });
});

describe('subset', () => {
  it('copies the chosen images and renumbers labels 0…k−1', () => {
    const images = Uint8Array.from({ length: 3 * 4 }, (_, i) => i);
    const s = subset(images, [7, 5, 7], [2, 1], [5, 7], 4);
    expect(Array.from(s.images)).toEqual([8, 9, 10, 11, 4, 5, 6, 7]);
    expect(Array.from(s.labels)).toEqual([1, 0]);
    expect(s.count).toBe(2);
  });
});

describe('checkCustomTask (the hook for a reader’s own classes)', () => {
  const set = (ls: number[]) => ({ images: new Uint8Array(ls.length * 784), labels: Uint8Array.from(ls), count: ls.length });
  it.each([
    [['cat'], [0], [0], /2 to 10 classes/],
    [['cat', 'dog'], [0, 0, 0], [0, 1], /“dog” has no training example/],
    [['cat', 'dog'], [0, 1], [0, 0], /“dog” has no test example/],
    [['cat', 'dog'], [0, 2], [0, 1], /label is 2, outside 0–1/],
  ])('%j train %j test %j: %s', (names, tr, te, message) => {
    expect(checkCustomTask({ classNames: names, train: set(tr), test: set(te) })).toMatch(message);
  });
  it('accepts a usable task', () => {
    expect(checkCustomTask({ classNames: ['a', 'b'], train: set([0, 1]), test: set([1, 0]) })).toBeNull();
  });
});

describe('TaskLoader on the committed digits', () => {
  const fileFetch: FetchLike = async (url) => new Response(readFileSync(url.replace(/^file:\/\//, '')));
  it('digits 5–9: perClass labelled examples and a disjoint validation set from the train split, the first holdout of each class from test', async () => {
    const loader = new TaskLoader('public/data/', fileFetch);
    const t = await loader.load({ target: 'digits-5-9', perClass: 3, holdout: 5, seed: 2 });
    expect(t.classNames).toEqual(['5', '6', '7', '8', '9']);
    expect(t.train.count).toBe(15);
    expect(Array.from(t.train.labels)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(t.validation!.count).toBe(5 * VALIDATION_PER_CLASS);
    expect([0, 1, 2, 3, 4].map((c) => Array.from(t.validation!.labels).filter((l) => l === c).length)).toEqual(new Array(5).fill(VALIDATION_PER_CLASS));
    expect(t.test.count).toBe(25);
    // Where each image came from: training and validation positions in digits/train never meet; the sources are true.
    const { sources } = t;
    const picked = new Set(sources!.train);
    expect(sources!.validation.filter((p) => picked.has(p))).toEqual([]);
    const trainLabels = readFileSync('public/data/digits/train-labels.u8');
    const trainImages = Buffer.concat([0, 1].map((k) => readFileSync(`public/data/digits/train-images-${k}.u8`)));
    const testLabels = readFileSync('public/data/digits/test-labels.u8');
    sources!.validation.forEach((p, k) => {
      expect(trainLabels[p]! - 5).toBe(t.validation!.labels[k]);
      if (p < 200) expect(Buffer.from(t.validation!.images.subarray(k * 784, (k + 1) * 784)).equals(trainImages.subarray(p * 784, (p + 1) * 784))).toBe(true);
    });
    sources!.test.forEach((p, k) => expect(testLabels[p]! - 5).toBe(t.test.labels[k]));
    // From the small pool (the first 100 per class): validation stays put as perClass grows, until the pool is too small.
    const more = await loader.load({ target: 'digits-5-9', perClass: SMALL_POOL - VALIDATION_PER_CLASS, holdout: 5, seed: 2 });
    expect(more.sources!.validation).toEqual(sources!.validation);
    expect(more.sources!.train.filter((p) => new Set(more.sources!.validation).has(p))).toEqual([]);
    expect(Math.max(...more.sources!.train, ...more.sources!.validation)).toBeLessThan(1000);
    // The held-out images are the test split's packed prefix: image 5 of the test files is the first "5".
    const testImages = readFileSync('public/data/digits/test-images-0.u8');
    expect(Buffer.from(t.test.images.subarray(0, 784)).equals(testImages.subarray(5 * 784, 6 * 784))).toBe(true);
    const again = await loader.load({ target: 'digits-5-9', perClass: 3, holdout: 5, seed: 2 });
    expect(again.train.images).toEqual(t.train.images);
  });
});
