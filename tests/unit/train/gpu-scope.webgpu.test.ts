/**
 * Node + WebGPU (Dawn; SwiftShader without a GPU): the kernel check each engine scope runs (gpu/setup.ts) —
 * every kernel passes against its float64 reference; a WGSL program made invalid becomes a named
 * WgslValidationError caught by the validation error scope, and tfjs's kernels take over (installGpuKernels
 * false) with tfjs's numbers, never zeros; a kernel called outside its preconditions throws a named error.
 */
import { describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { getNodeEngine } from '../../../src/lib/engine/node.ts';
import { getScope, renewScope } from '../../../src/lib/engine/scope.ts';
import { CONV, installGpuKernels } from '../../../src/lib/train/gpu/kernels.ts';
import { brokenPrograms } from '../../../src/lib/train/gpu/validation.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

describe('the WebGPU scope kernel check', () => {
  it('passes every kernel on a healthy device', async () => {
    const { tf, backend } = await getNodeEngine();
    expect(backend).toBe('webgpu');
    const scope = await getScope();
    expect(scope.kernels.map((k) => [k.name, k.ok])).toEqual([['FmConv2D', true], ['FmMatMul', true], ['FmMoments', true], ['Conv2DBackpropFilter (im2col)', true]]);
    expect(installGpuKernels(tf)).toBe(true);
  }, 120_000);

  it('a kernel outside its preconditions throws KernelPreconditionError naming it', async () => {
    const { tf } = await getNodeEngine();
    const before = tf.memory().numTensors;
    const x = tf.zeros([1, 4, 4, 4]);
    const w = tf.zeros([3, 3, 4, 6]);
    expect(() => tf.engine().runKernel(CONV, { x, w } as never, { oh: 4, ow: 4, pt: 1, pl: 1 } as never)).toThrow(/FmConv2D: output channels must be a multiple of 4, got 6/);
    tf.dispose([x, w]);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('an invalid WGSL program: a named WgslValidationError, tfjs\'s kernels used, and their numbers right', async () => {
    const { tf } = await getNodeEngine();
    brokenPrograms.add('conv');
    const scope = await renewScope();
    const conv = scope.kernels.find((k) => k.name === 'FmConv2D')!;
    expect(conv.ok).toBe(false);
    expect(conv.reason).toMatch(/^WgslValidationError: the WGSL program fm_conv_\S+_broken failed GPU validation/);
    expect(installGpuKernels(tf)).toBe(false);
    // What the training code then runs: tfjs's conv, equal to the CPU backend's.
    const xv = uniform(3, 2 * 6 * 6 * 4), wv = uniform(4, 3 * 3 * 4 * 8);
    const run = async () => {
      const y = tf.tidy(() => tf.conv2d(tf.tensor4d(xv, [2, 6, 6, 4]), tf.tensor4d(wv, [3, 3, 4, 8]), 1, 'same'));
      const d = await y.data();
      y.dispose();
      return d;
    };
    const gpu = await run();
    await tf.setBackend('cpu');
    const cpu = await run();
    await tf.setBackend('webgpu');
    expect(gpu.some((v) => v !== 0)).toBe(true);
    gpu.forEach((v, i) => expect(Math.abs(v - cpu[i]!)).toBeLessThan(1e-4));
  }, 120_000);
});
