import type { Padding } from '../params/padding.ts';
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';

/** Per-side zero padding, as TensorFlow/tfjs apply it. */
export interface Pads { top: number; bottom: number; left: number; right: number }

/** A dilated kernel of size k with dilation d spans (k − 1)·d + 1 input pixels. */
export function effectiveSize(k: number, dilation: number): number {
  return (k - 1) * dilation + 1;
}

/**
 * Output length along one axis: ⌊(n + p_total − k_eff) / s⌋ + 1. For `same` TensorFlow's rule applies:
 * ⌈n / s⌉, padding as needed (the odd extra row or column goes at the bottom/right).
 */
export function outputLength(n: number, k: number, stride: number, dilation: number, padding: Padding): number {
  const kEff = effectiveSize(k, dilation);
  if (padding === 'same') return Math.ceil(n / stride);
  const p = padding === 'valid' ? 0 : 2 * padding;
  return Math.floor((n + p - kEff) / stride) + 1;
}

/** Padding on each side of one axis. */
export function padAlong(n: number, k: number, stride: number, dilation: number, padding: Padding): [number, number] {
  if (padding === 'valid') return [0, 0];
  if (typeof padding === 'number') return [padding, padding];
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + effectiveSize(k, dilation) - n, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

export interface ConvGeometry {
  inH: number; inW: number; kH: number; kW: number;
  stride: number; dilation: number; padding: Padding;
}

export interface OutputShape { outH: number; outW: number; pads: Pads }

/** Output size and pads, or a sentence (a catalogue message) saying why the settings give no output. */
export function convOutput(g: ConvGeometry): OutputShape | { error: Msg } {
  const outH = outputLength(g.inH, g.kH, g.stride, g.dilation, g.padding);
  const outW = outputLength(g.inW, g.kW, g.stride, g.dilation, g.padding);
  if (outH < 1 || outW < 1) {
    const kh = effectiveSize(g.kH, g.dilation);
    const kw = effectiveSize(g.kW, g.dilation);
    const p = typeof g.padding === 'number' ? 2 * g.padding : 0;
    return {
      // Sizes as text: an image's side is never grouped (1024, not 1,024).
      error: msg('conv.noOutput', { kh: String(kh), kw: String(kw), dilation: g.dilation, h: String(g.inH + p), w: String(g.inW + p) }),
    };
  }
  const [top, bottom] = padAlong(g.inH, g.kH, g.stride, g.dilation, g.padding);
  const [left, right] = padAlong(g.inW, g.kW, g.stride, g.dilation, g.padding);
  return { outH, outW, pads: { top, bottom, left, right } };
}
