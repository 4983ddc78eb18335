/**
 * BatchNormalization in training mode with its gradient written out. Differentiating tfjs-layers' version op by
 * op (moments, then the batch-norm kernel) costs about a dozen full-size element-wise kernels per layer per step;
 * the closed form needs six in the backward pass (Ioffe & Szegedy 2015, with x̂ = (x − μ)/σ, n values per channel):
 *   dβ = Σ dy,  dγ = Σ dy·x̂,  dx = (γ/σ) · (dy − dβ/n − x̂ · dγ/n)
 * Moving statistics are updated exactly as tfjs-layers does: m ← m − (m − batch)·(1 − momentum), batch variance biased.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from '../engine/types.ts';

export interface BnLayer {
  gamma: { read(): Tensor } | null; beta: { read(): Tensor } | null;
  movingMean: { read(): Tensor; write(t: Tensor): void }; movingVariance: { read(): Tensor; write(t: Tensor): void };
  epsilon: number; momentum: number; axis: number | number[];
}

export function batchNormTraining(tf: Tf, layer: BnLayer, x: Tensor): Tensor {
  const axes = Array.from({ length: x.rank - 1 }, (_, i) => i);
  const last = Array.isArray(layer.axis) ? layer.axis[0] : layer.axis;
  if (last !== -1 && last !== x.rank - 1) throw new Error('the training loop supports BatchNormalization over the last axis only');
  const channels = x.shape[x.rank - 1]!;
  const n = x.size / channels;
  const eps = layer.epsilon;
  const gamma = layer.gamma?.read() ?? tf.onesLike(layer.movingMean.read());
  const beta = layer.beta?.read() ?? tf.zerosLike(layer.movingMean.read());
  let stats: Tensor[] = [];
  const bn = tf.customGrad(((xi: Tensor, g: Tensor, b: Tensor, save: (t: Tensor[]) => void) => {
    const { mean, variance } = tf.moments(xi, axes);
    stats = [tf.keep(mean), tf.keep(variance)];
    save([xi, mean, variance, g]);
    return {
      value: tf.batchNorm(xi, mean, variance, b, g, eps),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [xs, m, v, gs] = saved as [Tensor, Tensor, Tensor, Tensor];
        const xhat = tf.batchNorm(xs, m, v, undefined, undefined, eps);
        const dbeta = tf.sum(dy, axes);
        const dgamma = tf.sum(tf.mul(dy, xhat), axes);
        const scale = tf.mul(gs, tf.rsqrt(tf.add(v, eps)));
        const centred = tf.sub(tf.sub(dy, tf.div(dbeta, n)), tf.mul(xhat, tf.div(dgamma, n)));
        return [tf.mul(centred, scale), dgamma, dbeta];
      },
    };
  }) as never) as unknown as (x: Tensor, g: Tensor, b: Tensor) => Tensor;
  const y = bn(x, gamma, beta);
  const [mean, variance] = stats as [Tensor, Tensor];
  tf.tidy(() => {
    for (const [v, batch] of [[layer.movingMean, mean], [layer.movingVariance, variance]] as const) {
      const old = v.read();
      v.write(tf.sub(old, tf.mul(tf.sub(old, batch), 1 - layer.momentum)));
    }
  });
  tf.dispose(stats);
  return y;
}
