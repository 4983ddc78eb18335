import { describe, expect, it } from 'vitest';
import { compareToReference } from '../../../src/lib/conv/tolerance.ts';
import { forwardAll } from '../../../src/lib/nets/explorer-forward.ts';
import { oracleForward } from '../../../src/lib/nets/forward-oracle.ts';
import type { LayerSpec } from '../../../src/lib/nets/layer-spec.ts';
import { asInput, shipped } from './explorer-fixture.ts';

describe('oracleForward', () => {
  it('computes a tiny network by hand: conv, batch norm, relu, pool, dense, softmax', () => {
    const specs: LayerSpec[] = [
      { kind: 'conv', name: 'c', kernel: [2, 2], filters: 1, stride: 1, padding: 'valid', bias: true, relu: false },
      { kind: 'bn', name: 'b', epsilon: 0 },
      { kind: 'relu', name: 'r' },
      { kind: 'pool', name: 'p', size: 2, stride: 2, op: 'max' },
      { kind: 'flatten', name: 'f' },
      { kind: 'dense', name: 'd', units: 2, bias: true, relu: false },
      { kind: 'softmax', name: 's' },
    ];
    const t = (data: number[], shape: number[]) => ({ data: Float32Array.from(data), shape });
    const weights = {
      c: [t([1, 0, 0, -1], [2, 2, 1, 1]), t([0.5], [1])],
      b: [t([2], [1]), t([1], [1]), t([1], [1]), t([4], [1])], // scale 2/√4 = 1, shift 1 − 1·1 = 0
      d: [t([1, -1], [1, 2]), t([0, 0], [2])],
    };
    // 3×3 input 1..9: x[i][j] − x[i+1][j+1] = −4 everywhere, + 0.5 → −3.5; BN keeps it; ReLU → 0.
    const input = { data: [1, 2, 3, 4, 5, 6, 7, 8, 9], shape: [1, 3, 3, 1] };
    const out = oracleForward(specs, weights, input);
    expect(Array.from(out[0]!.data)).toEqual([-3.5, -3.5, -3.5, -3.5]);
    // Σ|x·w| + |b|: |1·1| + |5·(−1)| + 0.5 = 6.5 at the top-left output.
    expect(out[0]!.mag[0]).toBe(6.5);
    expect(Array.from(out[2]!.data)).toEqual([0, 0, 0, 0]);
    expect(out[3]!.shape).toEqual([1, 1, 1, 1]);
    expect(Array.from(out[6]!.data)).toEqual([0.5, 0.5]);
    // Softmax's magnitude: 2·p·max(A of the logits).
    expect(out[6]!.mag[0]).toBeCloseTo(2 * 0.5 * out[5]!.mag[0]!, 12);
  });

  it('agrees with tfjs (cpu backend) on the shipped digits04-cnn, every layer within the GUIDE bound', { timeout: 60_000 }, async () => {
    const { tf, model, layers, weights, images, testSet } = await shipped();
    for (const index of [0, 7, 1024]) {
      const img = await images.get(testSet, index);
      const before = tf.memory().numTensors;
      const fwd = await forwardAll(tf as never, model, asInput(img.pixels));
      expect(tf.memory().numTensors).toBe(before);
      const ref = oracleForward(layers, weights, fwd.input);
      expect(fwd.layers.map((l) => l.name)).toEqual(ref.map((l) => l.name));
      fwd.layers.forEach((l, i) => {
        expect(l.shape, l.name).toEqual(ref[i]!.shape);
        const a = compareToReference(l.data, { data: ref[i]!.data, absSum: ref[i]!.mag, shape: ref[i]!.shape });
        expect(a.ok, `${l.name} on image ${index}: ${a.detail}`).toBe(true);
      });
      // The class the model picks is the image's label on these three.
      const p = fwd.layers.at(-1)!.data;
      expect(p.indexOf(Math.max(...p))).toBe(img.label);
    }
    model.dispose();
  });

  it('hands over the first layers while the rest runs, and returns the same pass, bit for bit, with no tensor left', { timeout: 60_000 }, async () => {
    const { tf, model, images, testSet } = await shipped();
    const img = await images.get(testSet, 7);
    const whole = await forwardAll(tf as never, model, asInput(img.pixels));
    for (const split of [1, 4, model.layers.length - 1]) {
      const before = tf.memory().numTensors;
      const parts: string[][] = [];
      let partData: Float32Array[] = [];
      const fwd = await forwardAll(tf as never, model, asInput(img.pixels), split, (layers) => {
        parts.push(layers.map((l) => l.name));
        partData = layers.map((l) => l.data);
      });
      expect(tf.memory().numTensors).toBe(before);
      expect(parts).toEqual([model.layers.slice(0, split).map((l) => l.name)]);
      expect(partData).toEqual(whole.layers.slice(0, split).map((l) => l.data));
      expect(fwd.layers.map((l) => [l.name, l.shape, l.data])).toEqual(whole.layers.map((l) => [l.name, l.shape, l.data]));
    }
    // Without a callback, or with a split that leaves nothing for later, it is one pass and no part.
    let called = 0;
    await forwardAll(tf as never, model, asInput(img.pixels), model.layers.length, () => called++);
    await forwardAll(tf as never, model, asInput(img.pixels), 0, () => called++);
    expect(called).toBe(0);
    model.dispose();
  });
});
