/**
 * Runs at the start of every WebGPU engine scope: registers our kernels (kernels.ts) and the fast filter gradient
 * (../fast-conv-grad.ts) for every widget alike, then computes each once on small seeded inputs — the first
 * compiles, inside GPU validation scopes — against float64 references. A kernel that fails (a WGSL validation
 * error, wrong numbers) is replaced by tfjs's own, and the reason is kept in the scope's `kernels` list (shown on
 * /device/ and in the engine report). A program that later fails validation on a new shape does the same, and
 * renews the scope so widgets recompute with tfjs's kernels.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { renewScope, type EngineScope, type KernelCheck } from '../../engine/scope.ts';
import type { Tf } from '../../engine/types.ts';
import { conv2dReference } from '../../conv/reference.ts';
import { uniform } from '../../random/lcg.ts';
import { installFastConvGrad, uninstallFastConvGrad } from '../fast-conv-grad.ts';
import { CONV, MATMUL, MOMENTS, installGpuKernels, setGpuKernelsDisabled } from './kernels.ts';
import { compileFailures, compilesChecked, onCompileFailure } from './validation.ts';
import { yieldToPage } from '../../schedule/slices.ts';

type Check = { name: string; run(tf: Tf): Promise<string | null> };

const close = (got: ArrayLike<number>, ref: ArrayLike<number>, scale: ArrayLike<number> | number): string | null => {
  if (got.length !== ref.length) return `${got.length} values instead of ${ref.length}`;
  for (let i = 0; i < ref.length; i++) {
    const tol = 1e-5 + 1e-4 * (typeof scale === 'number' ? scale : scale[i]!);
    if (!(Math.abs(got[i]! - ref[i]!) <= tol)) return `value ${i} is ${got[i]} instead of ${ref[i]}`;
  }
  return null;
};

async function read(tf: Tf, make: () => Tensor | Tensor[]): Promise<Float32Array[]> {
  const out = tf.tidy(make);
  const list = Array.isArray(out) ? out : [out];
  try {
    // Building a program and running it, then submitting the work and mapping its result for reading: two tasks,
    // not one (each check was one task of 12–31 ms on an embed page here, the first compiling much of tfjs's code).
    await yieldToPage();
    return await Promise.all(list.map(async (t) => (await t.data()) as Float32Array));
  } finally {
    tf.dispose(list);
  }
}

const X = { data: uniform(11, 1 * 5 * 5 * 4), shape: [1, 5, 5, 4] };
const W = { data: uniform(12, 3 * 3 * 4 * 4), shape: [3, 3, 4, 4] };

const OURS: Check[] = [
  { name: CONV, async run(tf) {
    const ref = conv2dReference(X, W, { stride: 1, padding: 'same', dilation: 1 });
    const [got] = await read(tf, () => tf.engine().runKernel(CONV, { x: tf.tensor4d(X.data, X.shape as never), w: tf.tensor4d(W.data, W.shape as never) } as never,
      { oh: 5, ow: 5, pt: 1, pl: 1 } as never) as Tensor);
    return close(got!, ref.data, ref.absSum);
  } },
  { name: MATMUL, async run(tf) {
    const a = uniform(13, 5 * 7), b = uniform(14, 7 * 6), ref = new Float64Array(30);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 6; j++) for (let k = 0; k < 7; k++) ref[i * 6 + j] += a[i * 7 + k]! * b[k * 6 + j]!;
    const [got] = await read(tf, () => tf.engine().runKernel(MATMUL, { a: tf.tensor2d(a, [5, 7]), b: tf.tensor2d(b, [7, 6]) } as never,
      { transposeA: false, transposeB: false } as never) as Tensor);
    return close(got!, ref, 7);
  } },
  { name: MOMENTS, async run(tf) {
    const rows = 25, mean = new Float64Array(4), variance = new Float64Array(4);
    for (let r = 0; r < rows; r++) for (let c = 0; c < 4; c++) mean[c] += X.data[r * 4 + c]! / rows;
    for (let r = 0; r < rows; r++) for (let c = 0; c < 4; c++) variance[c] += (X.data[r * 4 + c]! - mean[c]!) ** 2 / rows;
    const got = await read(tf, () => tf.engine().runKernel(MOMENTS, { x: tf.tensor4d(X.data, X.shape as never) } as never) as unknown as Tensor[]);
    return close(got[0]!, mean, 1) ?? close(got[1]!, variance, 1);
  } },
];

const FILTER_GRAD: Check = { name: 'Conv2DBackpropFilter (im2col)', async run(tf) {
  const dy = uniform(15, 5 * 5 * 4), ref = new Float64Array(3 * 3 * 4 * 4), abs = new Float64Array(ref.length);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let c = 0; c < 4; c++) for (let o = 0; o < 4; o++) {
    const k = ((i * 3 + j) * 4 + c) * 4 + o;
    for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) {
      const yy = y + i - 1, xx = x + j - 1;
      if (yy < 0 || yy >= 5 || xx < 0 || xx >= 5) continue;
      const p = X.data[(yy * 5 + xx) * 4 + c]! * dy[(y * 5 + x) * 4 + o]!;
      ref[k] += p;
      abs[k] += Math.abs(p);
    }
  }
  const [got] = await read(tf, () => tf.engine().runKernel('Conv2DBackpropFilter', { x: tf.tensor4d(X.data, X.shape as never), dy: tf.tensor4d(dy, [1, 5, 5, 4]) } as never,
    { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: 1, filterShape: [3, 3, 4, 4] } as never) as Tensor);
  return close(got!, ref, abs);
} };

/** One check: its numbers, and any validation error its compiles raised on `device`. */
async function check(tf: Tf, device: object, c: Check): Promise<KernelCheck> {
  const before = compileFailures(device).length;
  let reason: string | null;
  try {
    reason = await c.run(tf);
  } catch (err) {
    reason = `${(err as Error).name}: ${(err as Error).message}`;
  }
  await compilesChecked();
  const failed = compileFailures(device).slice(before)[0];
  if (failed) reason = `${failed.name}: ${failed.message}`;
  return reason === null ? { name: c.name, ok: true } : { name: c.name, ok: false, reason: `${reason} — tfjs's own kernel is used instead` };
}

let listening = false;
let checking = false;

export async function setupGpuKernels(scope: EngineScope): Promise<void> {
  const { tf } = scope.engine;
  const device = (tf.backend() as unknown as { device: GPUDevice }).device;
  if (!listening) {
    listening = true;
    // A failure met while checking is the check's own result; one met later (a new shape) renews the scope.
    onCompileFailure(() => { if (!checking) void renewScope(); });
  }
  setGpuKernelsDisabled(null);
  installGpuKernels(tf);
  installFastConvGrad(tf);
  const earlier = compileFailures(device)[0];
  const results: KernelCheck[] = [];
  checking = true;
  try {
    for (const c of [...OURS, FILTER_GRAD]) {
      // A program that already failed on this device keeps every one of ours off for the device's life.
      results.push(earlier ? { name: c.name, ok: false, reason: `${earlier.name}: ${earlier.message} — tfjs's own kernel is used instead` } : await check(tf, device, c));
    }
  } finally {
    checking = false;
  }
  const bad = results.slice(0, OURS.length).find((r) => !r.ok);
  if (bad) setGpuKernelsDisabled(bad.reason!);
  if (!results.at(-1)!.ok) uninstallFastConvGrad(tf);
  scope.kernels.push(...results);
}
