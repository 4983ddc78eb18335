/**
 * Node + WebGPU (Dawn; SwiftShader without a GPU): the forward pass with a pause after each layer runs the same
 * kernels as `logits` there — the book's barrier-free convolution, ReLU + pool pair and dense layers — and gives
 * its numbers.
 */
import { describe, expect, it } from 'vitest';
import { getNodeEngine } from '../../../src/lib/engine/node.ts';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import { logits, logitsSliced } from '../../../src/lib/train/forward.ts';
import { runSync } from '../../../src/lib/schedule/slices.ts';

describe('the forward pass with a pause after each layer (WebGPU)', () => {
  it('gives logits\'s numbers and leaves only its result', async () => {
    const { tf, backend } = await getNodeEngine();
    expect(backend).toBe('webgpu');
    const model = buildSmallCnn({ classes: 5, seed: 2, filters: [4, 8], hidden: 16 });
    const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 5);
    const want = tf.tidy(() => logits(tf, model, x, false));
    const before = tf.memory().numTensors;
    const got = runSync(logitsSliced(tf, model, x, false));
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(Array.from(await got.data())).toEqual(Array.from(await want.data()));
    tf.dispose([got, want, x]);
    model.dispose();
  }, 120_000);
});
