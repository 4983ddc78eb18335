/**
 * The words of `<fm-feature-reuse>`: every number its pictures and bars show, for readers who cannot see them.
 * Each is a catalogue message (`msg`), so the element can say it again in another language without recomputing.
 */
import { formatValue } from '@lib/charts/format.ts';
import { msg, type Msg } from '@lib/i18n/index.ts';
import type { LayerScore, ModelView } from '@lib/transfer/reuse.ts';
import type { ReuseSettings } from '@lib/transfer/settings.ts';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const signed = (v: number) => v.toFixed(2).replace('-', '−');
type Texts = { filters: (range: [number, number]) => Msg; maps: (max: number) => Msg };

/** A layer's name on the chart: `pixels` is a word; `pool1`, `pool2`, `hidden` are the model's layer names (as the chapters write them). */
export function layerName(layer: string): Msg | string {
  return layer === 'pixels' ? msg('featureReuse.layer.pixels') : layer;
}

export function describeViews(s: ReuseSettings, v: { pretrained: ModelView; random: ModelView }, smooth: { pretrained: number; random: number },
  activeShare: (x: ArrayLike<number>) => number): { pretrained: Texts; random: Texts; summary: Msg } {
  const name = { pretrained: msg('featureReuse.thePretrained', { model: s.model }), random: msg('featureReuse.theRandom', { seed: String(s.seed) }) };
  const text = (kind: 'pretrained' | 'random'): Texts => ({
    filters: ([lo, hi]) => msg('featureReuse.filtersText', { count: v[kind].filters.shape[3]!, name: name[kind], lo: formatValue(lo), hi: formatValue(hi), r: signed(smooth[kind]) }),
    maps: (max) => msg('featureReuse.mapsText', { count: v[kind].maps.shape[2]!, digit: s.digit, share: pct(activeShare(v[kind].maps.data)), max: formatValue(max) }),
  });
  // Smoothness is reported, not interpreted: small 3×3 filters trained on digits need not look smoother than noise.
  const summary = msg('featureReuse.viewsSummary', {
    pretrainedR: signed(smooth.pretrained), pretrained: name.pretrained, randomR: signed(smooth.random), random: name.random, digit: s.digit,
    pretrainedShare: pct(activeShare(v.pretrained.maps.data)), randomShare: pct(activeShare(v.random.maps.data)),
  });
  return { pretrained: text('pretrained'), random: text('random'), summary };
}

export function describeReuse(s: ReuseSettings, testCount: number, pixels: LayerScore, pretrained: LayerScore[], random: LayerScore[]): Msg {
  const rows = pretrained.map((p, i) => msg('featureReuse.probeRow', { layer: layerName(p.layer), dim: p.dim, pretrained: pct(p.accuracy), random: pct(random[i]!.accuracy) }));
  const best = pretrained.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  const gain = pretrained.map((p, i) => ({ layer: p.layer, d: p.accuracy - random[i]!.accuracy })).reduce((a, b) => (b.d > a.d ? b : a));
  return msg('featureReuse.probeSummary', {
    labels: s.labels, novelty: msg(s.model === 'digits04-cnn' ? 'featureReuse.unseenDigits' : 'featureReuse.otherDomain'), count: testCount,
    pixels: pct(pixels.accuracy), rows: rows.reduce((before, after) => msg('featureReuse.rows', { before, after })),
    best: layerName(best.layer), bestAccuracy: pct(best.accuracy), gain: layerName(gain.layer),
    points: `${gain.d >= 0 ? '+' : '−'}${Math.abs(100 * gain.d).toFixed(1)}`,
  });
}
