/** The sentences under the heat map: output-size formula with the current numbers, and the caption. Pure. */
import { effectiveSize, padAlong } from '@lib/conv/geometry.ts';
import type { Padding } from '@lib/params/padding.ts';
import { formatValue } from '@lib/charts/format.ts';

const LABELS: Record<string, string> = {
  identity: 'Identity', 'box-blur': 'Box blur', gaussian: 'Gaussian blur', sharpen: 'Sharpen', 'sobel-x': 'Sobel x',
  'sobel-y': 'Sobel y', laplacian: 'Laplacian', emboss: 'Emboss', random: 'Random kernel',
};

export function kernelLabel(preset: string | null, rows: number, cols: number): string {
  return preset ? `${LABELS[preset] ?? preset} ${rows}×${cols}` : `Custom ${rows}×${cols} kernel`;
}

/** One axis: "H_out = ⌊(300 + 2·0 − 3) / 1⌋ + 1 = 298", with the dilated size spelled out when d > 1. */
export function axisFormula(axis: 'H' | 'W', n: number, k: number, stride: number, dilation: number, padding: Padding, out: number): string {
  const o = `${axis}out`;
  if (padding === 'same') return `${o} = ⌈${axis} / s⌉ = ⌈${n} / ${stride}⌉ = ${out}  (padding ${padAlong(n, k, stride, dilation, padding).join('+')})`;
  const p = padding === 'valid' ? 0 : padding;
  const kEff = effectiveSize(k, dilation);
  const base = `${o} = ⌊(${axis} + 2p − k) / s⌋ + 1 = ⌊(${n} + 2·${p} − ${kEff}) / ${stride}⌋ + 1 = ${out}`;
  return dilation > 1 ? `${base}, with the dilated k = (${k}−1)·${dilation}+1 = ${kEff}` : base;
}

export interface CaptionInput {
  kernel: string; image: string; color: 'gray' | 'rgb'; op: 'conv2d' | 'depthwise';
  inH: number; inW: number; outH: number; outW: number; outC: number; min: number; max: number;
}

export function caption(c: CaptionInput): string {
  const mode = c.color === 'gray' ? 'gray' : c.op === 'depthwise' ? 'RGB, each channel on its own' : 'RGB, 3 channels summed into 1';
  const chans = c.outC > 1 ? ` × ${c.outC} channels` : '';
  return `${c.kernel} on ${c.image} (${mode}, ${c.inH}×${c.inW}): output ${c.outH}×${c.outW}${chans}, values from ${formatValue(c.min)} to ${formatValue(c.max)}.`;
}
