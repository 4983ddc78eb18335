import { describe, expect, it } from 'vitest';
import { buildSmallCnn, buildSmallCnnSliced, parameterCount } from '../../../src/lib/models/small-cnn.ts';
import { cpu, maxAbsDiff, values } from '../train/helpers.ts';

describe('buildSmallCnn', () => {
  it('stays under 1 MB of float32 weights and maps [N, 28, 28, 1] to class probabilities', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 10, seed: 1 });
    const count = parameterCount(model);
    expect(count.bytes).toBeLessThan(1_000_000);
    expect(count.total).toBe(count.bytes / 4);
    const y = model.predict(tf.zeros([2, 28, 28, 1])) as import('@tensorflow/tfjs-core').Tensor;
    expect(y.shape).toEqual([2, 10]);
    const row = Array.from(await y.data()).slice(0, 10);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
  });

  it('builds the same weights from the same seed, different ones from another', async () => {
    await cpu();
    const [a, b, c] = [1, 1, 2].map((seed) => buildSmallCnn({ classes: 5, seed }));
    const [wa, wb, wc] = await Promise.all([a, b, c].map((m) => values(m!.getWeights())));
    wa!.forEach((w, i) => expect(maxAbsDiff(w, wb![i]!)).toBe(0));
    expect(maxAbsDiff(wa![0]!, wc![0]!)).toBeGreaterThan(0);
    [a, b, c].forEach((m) => m!.dispose());
  });

  it('built with pauses, and with another model built in between, it has the same layers and weights', async () => {
    await cpu();
    const straight = buildSmallCnn({ classes: 5, seed: 4 });
    // Two builds interleaved step by step, as two widgets' pauses may interleave them on a page.
    const [a, b] = [buildSmallCnnSliced({ classes: 5, seed: 4 }), buildSmallCnnSliced({ classes: 10, seed: 9 })];
    let ra = a.next(), rb = b.next();
    let pauses = ra.done ? 0 : 1;
    while (!ra.done || !rb.done) {
      if (!ra.done) { ra = a.next(); if (!ra.done) pauses++; }
      if (!rb.done) rb = b.next();
    }
    expect(pauses).toBe(5); // two per conv block, one after the hidden layer
    const sliced = ra.value!;
    expect(sliced.layers.map((l) => l.name)).toEqual(straight.layers.map((l) => l.name));
    const [ws, wl] = await Promise.all([straight, sliced].map((m) => values(m.getWeights())));
    expect(wl!.length).toBe(ws!.length);
    ws!.forEach((w, i) => expect(maxAbsDiff(w, wl![i]!), `weight ${i}`).toBe(0));
    [straight, sliced, rb.value!].forEach((m) => m.dispose());
  });

  it('batchNormMomentum sets both BatchNorm layers\' momentum; tfjs\'s 0.99 without it', async () => {
    await cpu();
    const [plain, quick] = [undefined, 0.9].map((m) => buildSmallCnn({ classes: 5, seed: 1, filters: [4, 8], hidden: 16, batchNormMomentum: m }));
    for (const name of ['bn1', 'bn2']) {
      expect(plain!.getLayer(name).getConfig().momentum).toBe(0.99);
      expect(quick!.getLayer(name).getConfig().momentum).toBe(0.9);
    }
    [plain, quick].forEach((m) => m!.dispose());
  });
});
