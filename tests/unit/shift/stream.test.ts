import { describe, expect, it } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { layerFeatures } from '../../../src/lib/transfer/layer-features.ts';
import { BATCH, concatRows, streamFeatures } from '../../../src/lib/shift/stream.ts';
import { basePasses, cleanPass, shiftedSets, type ShiftData } from '../../../src/lib/shift/run.ts';
import { cpu, synthetic } from '../train/helpers.ts';

describe('streamFeatures', () => {
  it('gives exactly the rows of one layerFeatures call over the whole set, reporting each batch', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 3, seed: 3, filters: [4, 8], hidden: 8 });
    const a = synthetic(BATCH + 9, 3, 2), b = synthetic(BATCH + 9, 3, 5);
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const [ra, rb] = await streamFeatures(tf, model, [a, b], ['hidden', 'logits'], (rows, done) => {
      seen.push(done);
      expect(rows[0]!.logits!.count).toBe(done);
    });
    expect(seen).toEqual([BATCH, BATCH + 9]);
    for (const [set, rows] of [[a, ra], [b, rb]] as const) {
      const whole = await layerFeatures(tf, model, set, ['hidden', 'logits']);
      expect(rows!.hidden!.data).toEqual(whole.hidden!.data);
      expect(rows!.logits!.data).toEqual(whole.logits!.data);
      expect(rows!.logits!.shape).toEqual(whole.logits!.shape);
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('concatRows joins consecutive slices', () => {
    const r = concatRows([{ data: Float32Array.of(1, 2), count: 1, dim: 2, shape: [2] }, { data: Float32Array.of(3, 4, 5, 6), count: 2, dim: 2, shape: [2] }]);
    expect([Array.from(r.data), r.count, r.dim]).toEqual([[1, 2, 3, 4, 5, 6], 3, 2]);
  });
});

describe('basePasses', () => {
  it('streams a first slice, then the clean pass and shifted rows the unstreamed functions give', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 5, seed: 4, filters: [4, 8], hidden: 64 });
    const data: ShiftData = { test: synthetic(BATCH + 20, 5, 7), pool: synthetic(20, 5, 8), classes: 5 };
    const s = { shift: 'inverted' as const, strength: 1, seed: 1, images: 20, labels: 0 };
    const slices: { count: number; total: number }[] = [];
    const got = await basePasses(tf, model, data, null, s, (x) => slices.push({ count: x.count, total: x.total }));
    expect(slices).toEqual([{ count: BATCH, total: BATCH + 20 }]);
    const clean = await cleanPass(tf, model, data);
    expect(got.clean.pass.evaluation).toEqual(clean.pass.evaluation);
    expect(got.clean.flatten.data).toEqual(clean.flatten.data);
    const shifted = await layerFeatures(tf, model, (await shiftedSets(data, s, false)).test, ['flatten', 'hidden', 'logits']);
    expect(got.shifted.logits!.data).toEqual(shifted.logits!.data);
    // With the clean pass known, only the shifted digits run, and the slice reports the known clean accuracy.
    const again: number[] = [];
    await basePasses(tf, model, data, clean, s, (x) => again.push(x.source.count));
    expect(again).toEqual([BATCH + 20]);
    model.dispose();
  });
});
