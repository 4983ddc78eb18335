/** The sentences under the heat map: output-size formula with the current numbers, and the caption, in `lang`. Pure. */
import { effectiveSize, padAlong } from '@lib/conv/geometry.ts';
import type { Padding } from '@lib/params/padding.ts';
import { formatValue } from '@lib/charts/format.ts';
import { PRESETS } from '@lib/conv/kernels.ts';
import { msg, t, type Lang, type Msg } from '@lib/i18n/index.ts';

/** A preset's name as the menu shows it (unknown names as they are). */
export function presetName(preset: string): Msg | string {
  return (PRESETS as readonly string[]).includes(preset) ? msg(`convPlayground.preset.${preset as (typeof PRESETS)[number]}`) : preset;
}

/** "Sobel x 3×3", or "Custom 3×3 kernel" for typed rows. Sizes as text: never grouped. */
export function kernelLabel(lang: Lang, preset: string | null, rows: number, cols: number): string {
  const size = { rows: String(rows), cols: String(cols) };
  return preset ? t(lang, 'convPlayground.presetSized', { name: presetName(preset), ...size }) : t(lang, 'convPlayground.customSized', size);
}

/** One axis: "H_out = ⌊(300 + 2·0 − 3) / 1⌋ + 1 = 298", with the dilated size spelled out when d > 1. */
export function axisFormula(lang: Lang, axis: 'H' | 'W', n: number, k: number, stride: number, dilation: number, padding: Padding, out: number): string {
  const o = `${axis}out`;
  if (padding === 'same') return t(lang, 'convPlayground.formulaSame', { formula: `${o} = ⌈${axis} / s⌉ = ⌈${n} / ${stride}⌉ = ${out}`, pads: padAlong(n, k, stride, dilation, padding).join('+') });
  const p = padding === 'valid' ? 0 : padding;
  const kEff = effectiveSize(k, dilation);
  const base = `${o} = ⌊(${axis} + 2p − k) / s⌋ + 1 = ⌊(${n} + 2·${p} − ${kEff}) / ${stride}⌋ + 1 = ${out}`;
  return dilation > 1 ? t(lang, 'convPlayground.formulaDilated', { formula: base, dilated: `(${k}−1)·${dilation}+1 = ${kEff}` }) : base;
}

export interface CaptionInput {
  kernel: string; image: string | Msg; color: 'gray' | 'rgb'; op: 'conv2d' | 'depthwise';
  inH: number; inW: number; outH: number; outW: number; outC: number; min: number; max: number;
}

export function caption(lang: Lang, c: CaptionInput): string {
  const mode = msg(c.color === 'gray' ? 'convPlayground.modeGray' : c.op === 'depthwise' ? 'convPlayground.modeDepthwise' : 'convPlayground.modeFull');
  const channels = c.outC > 1 ? t(lang, 'convPlayground.outChannels', { n: String(c.outC) }) : '';
  return t(lang, 'convPlayground.caption', {
    kernel: c.kernel, image: c.image, mode, h: String(c.inH), w: String(c.inW), outH: String(c.outH), outW: String(c.outW), channels,
    min: formatValue(c.min), max: formatValue(c.max),
  });
}
