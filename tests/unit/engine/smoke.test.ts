import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { smokeCheck } from '../../../src/lib/engine/smoke.ts';
import { say } from '../../../src/lib/i18n/t.ts';

// A real tfjs backend (the CPU one) registered under another name, whose Conv2D kernel throws synchronously —
// what a backend whose shader fails to compile does. The smoke check must report it, not throw.
const BROKEN = 'fm-broken-conv';

describe('smokeCheck', () => {
  it('passes on the cpu backend with no tensor left', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    expect(await smokeCheck(tf)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('turns a synchronous throw inside conv2d into a reason, with no tensor left', async () => {
    tf.registerBackend(BROKEN, () => new MathBackendCPU());
    tf.registerKernel({ kernelName: tf.Conv2D, backendName: BROKEN, kernelFunc: () => { throw new Error('shader failed to compile'); } });
    try {
      expect(await tf.setBackend(BROKEN)).toBe(true);
      const before = tf.memory().numTensors;
      const reason = await smokeCheck(tf);
      expect(reason && say('en', reason)).toBe('it failed while computing (shader failed to compile)');
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      await tf.setBackend('cpu');
      tf.removeBackend(BROKEN);
      tf.unregisterKernel(tf.Conv2D, BROKEN);
    }
  });
});
