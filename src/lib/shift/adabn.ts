/**
 * AdaBN (Li et al., 2016): adapt a network to a new domain by replacing each BatchNorm layer's moving mean and
 * variance with the statistics of its input on unlabelled target images — nothing else changes. Layer by
 * layer: the second BatchNorm's input is computed with the first one already adapted. Statistics are merged
 * over fixed-size batches in float64 (moments.ts); the variance is the biased one, as BatchNorm's is.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { ImageSet } from '../train/batches.ts';
import type { BnLayer } from '../train/batch-norm.ts';
import { MOMENTS, installGpuKernels } from '../train/gpu/kernels.ts';
import { batchTensor, runLayers } from '../transfer/layer-features.ts';
import { emptyMoments, mergeMoments, type Moments } from './moments.ts';

/** Per-channel mean and biased variance of [n, h, w, c]: the book's barrier-free kernel on WebGPU, tfjs elsewhere. */
function channelStats(tf: Tf, x: Tensor): [Tensor, Tensor] {
  if (x.shape[3]! % 4 === 0 && tf.getBackend() === 'webgpu' && installGpuKernels(tf)) {
    return tf.engine().runKernel(MOMENTS, { x } as never) as unknown as [Tensor, Tensor];
  }
  const m = tf.moments(x, [0, 1, 2]);
  return [m.mean, m.variance];
}

export interface BnStatistics { layer: string; mean: Float32Array; variance: Float32Array; count: number }

/** Re-estimates every BatchNorm layer of `model` (in place) on `set`; returns the statistics written. */
export async function adaptBatchNorm(tf: Tf, model: LayersModel, set: ImageSet, batchSize = 128): Promise<BnStatistics[]> {
  if (set.count < 1) throw new Error('AdaBN needs at least one target image');
  const written: BnStatistics[] = [];
  for (const [i, layer] of model.layers.entries()) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const bn = layer as unknown as BnLayer;
    let acc: Moments | null = null;
    for (let start = 0; start < set.count; start += batchSize) {
      const rows = Math.min(batchSize, set.count - start);
      let perChannel = 0;
      const [mean, variance] = tf.tidy(() => {
        let h = batchTensor(tf, set, start, batchSize);
        if (i > 0) h = runLayers(tf, model, h, i - 1, [i - 1])[0]!;
        if (rows < batchSize) h = tf.slice(h, 0, rows); // padding images are not target data
        perChannel = h.size / h.shape[3]!;
        return channelStats(tf, h);
      }) as [Tensor, Tensor];
      const [m, v] = await Promise.all([mean.data(), variance.data()]);
      tf.dispose([mean, variance]);
      acc = mergeMoments(acc ?? emptyMoments(m.length), perChannel, m, v);
    }
    const stats = { layer: layer.name, mean: Float32Array.from(acc!.mean), variance: Float32Array.from(acc!.variance), count: acc!.count };
    tf.tidy(() => {
      bn.movingMean.write(tf.tensor1d(stats.mean));
      bn.movingVariance.write(tf.tensor1d(stats.variance));
    });
    written.push(stats);
  }
  return written;
}
