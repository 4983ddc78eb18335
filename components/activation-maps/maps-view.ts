/**
 * The views of `<fm-activation-maps>`: the chosen map before and after the activation as heat maps, each on
 * its own diverging scale (white = 0, its range in a legend under it), and the two value histograms (d3) on one shared axis.
 * Loaded on demand (d3).
 */
import { scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { divergingLut, divergingScale, paintChannel } from '@lib/charts/diverging.ts';
import { formatValue } from '@lib/charts/format.ts';
import type { MapScale } from '@lib/activations/map-scale.ts';
import { histogram } from '@lib/activations/stats.ts';
import { msg, say, type Lang, type Msg } from '@lib/i18n/index.ts';

const W = 300, H = 170, M = { top: 20, right: 10, bottom: 34, left: 50 };
const BINS = 40;

/** A map's pixels on its scale (white = 0, ±extent at full colour), as an image putMap() draws. */
export function mapImage(values: Float32Array, h: number, w: number, extent: number): ImageData {
  return new ImageData(paintChannel(values, h * w, 1, 0, divergingScale(-extent, extent)) as Uint8ClampedArray<ArrayBuffer>, w, h);
}

export function putMap(canvas: HTMLCanvasElement, image: ImageData): void {
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext('2d')!.putImageData(image, 0, 0);
}

/** The ramp of a map's scale: the whole diverging ramp, or its white-to-orange half for a map with no negatives. */
export function rampCss(signed: boolean): string {
  const lut = divergingLut();
  const stops = (signed ? [0, 64, 128, 191, 255] : [128, 160, 191, 223, 255]).map((i) => `rgb(${lut[i * 3]},${lut[i * 3 + 1]},${lut[i * 3 + 2]})`);
  return `linear-gradient(90deg, ${stops.join(', ')})`;
}

/** "−0.42 … 0.42" or "0 … 0.42", with the share of pixels beyond it. */
export function scaleWords(s: MapScale): Msg {
  const lo = s.signed ? formatValue(-s.extent) : '0', hi = formatValue(s.extent);
  return s.saturated > 0 ? msg('activationMaps.rangeBeyond', { lo, hi, share: `${(100 * s.saturated).toFixed(1)}%` }) : msg('activationMaps.range', { lo, hi });
}

/** Fills a map's legend (shell: `.lo`, `.ramp`, `.hi`) from its scale. */
export function showScale(box: HTMLElement, s: MapScale): void {
  box.querySelector('.lo')!.textContent = s.signed ? formatValue(-s.extent) : '0';
  box.querySelector('.hi')!.textContent = `${formatValue(s.extent)}${s.saturated > 0 ? '+' : ''}`;
  box.querySelector<HTMLElement>('.ramp')!.style.background = rampCss(s.signed);
}

/** The legend's tooltip, in `lang` (again on a change of language). */
export function titleScale(box: HTMLElement, s: MapScale, lang: Lang): void {
  box.title = say(lang, msg('activationMaps.scaleTitle', { range: scaleWords(s) }));
}

/**
 * One histogram, drawn detached: the caller puts it in the page's box (replacing what was there; `titleHistogram`
 * writes its titles).
 */
export function drawHistogram(values: Float32Array, lo: number, hi: number): SVGSVGElement {
  const { edges, counts } = histogram(values, lo, hi, BINS);
  const svg = select(document.createElement('div')).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('aria-hidden', 'true');
  const x = scaleLinear().domain([lo, hi]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, Math.max(1, ...counts)]).nice().range([H - M.bottom, M.top]);
  svg.append('g').attr('class', 'bars').selectAll('rect').data(counts).join('rect')
    .attr('x', (_, i) => x(edges[i]!) + 0.5).attr('width', (_, i) => Math.max(0.5, x(edges[i + 1]!) - x(edges[i]!) - 1))
    .attr('y', (c) => y(c)).attr('height', (c) => y(0) - y(c));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - M.bottom})`).call(axisBottom(x).ticks(6));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(4, '~s'));
  svg.append('text').attr('class', 'axis-label').attr('x', W - M.right).attr('y', H - 4).attr('text-anchor', 'end').attr('data-role', 'x-title');
  svg.append('text').attr('class', 'axis-label').attr('x', 4).attr('y', 12).attr('data-role', 'title');
  return svg.node()!;
}

/** A histogram's axis title and title, in the element's language (again on a change of language: the bars stay). */
export function titleHistogram(host: HTMLElement, xTitle: string, title: string): void {
  select(host).select('text[data-role="x-title"]').text(xTitle);
  select(host).select('text[data-role="title"]').text(title);
}
