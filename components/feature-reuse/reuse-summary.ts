/** The words of `<fm-feature-reuse>`: every number its pictures and bars show, for readers who cannot see them. */
import { formatValue } from '@lib/charts/format.ts';
import type { LayerScore, ModelView } from '@lib/transfer/reuse.ts';
import type { ReuseSettings } from '@lib/transfer/settings.ts';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const signed = (v: number) => v.toFixed(2).replace('-', '−');
type Texts = { filters: (range: [number, number]) => string; maps: (max: number) => string };

export function describeViews(s: ReuseSettings, v: { pretrained: ModelView; random: ModelView }, smooth: { pretrained: number; random: number },
  activeShare: (x: ArrayLike<number>) => number): { pretrained: Texts; random: Texts; summary: string } {
  const name = { pretrained: `the pretrained ${s.model}`, random: `the random model (seed ${s.seed})` };
  const text = (kind: 'pretrained' | 'random'): Texts => ({
    filters: ([lo, hi]) => `The ${v[kind].filters.shape[3]} first-layer 3×3 filters of ${name[kind]}, weights ${formatValue(lo)} (purple) to ${formatValue(hi)} (orange); neighbouring weights correlate ${signed(smooth[kind])} on average.`,
    maps: (max) => `Its ${v[kind].maps.shape[2]} feature maps for the digit ${s.digit} after the first block's ReLU: ${pct(activeShare(v[kind].maps.data))} of values are above 0, the largest ${formatValue(max)}.`,
  });
  // Smoothness is reported, not interpreted: small 3×3 filters trained on digits need not look smoother than noise.
  const summary = `Neighbouring filter weights correlate ${signed(smooth.pretrained)} on average in ${name.pretrained} and ${signed(smooth.random)} in ${name.random} (1: smooth ramps, about 0: unrelated neighbours). `
    + `On the digit ${s.digit}, ${pct(activeShare(v.pretrained.maps.data))} of the pretrained model's first-block values are active (above 0) against ${pct(activeShare(v.random.maps.data))} of the random model's.`;
  return { pretrained: text('pretrained'), random: text('random'), summary };
}

export function describeReuse(s: ReuseSettings, testCount: number, pixels: LayerScore, pretrained: LayerScore[], random: LayerScore[]): string {
  const rows = pretrained.map((p, i) => `${p.layer} (${p.dim.toLocaleString('en')} features) ${pct(p.accuracy)} pretrained vs ${pct(random[i]!.accuracy)} random`);
  const best = pretrained.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  const gain = pretrained.map((p, i) => ({ layer: p.layer, d: p.accuracy - random[i]!.accuracy })).reduce((a, b) => (b.d > a.d ? b : a));
  return `A linear probe trained on ${s.labels} labelled digits of each class 5–9 (digits ${s.model === 'digits04-cnn' ? 'the model never saw' : 'from another domain than the model\'s'}), scored on ${testCount} held-out ones: `
    + `raw pixels ${pct(pixels.accuracy)}; ${rows.join('; ')}. `
    + `The best pretrained layer is ${best.layer} (${pct(best.accuracy)}); pretraining helps most at ${gain.layer} (${gain.d >= 0 ? '+' : '−'}${Math.abs(100 * gain.d).toFixed(1)} points over random).`;
}
