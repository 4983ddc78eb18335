import { describe, expect, it } from 'vitest';
import { MAX_SHIFT, shiftBatch, shiftBatchArray, shiftImage, shiftedCopies, shifts, withShiftedCopies } from '../../../src/lib/transfer/augment.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';
import { cpu } from '../train/helpers.ts';

describe('shiftImage', () => {
  it('moves pixels by (dx, dy) and fills the uncovered border with 0', () => {
    const src = Uint8Array.from({ length: 9 }, (_, i) => i + 1); // 3×3: 1 2 3 / 4 5 6 / 7 8 9
    expect(Array.from(shiftImage(src, 1, 0, 3, 3))).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
    expect(Array.from(shiftImage(src, -1, 1, 3, 3))).toEqual([0, 0, 0, 2, 3, 0, 5, 6, 0]);
    expect(Array.from(shiftImage(src, 0, 0, 3, 3))).toEqual(Array.from(src));
  });
});

describe('shifts', () => {
  it('are seeded, within ±MAX_SHIFT, and use the whole range', () => {
    const s = shifts(200, 5);
    expect(shifts(200, 5)).toEqual(s);
    expect(Math.max(...s)).toBe(MAX_SHIFT);
    expect(Math.min(...s)).toBe(-MAX_SHIFT);
  });
});

describe('withShiftedCopies', () => {
  it('keeps the originals first, then shifted copies with the same labels', () => {
    const images = Uint8Array.from(uniform(1, 2 * 784, 0, 255));
    const set = withShiftedCopies({ images, labels: [3, 1], count: 2 }, 2, 9);
    expect(set.count).toBe(6);
    expect(Array.from(set.labels)).toEqual([3, 1, 3, 1, 3, 1]);
    expect(set.images.subarray(0, 2 * 784)).toEqual(images);
    const s = shifts(4, 9);
    expect(set.images.subarray(3 * 784, 4 * 784)).toEqual(shiftImage(images.subarray(784), s[2]!, s[3]!));
  });
});

describe('shiftedCopies (float pixels, the experiments’ CPU path)', () => {
  it('makes exactly the copies withShiftedCopies makes, in the pixel type it is given', () => {
    const images = Uint8Array.from(uniform(4, 3 * 784, 0, 255), Math.floor);
    const bytes = withShiftedCopies({ images, labels: [0, 1, 2], count: 3 }, 2, 5).images;
    const floats = shiftedCopies(Float32Array.from(images, (v) => v / 255), 3, 2, 5);
    expect(floats).toBeInstanceOf(Float32Array);
    expect(floats.length).toBe(bytes.length);
    expect(Array.from(floats)).toEqual(Array.from(bytes, (v) => Math.fround(v / 255)));
  });
});

describe('shiftBatch (a gather on the engine)', () => {
  it('equals shiftImage with the same seeded shifts, image by image', async () => {
    const tf = await cpu();
    const px = Uint8Array.from(uniform(2, 4 * 784, 0, 255), Math.floor);
    const x = tf.tensor4d(Float32Array.from(px), [4, 28, 28, 1]);
    const y = shiftBatch(tf, x, 3, 7);
    const got = await y.data();
    const s = shifts(4, 3 * 7907 + 7);
    for (let i = 0; i < 4; i++) {
      const want = shiftImage(px.subarray(i * 784, (i + 1) * 784), s[2 * i]!, s[2 * i + 1]!);
      expect(Array.from(got.subarray(i * 784, (i + 1) * 784)), `image ${i}`).toEqual(Array.from(want));
    }
    expect(s.some((v) => v !== 0)).toBe(true);
    tf.dispose([x, y]);
  });
});

describe('shiftBatchArray (shiftBatch on the CPU)', () => {
  it('equals shiftBatch on the engine for the same seed and step', async () => {
    const tf = await cpu();
    const px = Float32Array.from(uniform(6, 5 * 784, 0, 1));
    const x = tf.tensor4d(px, [5, 28, 28, 1]);
    for (const step of [0, 3]) {
      const y = shiftBatch(tf, x, 2, step);
      expect(Array.from(shiftBatchArray(px, 5, 2, step)), `step ${step}`).toEqual(Array.from(await y.data()));
      y.dispose();
    }
    x.dispose();
  });
});
