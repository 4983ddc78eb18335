/**
 * One image through a trained sequential model on the engine, keeping what every layer outputs (inference
 * mode: batch norm uses its stored statistics). The layers are applied one by one inside `tf.tidy`; all the
 * outputs are read with `await data()` and disposed before returning, so nothing stays on the GPU.
 * Also reads a model's weights once, as plain arrays, for the kernels and explanations the view shows.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { PlainTensor } from '../conv/tensor.ts';
import { yieldToPage } from '../schedule/slices.ts';

export interface LayerOutput extends PlainTensor { name: string }

export interface ForwardResult { input: PlainTensor; layers: LayerOutput[]; ms: number; backend: string }

/**
 * `input`: [1, 28, 28, 1] pixel / 255. Returns the output of every layer, batch axis kept (NHWC / [1, n]).
 * With `firstPart` (a number of layers, 1 to all but one) and `onPart`, those first layers run and are read first and
 * handed to `onPart`, then the rest runs: one more read-back (about a millisecond on a GPU), but the first maps can be
 * drawn before the later layers are done: on a first pass that compiles each GPU program, seconds earlier.
 */
export async function forwardAll(tf: Tf, model: LayersModel, input: PlainTensor, firstPart?: number, onPart?: (layers: LayerOutput[]) => void): Promise<ForwardResult> {
  const t0 = performance.now();
  const n = model.layers.length;
  const split = onPart && firstPart !== undefined && firstPart >= 1 && firstPart < n ? firstPart : n;
  const apply = (from: number, to: number, h: Tensor) => tf.tidy(() => model.layers.slice(from, to).map((layer) => (h = layer.apply(h, { training: false }) as Tensor)));
  const outs: Tensor[] = [];
  try {
    const x = tf.tensor(input.data, input.shape);
    try {
      outs.push(...apply(0, split, x));
    } finally {
      x.dispose();
    }
    const layerOf = (i: number, data: Float32Array) => ({ name: model.layers[i]!.name, data, shape: [...outs[i]!.shape] });
    const first = (await Promise.all(outs.map((t) => t.data()))) as Float32Array[];
    if (split < n) {
      // The rest is dispatched only now: queued behind the first part, it held the first part's read-back until it
      // was done too (Chromium's WebGPU on SwiftShader answered both at once).
      onPart!(first.map((d, i) => layerOf(i, d)));
      // In a task of its own: not after the first part's drawing, in the same task.
      await yieldToPage();
      outs.push(...apply(split, n, outs[split - 1]!));
    }
    const data = [...first, ...((await Promise.all(outs.slice(split).map((t) => t.data()))) as Float32Array[])];
    return { input, layers: data.map((d, i) => layerOf(i, d)), ms: performance.now() - t0, backend: tf.getBackend() };
  } finally {
    tf.dispose(outs);
  }
}

/** Every layer's weights by layer name, in tfjs order (conv: kernel[, bias]; bn: γ, β, mean, variance; dense: kernel, bias). */
export type Weights = Record<string, PlainTensor[]>;

export async function readWeights(model: LayersModel): Promise<Weights> {
  const out: Weights = {};
  for (const layer of model.layers) {
    const ws = layer.getWeights(); // the layer's own variables: nothing to dispose
    out[layer.name] = await Promise.all(ws.map(async (w) => ({ data: Float32Array.from((await w.data()) as Float32Array), shape: [...w.shape] })));
  }
  return out;
}
