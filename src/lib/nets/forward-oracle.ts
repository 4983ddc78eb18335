/**
 * The explorer's oracle: the whole forward pass in float64, loop by loop, sharing no code with tfjs. Beside each
 * value it carries a rounding magnitude A, GUIDE §4's Σ|x·w| carried through the network: for the first
 * layer A = Σ|x·w|; a later layer sums |w|·A of its inputs, so rounding made upstream is allowed for
 * downstream too (forward error analysis: |δy| ≤ Σ|w||δx| + γ·Σ|x||w|). Float32 results are then held to
 * |got − ref| ≤ 1e-6 + 1e-5·A per element (see `agreement`).
 */
import { padAlong } from '../conv/geometry.ts';
import type { PlainTensor } from '../conv/tensor.ts';
import type { LayerSpec } from './layer-spec.ts';
import type { Weights } from './explorer-forward.ts';

export interface OracleLayer { name: string; data: Float64Array; mag: Float64Array; shape: number[] }

type Block = { v: Float64Array; a: Float64Array; shape: number[] };

function conv(spec: Extract<LayerSpec, { kind: 'conv' }>, x: Block, w: PlainTensor, b?: PlainTensor): Block {
  const [, h, wd, cin] = x.shape as [number, number, number, number];
  const [kh, kw] = spec.kernel;
  const cout = spec.filters, s = spec.stride;
  const [top] = padAlong(h, kh, s, 1, spec.padding);
  const [left] = padAlong(wd, kw, s, 1, spec.padding);
  const oh = spec.padding === 'same' ? Math.ceil(h / s) : Math.floor((h - kh) / s) + 1;
  const ow = spec.padding === 'same' ? Math.ceil(wd / s) : Math.floor((wd - kw) / s) + 1;
  const v = new Float64Array(oh * ow * cout), a = new Float64Array(v.length);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let co = 0; co < cout; co++) {
        let acc = b ? b.data[co]! : 0, mag = Math.abs(acc);
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * s + ky - top;
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * s + kx - left;
            if (ix < 0 || ix >= wd) continue;
            for (let ci = 0; ci < cin; ci++) {
              const i = (iy * wd + ix) * cin + ci, k = w.data[((ky * kw + kx) * cin + ci) * cout + co]!;
              acc += x.v[i]! * k;
              mag += x.a[i]! * Math.abs(k);
            }
          }
        }
        const o = (oy * ow + ox) * cout + co;
        v[o] = spec.relu ? Math.max(0, acc) : acc;
        a[o] = mag;
      }
  return { v, a, shape: [1, oh, ow, cout] };
}

function dense(spec: Extract<LayerSpec, { kind: 'dense' }>, x: Block, w: PlainTensor, b?: PlainTensor): Block {
  const n = x.v.length, m = spec.units;
  const v = new Float64Array(m), a = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let acc = b ? b.data[j]! : 0, mag = Math.abs(acc);
    for (let i = 0; i < n; i++) {
      acc += x.v[i]! * w.data[i * m + j]!;
      mag += x.a[i]! * Math.abs(w.data[i * m + j]!);
    }
    v[j] = spec.relu ? Math.max(0, acc) : acc;
    a[j] = mag;
  }
  return { v, a, shape: [1, m] };
}

function batchNorm(spec: Extract<LayerSpec, { kind: 'bn' }>, x: Block, [g, beta, mean, variance]: PlainTensor[]): Block {
  const c = x.shape[x.shape.length - 1]!;
  const v = new Float64Array(x.v.length), a = new Float64Array(x.v.length);
  for (let i = 0; i < v.length; i++) {
    const k = i % c, scale = g!.data[k]! / Math.sqrt(variance!.data[k]! + spec.epsilon);
    const shift = beta!.data[k]! - mean!.data[k]! * scale;
    v[i] = x.v[i]! * scale + shift;
    a[i] = x.a[i]! * Math.abs(scale) + Math.abs(mean!.data[k]! * scale) + Math.abs(beta!.data[k]!);
  }
  return { v, a, shape: x.shape };
}

function pool(spec: Extract<LayerSpec, { kind: 'pool' }>, x: Block): Block {
  const [, h, w, c] = x.shape as [number, number, number, number];
  const oh = Math.floor((h - spec.size) / spec.stride) + 1, ow = Math.floor((w - spec.size) / spec.stride) + 1;
  const v = new Float64Array(oh * ow * c), a = new Float64Array(v.length);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let k = 0; k < c; k++) {
        let best = -Infinity, sum = 0, mag = 0;
        for (let dy = 0; dy < spec.size; dy++)
          for (let dx = 0; dx < spec.size; dx++) {
            const i = ((oy * spec.stride + dy) * w + ox * spec.stride + dx) * c + k;
            best = Math.max(best, x.v[i]!);
            sum += x.v[i]!;
            mag = Math.max(mag, x.a[i]!);
          }
        const o = (oy * ow + ox) * c + k;
        v[o] = spec.op === 'max' ? best : sum / spec.size ** 2;
        a[o] = mag;
      }
  return { v, a, shape: [1, oh, ow, c] };
}

function globalAverage(x: Block): Block {
  const c = x.shape[x.shape.length - 1]!, n = x.v.length / c;
  const v = new Float64Array(c), a = new Float64Array(c);
  for (let i = 0; i < x.v.length; i++) {
    v[i % c] += x.v[i]! / n;
    a[i % c] = Math.max(a[i % c]!, x.a[i]!);
  }
  return { v, a, shape: [1, c] };
}

function softmax(x: Block): Block {
  const top = Math.max(...x.v);
  const e = x.v.map((z) => Math.exp(z - top));
  const total = e.reduce((s, z) => s + z, 0);
  const v = e.map((z) => z / total);
  // ∂p_i/∂z_j = p_i(δ_ij − p_j): an error δ in the logits moves p_i by at most 2·p_i·max|δ|.
  const worst = Math.max(...x.a);
  return { v, a: v.map((p) => 2 * p * worst), shape: x.shape };
}

/** Every layer's float64 output and rounding magnitude, for `input` [1, h, w, c]. */
export function oracleForward(specs: readonly LayerSpec[], weights: Weights, input: PlainTensor<ArrayLike<number>>): OracleLayer[] {
  let x: Block = { v: Float64Array.from(input.data), a: Float64Array.from(input.data, Math.abs), shape: [...input.shape] };
  return specs.map((spec) => {
    const w = weights[spec.name] ?? [];
    if (spec.kind === 'conv') x = conv(spec, x, w[0]!, spec.bias ? w[1] : undefined);
    else if (spec.kind === 'dense') x = dense(spec, x, w[0]!, spec.bias ? w[1] : undefined);
    else if (spec.kind === 'bn') x = batchNorm(spec, x, w);
    else if (spec.kind === 'relu') x = { v: x.v.map((z) => Math.max(0, z)), a: x.a, shape: x.shape };
    else if (spec.kind === 'pool') x = pool(spec, x);
    else if (spec.kind === 'flatten') x = { ...x, shape: [1, x.v.length] };
    else if (spec.kind === 'gap') x = globalAverage(x);
    else x = softmax(x);
    return { name: spec.name, data: x.v, mag: x.a, shape: x.shape };
  });
}
