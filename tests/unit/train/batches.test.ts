import { describe, expect, it } from 'vitest';
import { gatherBatch, permutation, stepsPerEpoch, upload } from '../../../src/lib/train/batches.ts';
import { summarise } from '../../../src/lib/train/evaluate.ts';
import { cpu, synthetic } from './helpers.ts';

describe('permutation', () => {
  it('is a permutation, the same for the same seed, different for another', () => {
    const p = permutation(100, 3);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(permutation(100, 3)).toEqual(p);
    expect(permutation(100, 4)).not.toEqual(p);
  });
});

describe('stepsPerEpoch and gatherBatch', () => {
  it('drops the partial batch and gathers rows by the order on the device', async () => {
    const tf = await cpu();
    expect(stepsPerEpoch(130, 64)).toBe(2);
    const set = synthetic(10, 5, 1);
    const data = upload(tf, set);
    const order = tf.tensor1d([9, 3, 0, 7], 'int32');
    const { xb, yb } = gatherBatch(tf, data, order, 1, 2);
    expect(Array.from(await yb.data())).toEqual([set.labels[0], set.labels[7]]);
    const x = await xb.data();
    expect(x[784 + 100]).toBeCloseTo(set.images[7 * 784 + 100]! / 255, 6);
    tf.dispose([data.x, data.y, order, xb, yb]);
  });
});

describe('summarise', () => {
  it('counts accuracy, per-class accuracy and the confusion matrix', () => {
    const e = summarise([0, 1, 1, 2, 0], [0, 1, 2, 2, 1], 3);
    expect(e.accuracy).toBeCloseTo(3 / 5);
    expect(e.confusion).toEqual([[1, 0, 0], [1, 1, 0], [0, 1, 1]]);
    expect(e.perClass).toEqual([1, 0.5, 0.5]);
  });
});
