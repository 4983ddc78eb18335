/**
 * BatchNormalization in training mode with its gradient written out. Differentiating tfjs-layers' version op by
 * op (moments, then the batch-norm kernel) costs about a dozen full-size element-wise kernels per layer per step;
 * the closed form needs six in the backward pass (Ioffe & Szegedy 2015, with x̂ = (x − μ)/σ, n values per channel):
 *   dβ = Σ dy,  dγ = Σ dy·x̂,  dx = (γ/σ) · (dy − dβ/n − x̂ · dγ/n)
 * Moving statistics are updated exactly as tfjs-layers does: m ← m − (m − batch)·(1 − momentum), batch variance biased.
 * On WebGPU (channels a multiple of 4) the statistics and the backward pass are the barrier-free kernels of
 * gpu/batch-norm.ts: tfjs's reductions, and its broadcast of a per-channel vector over a feature map, use
 * workgroup barriers that cost seconds per step on a software adapter (gpu/program.ts).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from '../engine/types.ts';
import { BN_APPLY, BN_DX, BN_PARAMS, BN_SUMS, MOMENTS, installGpuKernels } from './gpu/kernels.ts';

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
  const gpu = channels % 4 === 0 && tf.getBackend() === 'webgpu' && installGpuKernels(tf);
  const run = (name: string, inputs: Record<string, Tensor>) => tf.engine().runKernel(name, inputs as never, { epsilon: eps } as never);
  const bn = tf.customGrad(((xi: Tensor, g: Tensor, b: Tensor, save: (t: Tensor[]) => void) => {
    const { mean, variance } = gpu
      ? (([mean, variance]) => ({ mean, variance }))(run(MOMENTS, { x: xi }) as Tensor[])
      : tf.moments(xi, axes);
    stats = [tf.keep(mean), tf.keep(variance)];
    save([xi, mean, variance, g]);
    return {
      value: gpu ? run(BN_APPLY, { x: xi, mean, variance, gamma: g, beta: b }) as Tensor : tf.batchNorm(xi, mean, variance, b, g, eps),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [xs, m, v, gs] = saved as [Tensor, Tensor, Tensor, Tensor];
        if (gpu) {
          const sums = run(BN_SUMS, { dy, x: xs, mean: m }) as Tensor;
          const [dgamma, dbeta] = run(BN_PARAMS, { sums, variance: v }) as Tensor[];
          return [run(BN_DX, { dy, x: xs, mean: m, variance: v, gamma: gs, sums }) as Tensor, dgamma!, dbeta!];
        }
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
