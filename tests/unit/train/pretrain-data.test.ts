import { describe, expect, it } from 'vitest';
import { loadSplits, MODELS, onlyClasses } from '../../../scripts/pretrain/datasets.ts';

describe('pretraining data', () => {
  it('digits04-cnn trains and tests on digits 0–4 of the shipped seeded split, nothing else', async () => {
    const { train, test, source } = await loadSplits(MODELS['digits04-cnn']!, false);
    const counts = (l: ArrayLike<number>) => Array.from({ length: 10 }, (_, c) => Array.from(l).filter((v) => v === c).length);
    // Per-class counts of the shipped split (public/data/manifest.json), classes 5–9 dropped.
    expect(counts(train.labels)).toEqual([801, 902, 793, 826, 784, 0, 0, 0, 0, 0]);
    expect(counts(test.labels)).toEqual([200, 225, 198, 206, 196, 0, 0, 0, 0, 0]);
    expect(train.images.length).toBe(train.count * 784);
    expect(source).toContain('train 4106 / test 1025');
  });

  it('onlyClasses keeps images with their own labels, in order', () => {
    const images = new Uint8Array(4 * 784).map((_, i) => Math.floor(i / 784) * 10);
    const got = onlyClasses({ images, labels: Uint8Array.from([3, 7, 1, 5]), count: 4, shape: [4, 28, 28], classNames: [] }, 5);
    expect(Array.from(got.labels)).toEqual([3, 1]);
    expect([got.images[0], got.images[784]]).toEqual([0, 20]);
  });
});
