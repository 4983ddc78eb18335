/**
 * A sequential network in plain TypeScript: the layers the book's small CNN uses (same/stride-1 conv without
 * bias, BatchNormalization, ReLU, 2×2 max pooling, flatten, dense with optional ReLU, softmax head), its loss
 * and gradients for one batch, and Adam exactly as tfjs applies it. Weights use tfjs's layouts, so they move to
 * and from a tfjs-layers model unchanged (./convert.ts).
 */
import * as K from './kernels.ts';
import { jsGemm, type Gemm } from './gemm.ts';

export type Op =
  | { kind: 'conv'; name: string; kh: number; kw: number; cout: number; kernel: Float32Array; trainable?: boolean }
  | { kind: 'bn'; name: string; gamma: Float32Array; beta: Float32Array; mean: Float32Array; variance: Float32Array; eps: number; momentum: number; trainable: boolean }
  | { kind: 'relu' | 'pool' | 'flatten' | 'softmax'; name: string }
  | { kind: 'dense'; name: string; kernel: Float32Array; bias: Float32Array; relu: boolean; trainable?: boolean };

/** A layer is trained unless marked `trainable: false` (a frozen layer: no gradient, BatchNorm in inference mode). */
const trains = (op: Op): boolean => (op.kind === 'conv' || op.kind === 'dense' || op.kind === 'bn') && op.trainable !== false;

export interface AdamOptions { learningRate: number; beta1?: number; beta2?: number; epsilon?: number }

type Cache = { input: Float32Array; shape: K.Shape4; out: Float32Array; extra?: unknown };

export class CpuNet {
  readonly ops: Op[];
  private adam: { m: Float32Array[]; v: Float32Array[]; t: number } | null = null;

  private gemm: Gemm;

  constructor(ops: Op[], options: { gemm?: Gemm } = {}) {
    this.ops = ops;
    this.gemm = options.gemm ?? jsGemm;
  }

  /** Swap the matrix product (e.g. for tfjs-wasm's in pretraining). */
  useGemm(gemm: Gemm): void {
    this.gemm = gemm;
  }

  /** The trainable arrays in tfjs's `model.trainableWeights` order (conv kernel; γ, β; dense kernel, bias). */
  params(): Float32Array[] {
    return this.paramOps().flatMap(({ arrays }) => arrays);
  }

  /** Each trainable array with the name of its layer (for per-layer learning rates). */
  paramOps(): { name: string; arrays: Float32Array[] }[] {
    return this.ops.filter(trains).map((op) => ({
      name: op.name,
      arrays: op.kind === 'conv' ? [op.kernel] : op.kind === 'bn' ? [op.gamma, op.beta] : op.kind === 'dense' ? [op.kernel, op.bias] : [],
    }));
  }

  /** Freezes (false) or unfreezes every layer whose index in `ops` is below `k` — "freeze up to layer k". */
  freezeBelow(k: number): void {
    this.ops.forEach((op, i) => { if (op.kind === 'conv' || op.kind === 'dense' || op.kind === 'bn') op.trainable = i >= k; });
    this.adam = null;
  }

  /** Logits (the softmax head is left to the loss) of `n` images x [n, h, w, 1] in [0, 1]. */
  logits(x: Float32Array, n: number, h = 28, w = 28): Float32Array {
    return this.run(x, { n, h, w, c: 1 }, false, null);
  }

  /** Loss and gradients (in `params()` order) of one batch with batch statistics, moving statistics updated. */
  lossAndGrads(x: Float32Array, labels: ArrayLike<number>, n: number, h = 28, w = 28): { loss: number; grads: Float32Array[] } {
    const caches: Cache[] = [];
    const z = this.run(x, { n, h, w, c: 1 }, true, caches);
    const { loss, dz } = K.softmaxCrossEntropy(z, n, labels);
    const grads: Float32Array[][] = [];
    let g = dz;
    const lowest = this.ops.findIndex(trains);
    for (let i = caches.length - 1; i >= 0 && lowest >= 0; i--) {
      const op = this.ops[i]!;
      const c = caches[i]!;
      const needDx = i > lowest;
      if (op.kind === 'conv') {
        if (op.trainable === false) {
          g = K.convBackwardInput(g, c.shape, op.kernel, op.kh, op.kw, op.cout, this.gemm);
          continue;
        }
        const r = K.convBackward(c.extra as Float32Array, c.shape, op.kernel, op.kh, op.kw, op.cout, g, needDx, this.gemm);
        grads.push([r.dk]);
        g = r.dx!;
      } else if (op.kind === 'bn') {
        if (op.trainable) {
          const r = K.bnBackward(g, c.shape.c, op.gamma, c.extra as K.BnCache);
          grads.push([r.dgamma, r.dbeta]);
          g = r.dx;
        } else g = K.bnFrozenBackward(g, c.shape.c, op.gamma, op.variance, op.eps);
      } else if (op.kind === 'relu') g = K.reluBackward(g, c.out);
      else if (op.kind === 'pool') g = K.maxPool2Backward(g, c.extra as Int32Array, c.input.length);
      else if (op.kind === 'dense') {
        const gz = op.relu ? K.reluBackward(g, c.out) : g;
        const r = K.denseBackward(c.input, c.shape.n, c.input.length / c.shape.n, op.kernel, gz, needDx, this.gemm);
        if (op.trainable !== false) grads.push([r.dk, r.db]);
        g = r.dx!;
      }
      if (!needDx) break;
    }
    return { loss, grads: grads.reverse().flat() };
  }

  /** One Adam step: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − lr·(m/(1−β₁ᵗ))/(√(v/(1−β₂ᵗ)) + ε). */
  applyAdam(grads: Float32Array[], o: AdamOptions & { lrMultipliers?: number[] }): void {
    const params = this.params();
    const b1 = o.beta1 ?? 0.9, b2 = o.beta2 ?? 0.999, eps = o.epsilon ?? 1e-7;
    this.adam ??= { m: params.map((p) => new Float32Array(p.length)), v: params.map((p) => new Float32Array(p.length)), t: 0 };
    const t = ++this.adam.t;
    const c1 = 1 - b1 ** t, c2 = 1 - b2 ** t;
    params.forEach((p, i) => {
      const m = this.adam!.m[i]!, v = this.adam!.v[i]!, g = grads[i]!;
      const lr = o.learningRate * (o.lrMultipliers?.[i] ?? 1);
      for (let j = 0; j < p.length; j++) {
        m[j] = b1 * m[j]! + (1 - b1) * g[j]!;
        v[j] = b2 * v[j]! + (1 - b2) * g[j]! * g[j]!;
        p[j] = p[j]! - (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + eps);
      }
    });
  }

  private run(x: Float32Array, shape: K.Shape4, training: boolean, caches: Cache[] | null): Float32Array {
    let h = x;
    let s = shape;
    for (const op of this.ops) {
      const input = h, inShape = s;
      let extra: unknown;
      if (op.kind === 'conv') {
        const r = K.convForward(h, s, op.kernel, op.kh, op.kw, op.cout, this.gemm);
        h = r.y;
        extra = training ? r.cols : undefined;
        s = { ...s, c: op.cout };
      } else if (op.kind === 'bn') {
        if (training && op.trainable !== false) {
          const r = K.bnTrain(h, s.c, op.gamma, op.beta, op.eps);
          h = r.y;
          extra = r.cache;
          for (let ch = 0; ch < s.c; ch++) {
            op.mean[ch] = op.mean[ch]! - (op.mean[ch]! - r.cache.mean[ch]!) * (1 - op.momentum);
            op.variance[ch] = op.variance[ch]! - (op.variance[ch]! - r.cache.variance[ch]!) * (1 - op.momentum);
          }
        } else h = K.bnInfer(h, s.c, op.gamma, op.beta, op.mean, op.variance, op.eps);
      } else if (op.kind === 'relu') h = K.relu(h);
      else if (op.kind === 'pool') {
        const r = K.maxPool2(h, s);
        h = r.y;
        s = r.shape;
        extra = r.arg;
      } else if (op.kind === 'flatten') s = { n: s.n, h: 1, w: 1, c: s.h * s.w * s.c };
      else if (op.kind === 'dense') {
        h = K.denseForward(h, s.n, h.length / s.n, op.kernel, op.bias, this.gemm);
        if (op.relu) h = K.relu(h);
        s = { n: s.n, h: 1, w: 1, c: op.bias.length };
      } else if (op.kind === 'softmax') break;
      caches?.push({ input, shape: op.kind === 'bn' ? s : inShape, out: h, extra });
    }
    return h;
  }
}
