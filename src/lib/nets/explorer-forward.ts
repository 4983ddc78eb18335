/**
 * One image through a trained sequential model on the engine, keeping what every layer outputs (inference
 * mode: batch norm uses its stored statistics). The layers are applied one by one inside `tf.tidy`; all the
 * outputs are read with `await data()` together and disposed before returning, so nothing stays on the GPU.
 * Also reads a model's weights once, as plain arrays, for the kernels and explanations the view shows.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { PlainTensor } from '../conv/tensor.ts';

export interface LayerOutput extends PlainTensor { name: string }

export interface ForwardResult { input: PlainTensor; layers: LayerOutput[]; ms: number; backend: string }

/** `input`: [1, 28, 28, 1] pixel / 255. Returns the output of every layer, batch axis kept (NHWC / [1, n]). */
export async function forwardAll(tf: Tf, model: LayersModel, input: PlainTensor): Promise<ForwardResult> {
  const t0 = performance.now();
  const outs = tf.tidy(() => {
    let h: Tensor = tf.tensor(input.data, input.shape);
    return model.layers.map((layer) => (h = layer.apply(h, { training: false }) as Tensor));
  });
  try {
    const data = (await Promise.all(outs.map((t) => t.data()))) as Float32Array[];
    const layers = outs.map((t, i) => ({ name: model.layers[i]!.name, data: data[i]!, shape: [...t.shape] }));
    return { input, layers, ms: performance.now() - t0, backend: tf.getBackend() };
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
