/**
 * One transfer-learning run on the CPU net (src/lib/train/cpu): build the network a strategy starts from,
 * train it for a fixed budget with seeded batches and per-layer learning rates, and measure test accuracy.
 * Pure TypeScript with no I/O, so the same code runs `npm run experiments` and the unit tests.
 */
import { permutation } from '../train/batches.ts';
import type { Gemm } from '../train/cpu/gemm.ts';
import { CpuNet, type Op } from '../train/cpu/net.ts';
import { addL2spGradient, type L2spTerm } from '../train/cpu/l2sp.ts';
import { uniform } from '../random/lcg.ts';
import type { Strategy } from './strategies.ts';

/** Images (or features) already scaled, `count` rows of h·w values, with labels 0…k−1. */
export interface Samples { x: Float32Array; labels: Int32Array; count: number; h: number; w: number }

const gemmOption = (gemm?: Gemm) => (gemm ? { gemm } : {});

/** A deep copy: weights, BatchNorm statistics and trainable flags; the optimiser state starts fresh. */
export function cloneNet(net: CpuNet, gemm?: Gemm): CpuNet {
  return new CpuNet(net.ops.map((op) => structuredClone(op)), gemmOption(gemm));
}

export const indexOfLayer = (net: CpuNet, name: string): number => {
  const i = net.ops.findIndex((op) => op.name === name);
  if (i < 0) throw new Error(`the network has no layer "${name}" (layers: ${net.ops.map((op) => op.name).join(', ')})`);
  return i;
};

/**
 * The network a strategy starts from: the source's layers (or `fresh`'s for training from scratch) with
 * `fresh`'s `logits` layer as the new head — sized for the target's classes, seeded — and the layers below
 * `strategy.firstTrained` frozen. `fresh` is a randomly initialised net of the same architecture. A strategy
 * with a `cut` keeps the layers up to the cut and puts a new linear head (`newDense`, seeded by `seed`) on
 * their flattened output.
 */
export function startingNet(strategy: Strategy, source: CpuNet | null, fresh: CpuNet, gemm?: Gemm, seed = 1): CpuNet {
  if (strategy.pretrained && !source) throw new Error(`strategy "${strategy.id}" needs a pretrained source network`);
  const base = strategy.pretrained ? source! : fresh;
  const head = fresh.ops[indexOfLayer(fresh, 'logits')]!;
  let ops: Op[];
  if (strategy.cut) {
    const kept = base.ops.slice(0, indexOfLayer(base, strategy.cut) + 1).map((op) => structuredClone(op));
    const classes = (head as Extract<Op, { kind: 'dense' }>).bias.length;
    ops = [...kept, { kind: 'flatten', name: 'flatten' }, newDense('logits', outputWidth(kept), classes, seed), { kind: 'softmax', name: 'probs' }];
  } else ops = base.ops.map((op) => structuredClone(op.name === 'logits' ? head : op));
  const net = new CpuNet(ops, gemmOption(gemm));
  net.freezeBelow(indexOfLayer(net, strategy.firstTrained));
  return net;
}

/** A dense layer with Glorot-uniform weights (limit √(6 / (in + out)), tfjs's default) from `seed`, zero bias. */
export function newDense(name: string, inDim: number, outDim: number, seed: number, relu = false): Extract<Op, { kind: 'dense' }> {
  const limit = Math.sqrt(6 / (inDim + outDim));
  return { kind: 'dense', name, kernel: uniform(seed * 7919 + inDim, inDim * outDim, -limit, limit), bias: new Float32Array(outDim), relu };
}

/** Values per image after `ops` for h×w single-channel input (convolutions are "same", pooling halves). */
export function outputWidth(ops: readonly Op[], h = 28, w = 28): number {
  let c = 1;
  for (const op of ops) {
    if (op.kind === 'conv') c = op.cout;
    else if (op.kind === 'pool') { h >>= 1; w >>= 1; }
    else if (op.kind === 'dense') { c = op.bias.length; h = 1; w = 1; }
  }
  return h * w * c;
}

/**
 * Splits a net at its lowest trained layer: `frozen` (inference only) and `trained`. When `trained` starts at
 * a dense layer, running `frozen` once over the data and training `trained` on its output is the same
 * computation as training the whole net (frozen layers have no gradient and fixed statistics), much faster.
 */
export function splitFrozen(net: CpuNet, gemm?: Gemm): { frozen: CpuNet; trained: CpuNet; cacheable: boolean } {
  const lowest = net.ops.findIndex((op) => (op.kind === 'conv' || op.kind === 'dense' || op.kind === 'bn') && op.trainable !== false);
  const at = lowest < 0 ? net.ops.length : lowest;
  return {
    frozen: new CpuNet(net.ops.slice(0, at), gemmOption(gemm)),
    trained: new CpuNet(net.ops.slice(at), gemmOption(gemm)),
    cacheable: net.ops[at]?.kind === 'dense',
  };
}

/** The output of `net` for every sample, in chunks, as new samples (features of width `h·w`, h = width, w = 1). */
export function forwardAll(net: CpuNet, data: Samples, chunk = 250): Samples {
  const px = data.h * data.w;
  const parts: Float32Array[] = [];
  for (let from = 0; from < data.count; from += chunk) {
    const n = Math.min(chunk, data.count - from);
    parts.push(net.logits(data.x.subarray(from * px, (from + n) * px), n, data.h, data.w));
  }
  const x = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { x.set(p, at); at += p.length; }
  return { x, labels: data.labels, count: data.count, h: x.length / Math.max(1, data.count), w: 1 };
}

export interface FitOptions {
  steps: number;
  batch: number;
  seed: number;
  learningRate: number;
  /** Learning-rate multiplier of a layer, by name (e.g. 0.1 for pretrained layers, 1 for the new head). */
  lrMultiplier?: (layer: string) => number;
  /** Changes each batch's images (augmentation), given the batch, its size and the step (0, 1, …). */
  augment?: (x: Float32Array, n: number, step: number) => Float32Array;
  /** An L2-SP penalty whose gradient is added to the loss's (src/lib/train/cpu/l2sp.ts). */
  l2sp?: L2spTerm;
}

/** Adam on seeded batches: epoch e visits `permutation(count, seed·7919 + e)`; returns the loss of each step (without Ω). */
export function fit(net: CpuNet, data: Samples, o: FitOptions): number[] {
  const px = data.h * data.w;
  const perEpoch = Math.floor(data.count / o.batch);
  if (perEpoch < 1) throw new Error(`batch ${o.batch} is larger than the ${data.count} samples`);
  const multipliers = net.paramOps().flatMap(({ name, arrays }) => arrays.map(() => o.lrMultiplier?.(name) ?? 1));
  const x = new Float32Array(o.batch * px), y = new Int32Array(o.batch);
  const losses: number[] = [];
  let order: Int32Array = new Int32Array(0);
  for (let step = 0; step < o.steps; step++) {
    const epoch = Math.floor(step / perEpoch), first = (step % perEpoch) * o.batch;
    if (step % perEpoch === 0) order = permutation(data.count, o.seed * 7919 + epoch);
    for (let b = 0; b < o.batch; b++) {
      const i = order[first + b]!;
      x.set(data.x.subarray(i * px, (i + 1) * px), b * px);
      y[b] = data.labels[i]!;
    }
    const { loss, grads } = net.lossAndGrads(o.augment ? o.augment(x, o.batch, step) : x, y, o.batch, data.h, data.w);
    if (o.l2sp) addL2spGradient(net.params(), grads, o.l2sp);
    net.applyAdam(grads, { learningRate: o.learningRate, lrMultipliers: multipliers });
    losses.push(loss);
  }
  return losses;
}

/** Fraction of samples whose largest logit is their label (inference mode: moving BatchNorm statistics). */
export function accuracy(net: CpuNet, data: Samples, chunk = 250): number {
  const z = forwardAll(net, data, chunk).x;
  const k = z.length / data.count;
  let right = 0;
  for (let i = 0; i < data.count; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (z[i * k + c]! > z[i * k + best]!) best = c;
    if (best === data.labels[i]) right++;
  }
  return data.count ? right / data.count : NaN;
}
