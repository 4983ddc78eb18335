/**
 * Moves weights between a tfjs-layers model and a CpuNet (same layouts: conv [kh, kw, cin, cout], dense
 * [in, out], BatchNormalization γ, β, moving mean, moving variance). Only the layer kinds the book's small CNN
 * uses are accepted; anything else is refused with the layer's name rather than trained wrongly.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../../engine/types.ts';
import { CpuNet, type Op } from './net.ts';

type AnyLayer = LayersModel['layers'][number] & Record<string, unknown>;

const activationName = (l: AnyLayer): string => (l.getConfig().activation as string | undefined) ?? 'linear';

export async function cpuNetFromModel(model: LayersModel): Promise<CpuNet> {
  const ops: Op[] = [];
  for (const layer of model.layers as AnyLayer[]) {
    const kind = layer.getClassName();
    const cfg = layer.getConfig();
    const weights = await Promise.all(layer.getWeights().map(async (w) => Float32Array.from(await w.data() as Float32Array)));
    const refuse = (why: string) => { throw new Error(`the CPU trainer cannot run layer "${layer.name}" (${kind}): ${why}`); };
    if (kind === 'Conv2D') {
      const k = cfg.kernelSize as number[], st = cfg.strides as number[], d = cfg.dilationRate as number[] | number;
      if (cfg.padding !== 'same' || st.some((v) => v !== 1) || [d].flat().some((v) => v !== 1) || cfg.useBias || activationName(layer) !== 'linear' || k.some((v) => v % 2 === 0)) {
        refuse('only odd-sized, stride-1, undilated "same" convolutions without bias or activation');
      }
      ops.push({ kind: 'conv', name: layer.name, kh: k[0]!, kw: k[1]!, cout: cfg.filters as number, kernel: weights[0]!, trainable: layer.trainable });
    } else if (kind === 'BatchNormalization') {
      if (!cfg.center || !cfg.scale || ![-1, 3].includes([cfg.axis as number | number[]].flat()[0]!)) refuse('only last-axis batch norm with γ and β');
      const [gamma, beta, mean, variance] = weights as [Float32Array, Float32Array, Float32Array, Float32Array];
      ops.push({ kind: 'bn', name: layer.name, gamma, beta, mean, variance, eps: cfg.epsilon as number, momentum: cfg.momentum as number, trainable: layer.trainable });
    } else if (kind === 'ReLU' || (kind === 'Activation' && activationName(layer) === 'relu')) ops.push({ kind: 'relu', name: layer.name });
    else if (kind === 'MaxPooling2D') {
      const p = cfg.poolSize as number[], st = cfg.strides as number[];
      if (p.some((v) => v !== 2) || st.some((v) => v !== 2) || cfg.padding !== 'valid') refuse('only 2×2 pooling with stride 2');
      ops.push({ kind: 'pool', name: layer.name });
    } else if (kind === 'Flatten') ops.push({ kind: 'flatten', name: layer.name });
    else if (kind === 'Dense') {
      const act = activationName(layer);
      if (!['relu', 'linear'].includes(act) || !cfg.useBias) refuse('only dense layers with bias and a linear or ReLU activation');
      ops.push({ kind: 'dense', name: layer.name, kernel: weights[0]!, bias: weights[1]!, relu: act === 'relu', trainable: layer.trainable });
    } else if (kind === 'Softmax' && layer === model.layers[model.layers.length - 1]) ops.push({ kind: 'softmax', name: layer.name });
    else refuse('not one of Conv2D, BatchNormalization, ReLU, MaxPooling2D, Flatten, Dense, final Softmax');
  }
  return new CpuNet(ops);
}

/** Writes the net's weights (and BatchNorm statistics) back into the model, layer by layer. */
export function copyCpuNetToModel(tf: Tf, net: CpuNet, model: LayersModel): void {
  for (const op of net.ops) {
    const layer = model.getLayer(op.name);
    const shapes = layer.getWeights().map((w) => w.shape);
    const arrays = op.kind === 'conv' ? [op.kernel] : op.kind === 'bn' ? [op.gamma, op.beta, op.mean, op.variance] : op.kind === 'dense' ? [op.kernel, op.bias] : [];
    if (arrays.length === 0) continue;
    const tensors = arrays.map((a, i) => tf.tensor(a, shapes[i]));
    layer.setWeights(tensors as never);
    tf.dispose(tensors);
  }
}
