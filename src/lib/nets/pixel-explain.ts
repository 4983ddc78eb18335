/**
 * "Where does this number come from?" for one pixel of one feature map: the kernel(s) that made the map, and
 * the arithmetic that produced the value from the layer below — the input window times the kernel for a
 * convolution (per input channel when there are many), x·s + t for batch norm, max(0, x) for ReLU, the pooling
 * window. Reads plain arrays (NHWC, batch 1); the explorer shows the result, tests recompute it.
 */
import type { PlainTensor } from '../conv/tensor.ts';
import { padAlong } from '../conv/geometry.ts';
import type { LayerSpec } from './layer-spec.ts';
import type { Weights } from './explorer-forward.ts';

/** The kh×kw kernels that make map `channel` of a conv layer: data[ci·kh·kw + ky·kw + kx]. */
export interface MapKernels { layer: string; channel: number; cin: number; kh: number; kw: number; data: Float32Array }

/** The conv layer whose filter `channel` a map of layer `index` descends from (BN, ReLU and pooling keep channels). */
export function sourceConv(specs: readonly LayerSpec[], index: number): number | null {
  for (let i = index; i >= 0; i--) {
    const k = specs[i]!.kind;
    if (k === 'conv') return i;
    if (k !== 'bn' && k !== 'relu' && k !== 'pool') return null;
  }
  return null;
}

export function kernelsOf(specs: readonly LayerSpec[], weights: Weights, index: number, channel: number): MapKernels | null {
  const ci = sourceConv(specs, index);
  if (ci === null) return null;
  const w = weights[specs[ci]!.name]![0]!;
  const [kh, kw, cin, cout] = w.shape as [number, number, number, number];
  const data = new Float32Array(cin * kh * kw);
  for (let c = 0; c < cin; c++) for (let p = 0; p < kh * kw; p++) data[c * kh * kw + p] = w.data[(p * cin + c) * cout + channel]!;
  return { layer: specs[ci]!.name, channel, cin, kh, kw, data };
}

export type Explanation =
  | { kind: 'conv'; value: number; bias: number; window: number[]; kernel: number[]; products: number[]; contributions: { channel: number; sum: number }[] }
  | { kind: 'bn'; value: number; input: number; scale: number; shift: number }
  | { kind: 'relu'; value: number; input: number }
  | { kind: 'pool'; value: number; window: number[]; op: 'max' | 'avg'; picked: number };

const at = (t: PlainTensor, y: number, x: number, c: number) => {
  const [, h, w, ch] = t.shape as [number, number, number, number];
  return y < 0 || x < 0 || y >= h || x >= w ? 0 : t.data[(y * w + x) * ch + c]!;
};

/**
 * Explains pixel (y, x) of map `channel` in layer `index`. `below` is that layer's input (the image for the
 * first layer), `out` its output. `window`/`kernel`/`products` list the first input channel's kh×kw window
 * (zeros where the window hangs over the padding); `contributions` the sum per input channel, largest |sum| first.
 */
export function explainPixel(spec: LayerSpec, weights: Weights, below: PlainTensor, out: PlainTensor, channel: number, y: number, x: number): Explanation | null {
  const value = at(out, y, x, channel);
  if (spec.kind === 'conv') {
    const w = weights[spec.name]![0]!;
    const [kh, kw, cin, cout] = w.shape as [number, number, number, number];
    const [top] = padAlong(below.shape[1]!, kh, spec.stride, 1, spec.padding);
    const [left] = padAlong(below.shape[2]!, kw, spec.stride, 1, spec.padding);
    const window: number[] = [], kernel: number[] = [], products: number[] = [];
    const contributions = Array.from({ length: cin }, (_, c) => ({ channel: c, sum: 0 }));
    for (let ky = 0; ky < kh; ky++)
      for (let kx = 0; kx < kw; kx++)
        for (let c = 0; c < cin; c++) {
          const v = at(below, y * spec.stride + ky - top, x * spec.stride + kx - left, c);
          const k = w.data[((ky * kw + kx) * cin + c) * cout + channel]!;
          contributions[c]!.sum += v * k;
          if (c === 0) { window.push(v); kernel.push(k); products.push(v * k); }
        }
    contributions.sort((a, b) => Math.abs(b.sum) - Math.abs(a.sum));
    return { kind: 'conv', value, bias: spec.bias ? weights[spec.name]![1]!.data[channel]! : 0, window, kernel, products, contributions };
  }
  if (spec.kind === 'bn') {
    const [g, b, m, v] = weights[spec.name]!.map((t) => t.data[channel]!) as [number, number, number, number];
    const scale = g / Math.sqrt(v + spec.epsilon);
    return { kind: 'bn', value, input: at(below, y, x, channel), scale, shift: b - m * scale };
  }
  if (spec.kind === 'relu') return { kind: 'relu', value, input: at(below, y, x, channel) };
  if (spec.kind === 'pool') {
    const window: number[] = [];
    for (let dy = 0; dy < spec.size; dy++) for (let dx = 0; dx < spec.size; dx++) window.push(at(below, y * spec.stride + dy, x * spec.stride + dx, channel));
    return { kind: 'pool', value, window, op: spec.op, picked: window.indexOf(Math.max(...window)) };
  }
  return null;
}
