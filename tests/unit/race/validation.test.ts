import { describe, expect, it } from 'vitest';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { Validator } from '../../../src/lib/race/validation.ts';
import { probabilitySquaredError } from '../../../src/lib/losses/squared-error.ts';
import { crossEntropy as ceOracle } from '../../../src/lib/losses/cross-entropy.ts';
import { cpu, synthetic } from '../train/helpers.ts';

describe('Validator', { timeout: 60_000 }, () => {
  it('chunked metrics (chunks of 8, a short last one) equal the float64 oracle on the whole set’s logits; no leak', async () => {
    const tf = await cpu();
    const model = buildSmallCnn({ classes: 10, seed: 4, filters: [4, 8], hidden: 16 });
    const set = synthetic(20, 10, 6);
    const before = tf.memory().numTensors;
    const v = new Validator(tf, set, 8);
    const got = await v.measure(model);
    v.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Reference: the model's own inference-mode logits for all 20 at once, scored in float64.
    const x = tf.tensor4d(Float32Array.from(set.images, (p) => p / 255), [20, 28, 28, 1]);
    const probs = model.predict(x) as import('@tensorflow/tfjs-core').Tensor;
    const p = await probs.data();
    const rows = Array.from({ length: 20 }, (_, i) => Array.from(p.subarray(i * 10, i * 10 + 10)));
    const labels = Array.from(set.labels);
    const logs = rows.map((r) => r.map(Math.log)); // softmax(log p) = p: logits up to a constant per row
    const ce = logs.reduce((s, z, i) => s + ceOracle(z, labels[i]!), 0) / 20;
    const mse = logs.reduce((s, z, i) => s + probabilitySquaredError(z, labels[i]!), 0) / 20;
    const acc = rows.filter((r, i) => r.indexOf(Math.max(...r)) === labels[i]).length / 20;
    expect(got.ce).toBeCloseTo(ce, 4);
    expect(got.mse).toBeCloseTo(mse, 5);
    expect(got.accuracy).toBe(acc);
    tf.dispose([x, probs]);
    model.dispose();
  });
});
