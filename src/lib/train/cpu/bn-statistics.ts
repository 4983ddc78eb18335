/**
 * BatchNorm statistics measured on a set of images rather than accumulated during training: used to adapt a
 * network to a new domain without labels (AdaBN: Li et al., 2016, "Revisiting batch normalization for
 * practical domain adaptation") and to give a briefly trained network exact population statistics (with
 * momentum 0.99, a few dozen steps leave the moving averages mostly at their starting values).
 * Layers are measured in order, each with the layers below it already re-estimated, as inference will run them.
 */
import type { Gemm } from './gemm.ts';
import { CpuNet } from './net.ts';

export interface BnChange { name: string; before: { mean: Float32Array; variance: Float32Array }; after: { mean: Float32Array; variance: Float32Array } }

/**
 * Replaces the moving mean and (biased) variance of every BatchNorm layer accepted by `only` with those of
 * its input over the `count` images `x` ([count, h, w, 1], already scaled). Returns what changed.
 */
export function reestimateBatchNorm(net: CpuNet, x: Float32Array, count: number, o: { h?: number; w?: number; gemm?: Gemm; chunk?: number; only?: (name: string) => boolean } = {}): BnChange[] {
  const h = o.h ?? 28, w = o.w ?? 28, chunk = o.chunk ?? 250, px = h * w;
  const changes: BnChange[] = [];
  net.ops.forEach((op, i) => {
    if (op.kind !== 'bn' || (o.only && !o.only(op.name))) return;
    const below = new CpuNet(net.ops.slice(0, i), o.gemm ? { gemm: o.gemm } : {});
    const c = op.gamma.length;
    const sum = new Float64Array(c), sq = new Float64Array(c);
    let m = 0;
    for (let from = 0; from < count; from += chunk) {
      const n = Math.min(chunk, count - from);
      const a = below.logits(x.subarray(from * px, (from + n) * px), n, h, w);
      for (let j = 0; j < a.length; j += c) for (let ch = 0; ch < c; ch++) { const v = a[j + ch]!; sum[ch] += v; sq[ch] += v * v; }
      m += a.length / c;
    }
    const before = { mean: op.mean.slice(), variance: op.variance.slice() };
    for (let ch = 0; ch < c; ch++) {
      const mu = sum[ch]! / m;
      op.mean[ch] = mu;
      op.variance[ch] = Math.max(0, sq[ch]! / m - mu * mu);
    }
    changes.push({ name: op.name, before, after: { mean: op.mean.slice(), variance: op.variance.slice() } });
  });
  return changes;
}

/**
 * How far target statistics sit from the source's, per layer: the mean over channels of |μₜ − μₛ| / σₛ (in
 * source standard deviations) and the geometric mean of σₜ / σₛ (1 = same spread).
 */
export function statisticsShift(change: BnChange): { name: string; meanShift: number; sdRatio: number } {
  const { before: s, after: t } = change;
  let shift = 0, logRatio = 0;
  const c = s.mean.length;
  for (let ch = 0; ch < c; ch++) {
    const sdS = Math.sqrt(s.variance[ch]! + 1e-3), sdT = Math.sqrt(t.variance[ch]! + 1e-3);
    shift += Math.abs(t.mean[ch]! - s.mean[ch]!) / sdS;
    logRatio += Math.log(sdT / sdS);
  }
  return { name: change.name, meanShift: shift / c, sdRatio: Math.exp(logRatio / c) };
}
