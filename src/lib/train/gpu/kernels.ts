/**
 * The barrier-free programs (program.ts) as tfjs kernels on the WebGPU backend, under our own names, with
 * gradients registered per input (so backprop computes only the gradients it needs: no input gradient for
 * the first convolution). Nothing of tfjs's own kernels is replaced; forward.ts calls these by name.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from '../../engine/types.ts';
import { convFilterGrad, convForward, convInputGrad, type ConvGeometry } from './conv.ts';
import { adamMoments, adamStep } from './adam.ts';
import { apply, gradSums, inputGrad, moments, paramGrads } from './batch-norm.ts';
import { biasAdd, matMul } from './matmul.ts';
import { columnSums, type Backend, type Info } from './program.ts';
import { reluPool, reluPoolGrad } from './relu-pool.ts';

type Args = { inputs: Record<string, Info>; backend: Backend; attrs: Record<string, number | boolean> };
type Attrs = Record<string, number | boolean>;

export const CONV = 'FmConv2D';
export const CONV_DX = 'FmConv2DBackpropInput';
export const CONV_DW = 'FmConv2DBackpropFilter';
export const RELU_POOL = 'FmReluMaxPool2x2';
export const RELU_POOL_GRAD = 'FmReluMaxPool2x2Grad';
export const MATMUL = 'FmMatMul';
export const BIAS_ADD = 'FmBiasAdd';
export const COLUMN_SUMS = 'FmColumnSums';
export const ADAM_MOMENTS = 'FmAdamMoments';
export const ADAM_STEP = 'FmAdamStep';
export const MOMENTS = 'FmMoments';
export const BN_APPLY = 'FmBatchNormApply';
export const BN_SUMS = 'FmBatchNormGradSums';
export const BN_DX = 'FmBatchNormInputGrad';
export const BN_PARAMS = 'FmBatchNormParamGrads';

/** attrs of a conv: pads (top, left) and the output's height and width; everything else from the shapes. */
function geometry(x: number[], w: number[], a: Attrs): ConvGeometry {
  const [n, h, wd, ci] = x as [number, number, number, number];
  const [kh, kw, , co] = w as [number, number, number, number];
  return { n, h, w: wd, ci, oh: a.oh as number, ow: a.ow as number, co, kh, kw, pt: a.pt as number, pl: a.pl as number };
}

let installed = false;
let disabled: string | null = null;

/** Set by the scope's kernel check (setup.ts): while set, `installGpuKernels` answers false and callers use tfjs's ops. */
export function setGpuKernelsDisabled(reason: string | null): void {
  disabled = reason;
}

/** Registers the kernels and gradients once; false where tfjs has no WebGPU backend loaded, or they failed their check. */
export function installGpuKernels(tf: Tf): boolean {
  if (installed) return disabled === null;
  if (!tf.findBackendFactory('webgpu')) return false;
  const kernel = (kernelName: string, fn: (a: Args) => Info | Info[]) =>
    tf.registerKernel({ kernelName, backendName: 'webgpu', kernelFunc: fn as never });
  const call = (name: string, inputs: Record<string, Tensor>, attrs: Attrs = {}) =>
    tf.engine().runKernel(name, inputs as never, attrs as never) as Tensor;

  kernel(CONV, ({ inputs: { x, w }, backend, attrs }) => convForward(backend, x!, w!, geometry(x!.shape, w!.shape, attrs)));
  kernel(CONV_DX, ({ inputs: { dy, w }, backend, attrs }) =>
    convInputGrad(backend, dy!, w!, geometry([dy!.shape[0]!, attrs.h as number, attrs.w as number, w!.shape[2]!], w!.shape, attrs)));
  kernel(CONV_DW, ({ inputs: { x, dy }, backend, attrs }) =>
    convFilterGrad(backend, x!, dy!, geometry(x!.shape, [attrs.kh as number, attrs.kw as number, x!.shape[3]!, dy!.shape[3]!], attrs)));
  tf.registerGradient({
    kernelName: CONV, inputsToSave: ['x', 'w'],
    gradFunc: ((dy: Tensor, [x, w]: Tensor[], attrs: Attrs) => ({
      x: () => x!.shape[3]! % 4 === 0
        ? call(CONV_DX, { dy, w: w! }, { ...attrs, h: x!.shape[1]!, w: x!.shape[2]! })
        : tfInputGrad(tf, dy, w!, x!.shape as [number, number, number, number], attrs),
      w: () => call(CONV_DW, { x: x!, dy }, { ...attrs, kh: w!.shape[0]!, kw: w!.shape[1]! }),
    })) as never,
  });

  kernel(RELU_POOL, ({ inputs: { a }, backend }) => reluPool(backend, a!));
  kernel(RELU_POOL_GRAD, ({ inputs: { a, dy }, backend }) => reluPoolGrad(backend, a!, dy!));
  tf.registerGradient({
    kernelName: RELU_POOL, inputsToSave: ['a'],
    gradFunc: ((dy: Tensor, [a]: Tensor[]) => ({ a: () => call(RELU_POOL_GRAD, { a: a!, dy }) })) as never,
  });

  kernel(MATMUL, ({ inputs: { a, b }, backend, attrs }) => matMul(backend, a!, b!, !!attrs.transposeA, !!attrs.transposeB));
  tf.registerGradient({
    kernelName: MATMUL, inputsToSave: ['a', 'b'],
    gradFunc: ((dy: Tensor, [a, b]: Tensor[], attrs: Attrs) => {
      if (attrs.transposeA || attrs.transposeB) throw new Error('FmMatMul: gradient of transposed products not implemented');
      return {
        a: () => call(MATMUL, { a: dy, b: b! }, { transposeA: false, transposeB: true }),
        b: () => call(MATMUL, { a: a!, b: dy }, { transposeA: true, transposeB: false }),
      };
    }) as never,
  });

  kernel(BIAS_ADD, ({ inputs: { x, bias }, backend }) => biasAdd(backend, x!, bias!));
  tf.registerGradient({
    kernelName: BIAS_ADD, inputsToSave: ['x'],
    gradFunc: ((dy: Tensor) => ({ x: () => dy, bias: () => call(COLUMN_SUMS, { x: dy }) })) as never,
  });
  kernel(COLUMN_SUMS, ({ inputs: { x }, backend }) => {
    const c = x!.shape.at(-1)!;
    const cb = c % 4 === 0 ? c / 4 : c;
    return columnSums(backend, { key: 'plain', rows: x!.shape.reduce((p, d) => p * d, 1) / c, cols: c, inputs: [['x', x!]], terms: [`x[r * ${cb} + c]`] });
  });

  kernel(MOMENTS, ({ inputs: { x }, backend }) => moments(backend, x!));
  kernel(BN_APPLY, ({ inputs: { x, mean, variance, gamma, beta }, backend, attrs }) =>
    apply(backend, x!, mean!, variance!, gamma!, beta!, attrs.epsilon as number));
  kernel(BN_SUMS, ({ inputs: { dy, x, mean }, backend }) => gradSums(backend, dy!, x!, mean!));
  kernel(BN_DX, ({ inputs: { dy, x, mean, variance, gamma, sums }, backend, attrs }) =>
    inputGrad(backend, dy!, x!, mean!, variance!, gamma!, sums!, attrs.epsilon as number));
  kernel(BN_PARAMS, ({ inputs: { sums, variance }, backend, attrs }) => paramGrads(backend, sums!, variance!, attrs.epsilon as number));
  kernel(ADAM_MOMENTS, ({ inputs: { g, mv }, backend, attrs }) => adamMoments(backend, g!, mv!, attrs.beta1 as number, attrs.beta2 as number));
  kernel(ADAM_STEP, ({ inputs: { p, mv }, backend, attrs }) =>
    adamStep(backend, p!, mv!, attrs.c1 as number, attrs.c2 as number, attrs.epsilon as number));
  installed = true;
  return disabled === null;
}

/** tfjs's own input gradient, for layers whose input channels are not a multiple of 4. */
function tfInputGrad(tf: Tf, dy: Tensor, w: Tensor, xs: [number, number, number, number], a: Attrs): Tensor {
  const [kh, kw] = w.shape as [number, number];
  const pad = [[0, 0], [a.pt, (a.oh as number) + kh - 1 - xs[1] - (a.pt as number)], [a.pl, (a.ow as number) + kw - 1 - xs[2] - (a.pl as number)], [0, 0]];
  return tf.conv2dTranspose(dy as never, w as never, xs, 1, pad as never);
}
