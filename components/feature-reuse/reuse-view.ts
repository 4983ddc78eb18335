/**
 * The views of `<fm-feature-reuse>` (d3, loaded on demand): first-layer filters on one symmetric diverging
 * scale per model, the first block's feature maps in grey (black 0, white the model's strongest response),
 * the input digit, and the probe's accuracies as grouped bars (pretrained solid, random hatched: the two
 * differ in pattern as well as colour).
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { divergingScale, extentOf } from '@lib/charts/diverging.ts';
import { paintSheet, sheetLayout } from '@lib/nets/map-sheet.ts';
import { say, t, type Lang } from '@lib/i18n/index.ts';
import { layerName } from './reuse-summary.ts';

/** RGBA bytes of a width × height image, as the images below give them, on a canvas of that size. */
export interface Picture { rgba: Uint8ClampedArray; width: number; height: number }

export function put(canvas: HTMLCanvasElement, { rgba, width, height }: Picture): void {
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
}

/** Kernel [kh, kw, 1, c] as c small images, 8 to a row, on one symmetric diverging scale; with the weights' range. */
export function filtersPicture(data: Float32Array, shape: number[]): Picture & { range: [number, number] } {
  const [kh, kw, , c] = shape as [number, number, number, number];
  const l = sheetLayout(kh, kw, c, 8);
  const [lo, hi] = extentOf(data);
  return { rgba: paintSheet(l, data, divergingScale(lo, hi), [128, 128, 128, 255]), width: l.width, height: l.height, range: [lo, hi] };
}

/** 256 greys, black to white, as RGB bytes. */
const GREYS = Uint8Array.from({ length: 256 * 3 }, (_, i) => Math.floor(i / 3));

/** Maps [h, w, c] (after ReLU, ≥ 0) as c grey images, 8 to a row, scaled to the largest value (returned as `max`). */
export function mapsPicture(data: Float32Array, shape: number[]): Picture & { max: number } {
  const [h, w, c] = shape as [number, number, number];
  const l = sheetLayout(h, w, c, 8, 2);
  const max = extentOf(data)[1] || 1;
  // Grey g = round(255 · max(0, v) / max), read from a table rather than made as an array per pixel.
  const grey = { table: GREYS, offset: (v: number) => Math.round(255 * Math.max(0, v) / max) * 3 };
  return { rgba: paintSheet(l, data, grey, [128, 128, 128, 255]), width: l.width, height: l.height, max };
}

export function paintDigit(canvas: HTMLCanvasElement, pixels: ArrayLike<number>): void {
  const rgba = new Uint8ClampedArray(784 * 4);
  for (let p = 0; p < 784; p++) {
    const v = pixels[p]!;
    rgba[p * 4] = rgba[p * 4 + 1] = rgba[p * 4 + 2] = v;
    rgba[p * 4 + 3] = 255;
  }
  put(canvas, { rgba, width: 28, height: 28 });
}

export interface ProbeRow { layer: string; pretrained: number | null; random: number | null }

/** The chart in `lang`: redrawn whole (it is small) when the language changes. */
export function drawProbe(host: HTMLElement, rows: ProbeRow[], chance: number, pretrainedName: string, lang: Lang): void {
  const W = 560, M = { top: 30, right: 60, bottom: 34, left: 120 }, band = 44;
  const H = M.top + M.bottom + band * rows.length;
  host.replaceChildren();
  const svg = select(host).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('aria-hidden', 'true');
  const defs = svg.append('defs');
  defs.append('pattern').attr('id', 'fm-hatch').attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)').append('rect').attr('width', 3).attr('height', 6).attr('class', 'hatch');
  const x = scaleLinear().domain([0, 1]).range([M.left, W - M.right]);
  const y = scaleBand().domain(rows.map((r) => r.layer)).range([M.top, H - M.bottom]).padding(0.15);
  const sub = scaleBand().domain(['pretrained', 'random']).range([0, y.bandwidth()]).padding(0.1);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`).call(axisBottom(x).ticks(5, '.0%'));
  svg.append('g').attr('class', 'axis labels').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).tickSize(0).tickPadding(6).tickFormat((layer) => say(lang, layerName(layer))));
  for (const kind of ['pretrained', 'random'] as const) {
    const g = svg.append('g').selectAll('g').data(rows.filter((r) => kind === 'pretrained' || r.layer !== 'pixels')).join('g');
    g.append('rect').attr('class', (r) => `bar ${r.layer === 'pixels' ? 'pixels' : kind}`).attr('x', x(0)).attr('y', (r) => y(r.layer)! + sub(kind)!)
      .attr('height', sub.bandwidth()).attr('width', (r) => x(r[kind] ?? 0) - x(0));
    g.append('text').attr('class', 'value').attr('x', (r) => x(r[kind] ?? 0) + 4).attr('y', (r) => y(r.layer)! + sub(kind)! + sub.bandwidth() / 2)
      .attr('dy', '0.35em').text((r) => (r[kind] === null ? '…' : `${(100 * r[kind]!).toFixed(1)}%`));
  }
  svg.append('line').attr('class', 'chance').attr('x1', x(chance)).attr('x2', x(chance)).attr('y1', M.top).attr('y2', H - M.bottom);
  const legend = svg.append('g').attr('transform', `translate(${M.left},8)`);
  let at = 0; // each entry starts after the previous one's measured text, so long model names never overlap
  const entries = [['pretrained', t(lang, 'featureReuse.legendPretrained', { model: pretrainedName })], ['random', t(lang, 'featureReuse.legendRandom')], ['pixels', t(lang, 'featureReuse.legendPixels')]];
  for (const [cls, text] of entries) {
    legend.append('rect').attr('class', `bar ${cls}`).attr('x', at).attr('width', 14).attr('height', 12);
    const label = legend.append('text').attr('class', 'legend-text').attr('x', at + 18).attr('y', 10).text(text!);
    at += 18 + (label.node()?.getComputedTextLength() || 8 * text!.length) + 16;
  }
  svg.append('text').attr('class', 'axis-label').attr('x', (M.left + W - M.right) / 2).attr('y', H - 4).attr('text-anchor', 'middle')
    .text(t(lang, 'featureReuse.axis', { chance: String(Math.round(chance * 100)) }));
}
