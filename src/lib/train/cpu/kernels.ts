/**
 * The small CNN's layers written out in plain TypeScript over Float32Arrays (NHWC, float32 storage): forward
 * and backward of a stride-1 "same" convolution without bias, batch normalisation, ReLU, 2×2 max pooling and
 * a dense layer. They are the CPU path of pretraining (see ./README in ../README.md) and are checked against
 * tfjs's own gradients in tests/unit/train-cpu. Convolutions and dense layers are matrix products (im2col,
 * then ./gemm.ts), so a faster product speeds up the whole step.
 */

import { jsGemm, transpose, type Gemm } from './gemm.ts';

export interface Shape4 { n: number; h: number; w: number; c: number }

/** Rows of input patches: row (n, y, x) holds x[n, y+i−p, x+j−p, c] at column (i·kw + j)·cin + c (zero outside). */
export function im2col(x: Float32Array, s: Shape4, kh: number, kw: number): Float32Array {
  const { n, h, w, c } = s;
  const K = kh * kw * c;
  const cols = new Float32Array(n * h * w * K);
  const ph = (kh - 1) >> 1, pw = (kw - 1) >> 1;
  for (let b = 0; b < n; b++) for (let y = 0; y < h; y++) for (let xx = 0; xx < w; xx++) {
    const row = ((b * h + y) * w + xx) * K;
    for (let i = 0; i < kh; i++) {
      const yy = y + i - ph;
      if (yy < 0 || yy >= h) continue;
      for (let j = 0; j < kw; j++) {
        const xj = xx + j - pw;
        if (xj < 0 || xj >= w) continue;
        const from = ((b * h + yy) * w + xj) * c, to = row + (i * kw + j) * c;
        for (let ci = 0; ci < c; ci++) cols[to + ci] = x[from + ci]!;
      }
    }
  }
  return cols;
}

/** The adjoint of im2col: each column entry added back onto the input pixel it came from. */
export function col2im(cols: Float32Array, s: Shape4, kh: number, kw: number): Float32Array {
  const { n, h, w, c } = s;
  const K = kh * kw * c;
  const dx = new Float32Array(n * h * w * c);
  const ph = (kh - 1) >> 1, pw = (kw - 1) >> 1;
  for (let b = 0; b < n; b++) for (let y = 0; y < h; y++) for (let xx = 0; xx < w; xx++) {
    const row = ((b * h + y) * w + xx) * K;
    for (let i = 0; i < kh; i++) {
      const yy = y + i - ph;
      if (yy < 0 || yy >= h) continue;
      for (let j = 0; j < kw; j++) {
        const xj = xx + j - pw;
        if (xj < 0 || xj >= w) continue;
        const to = ((b * h + yy) * w + xj) * c, from = row + (i * kw + j) * c;
        for (let ci = 0; ci < c; ci++) dx[to + ci] += cols[from + ci]!;
      }
    }
  }
  return dx;
}

/** y[n,y,x,o] = Σ_{i,j,c} x[n, y+i−p, x+j−p, c] · k[i,j,c,o] = im2col(x) · k; k is [kh, kw, cin, cout], odd sizes. */
export function convForward(x: Float32Array, s: Shape4, k: Float32Array, kh: number, kw: number, cout: number, gemm: Gemm = jsGemm): { y: Float32Array; cols: Float32Array } {
  const cols = im2col(x, s, kh, kw);
  return { y: gemm(cols, k, s.n * s.h * s.w, kh * kw * s.c, cout), cols };
}

/** Only the input gradient of convForward (a frozen layer below a trained one). */
export function convBackwardInput(dy: Float32Array, s: Shape4, k: Float32Array, kh: number, kw: number, cout: number, gemm: Gemm = jsGemm): Float32Array {
  const K = kh * kw * s.c;
  return col2im(gemm(dy, transpose(k, K, cout), s.n * s.h * s.w, cout, K), s, kh, kw);
}

/** Gradients of convForward: dK = colsᵀ · dY and, when `needDx`, dX = col2im(dY · kᵀ). */
export function convBackward(cols: Float32Array, s: Shape4, k: Float32Array, kh: number, kw: number, cout: number, dy: Float32Array, needDx: boolean, gemm: Gemm = jsGemm): { dk: Float32Array; dx: Float32Array | null } {
  const P = s.n * s.h * s.w, K = kh * kw * s.c;
  const dk = gemm(transpose(cols, P, K), dy, K, P, cout);
  const dx = needDx ? col2im(gemm(dy, transpose(k, K, cout), P, cout, K), s, kh, kw) : null;
  return { dk, dx };
}

export interface BnCache { xhat: Float32Array; invStd: Float64Array; mean: Float64Array; variance: Float64Array }

/** Batch norm over all but the last axis with batch statistics (biased variance), as tfjs-layers trains it. */
export function bnTrain(x: Float32Array, c: number, gamma: Float32Array, beta: Float32Array, eps: number): { y: Float32Array; cache: BnCache } {
  const m = x.length / c;
  const mean = new Float64Array(c), variance = new Float64Array(c), invStd = new Float64Array(c);
  for (let i = 0; i < x.length; i += c) for (let ch = 0; ch < c; ch++) mean[ch] += x[i + ch]!;
  for (let ch = 0; ch < c; ch++) mean[ch] /= m;
  for (let i = 0; i < x.length; i += c) for (let ch = 0; ch < c; ch++) { const d = x[i + ch]! - mean[ch]!; variance[ch] += d * d; }
  for (let ch = 0; ch < c; ch++) { variance[ch] /= m; invStd[ch] = 1 / Math.sqrt(variance[ch]! + eps); }
  const xhat = new Float32Array(x.length), y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += c) for (let ch = 0; ch < c; ch++) {
    const v = (x[i + ch]! - mean[ch]!) * invStd[ch]!;
    xhat[i + ch] = v;
    y[i + ch] = gamma[ch]! * v + beta[ch]!;
  }
  return { y, cache: { xhat, invStd, mean, variance } };
}

/** Inference-mode batch norm with the moving statistics. */
export function bnInfer(x: Float32Array, c: number, gamma: Float32Array, beta: Float32Array, mean: Float32Array, variance: Float32Array, eps: number): Float32Array {
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += c) for (let ch = 0; ch < c; ch++) {
    y[i + ch] = gamma[ch]! * (x[i + ch]! - mean[ch]!) / Math.sqrt(variance[ch]! + eps) + beta[ch]!;
  }
  return y;
}

/** dβ = Σ dy, dγ = Σ dy·x̂, dx = γ·invStd·(dy − dβ/m − x̂·dγ/m). */
export function bnBackward(dy: Float32Array, c: number, gamma: Float32Array, cache: BnCache): { dx: Float32Array; dgamma: Float32Array; dbeta: Float32Array } {
  const m = dy.length / c;
  const db = new Float64Array(c), dg = new Float64Array(c);
  for (let i = 0; i < dy.length; i += c) for (let ch = 0; ch < c; ch++) { db[ch] += dy[i + ch]!; dg[ch] += dy[i + ch]! * cache.xhat[i + ch]!; }
  const dx = new Float32Array(dy.length);
  for (let i = 0; i < dy.length; i += c) for (let ch = 0; ch < c; ch++) {
    dx[i + ch] = gamma[ch]! * cache.invStd[ch]! * (dy[i + ch]! - db[ch]! / m - cache.xhat[i + ch]! * dg[ch]! / m);
  }
  return { dx, dgamma: Float32Array.from(dg), dbeta: Float32Array.from(db) };
}

/** Gradient through inference-mode batch norm (a frozen layer): dx = dy · γ / √(var + ε). */
export function bnFrozenBackward(dy: Float32Array, c: number, gamma: Float32Array, variance: Float32Array, eps: number): Float32Array {
  const dx = new Float32Array(dy.length);
  for (let i = 0; i < dy.length; i += c) for (let ch = 0; ch < c; ch++) dx[i + ch] = dy[i + ch]! * gamma[ch]! / Math.sqrt(variance[ch]! + eps);
  return dx;
}

export function relu(x: Float32Array): Float32Array {
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i]! > 0 ? x[i]! : 0;
  return y;
}

/** Gradient through a ReLU, given its output (zero where the input was ≤ 0). */
export function reluBackward(dy: Float32Array, y: Float32Array): Float32Array {
  const dx = new Float32Array(dy.length);
  for (let i = 0; i < dy.length; i++) dx[i] = y[i]! > 0 ? dy[i]! : 0;
  return dx;
}

/** 2×2 max pooling, stride 2, 'valid'; `arg` holds the flat input index of each maximum (first one on ties). */
export function maxPool2(x: Float32Array, s: Shape4): { y: Float32Array; arg: Int32Array; shape: Shape4 } {
  const oh = s.h >> 1, ow = s.w >> 1, c = s.c;
  const y = new Float32Array(s.n * oh * ow * c), arg = new Int32Array(y.length);
  for (let b = 0; b < s.n; b++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) for (let ch = 0; ch < c; ch++) {
    let best = -Infinity, at = 0;
    for (let di = 0; di < 2; di++) for (let dj = 0; dj < 2; dj++) {
      const idx = ((b * s.h + 2 * i + di) * s.w + 2 * j + dj) * c + ch;
      if (x[idx]! > best) { best = x[idx]!; at = idx; }
    }
    const o = ((b * oh + i) * ow + j) * c + ch;
    y[o] = best;
    arg[o] = at;
  }
  return { y, arg, shape: { n: s.n, h: oh, w: ow, c } };
}

export function maxPool2Backward(dy: Float32Array, arg: Int32Array, inputLength: number): Float32Array {
  const dx = new Float32Array(inputLength);
  for (let i = 0; i < dy.length; i++) dx[arg[i]!] += dy[i]!;
  return dx;
}

/** out[n, o] = Σ_i x[n, i] · k[i, o] + bias[o]. */
export function denseForward(x: Float32Array, n: number, inDim: number, k: Float32Array, bias: Float32Array, gemm: Gemm = jsGemm): Float32Array {
  const outDim = bias.length;
  const out = gemm(x, k, n, inDim, outDim);
  for (let b = 0; b < n; b++) for (let o = 0; o < outDim; o++) out[b * outDim + o] += bias[o]!;
  return out;
}

export function denseBackward(x: Float32Array, n: number, inDim: number, k: Float32Array, dy: Float32Array, needDx: boolean, gemm: Gemm = jsGemm): { dk: Float32Array; db: Float32Array; dx: Float32Array | null } {
  const outDim = dy.length / n;
  const db = new Float32Array(outDim);
  for (let b = 0; b < n; b++) for (let o = 0; o < outDim; o++) db[o] += dy[b * outDim + o]!;
  const dk = gemm(transpose(x, n, inDim), dy, inDim, n, outDim);
  const dx = needDx ? gemm(dy, transpose(k, inDim, outDim), n, outDim, inDim) : null;
  return { dk, db, dx };
}

/** Mean softmax cross-entropy over the batch and its gradient on the logits, (p − onehot) / n. */
export function softmaxCrossEntropy(z: Float32Array, n: number, labels: ArrayLike<number>): { loss: number; dz: Float32Array; probs: Float32Array } {
  const k = z.length / n;
  const probs = new Float32Array(z.length), dz = new Float32Array(z.length);
  let loss = 0;
  for (let b = 0; b < n; b++) {
    let max = -Infinity;
    for (let o = 0; o < k; o++) max = Math.max(max, z[b * k + o]!);
    let sum = 0;
    for (let o = 0; o < k; o++) sum += Math.exp(z[b * k + o]! - max);
    const label = labels[b]!;
    loss += Math.log(sum) + max - z[b * k + label]!;
    for (let o = 0; o < k; o++) {
      const p = Math.exp(z[b * k + o]! - max) / sum;
      probs[b * k + o] = p;
      dz[b * k + o] = (p - (o === label ? 1 : 0)) / n;
    }
  }
  return { loss: loss / n, dz, probs };
}
