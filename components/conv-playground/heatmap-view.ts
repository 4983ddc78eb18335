/**
 * The output as heat maps (one per output channel) and its legend. The scale is sequential (black 0 … white max)
 * when the output cannot be negative, else diverging symmetric around 0 (scale-choice.ts); the legend names it.
 * Loaded on demand (it pulls in d3's colour scheme).
 */
import { divergingLut, divergingScale, extentOf, legendTicks, paintChannel } from '@lib/charts/diverging.ts';
import { paintSequential, sequentialScale, sequentialTicks } from '@lib/charts/sequential.ts';
import { formatValue } from '@lib/charts/format.ts';
import type { ScaleChoice } from '@lib/charts/scale-choice.ts';

const SVG = 'http://www.w3.org/2000/svg';
const CHANNEL_NAMES = ['R', 'G', 'B'];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The legend's sentence: which scale, its domain, and why it was chosen. */
export function legendText(choice: ScaleChoice, min: number, max: number): string {
  const why = choice.auto ? (choice.kind === 'sequential' ? ' (chosen because no weight is negative, so no output can be)' : ' (chosen because the output can be negative)') : ' (your choice)';
  if (choice.kind === 'sequential') {
    const s = sequentialScale(min, max);
    return `Sequential scale: ${formatValue(s.lo)} (black) … ${formatValue(s.hi)} (white)${why}.`;
  }
  const m = formatValue(divergingScale(min, max).extent);
  return `Diverging scale: −${m} (purple) … 0 (near-white) … +${m} (orange)${why}.`;
}

export class HeatmapView {
  readonly maps: HTMLElement;
  readonly legend: HTMLElement;
  private svg: SVGSVGElement;
  private grad: SVGLinearGradientElement;
  private title: HTMLElement;

  constructor() {
    this.maps = document.createElement('div');
    this.maps.className = 'maps';
    this.maps.setAttribute('role', 'group');
    this.maps.setAttribute('aria-label', 'Output heat maps');
    this.legend = document.createElement('div');
    this.legend.className = 'legend-box';
    this.title = document.createElement('p');
    this.title.className = 'legend-title';
    this.title.dataset.role = 'scale';
    this.svg = svg('svg', { viewBox: '0 0 260 46', class: 'legend', role: 'img', 'aria-label': 'Colour legend' });
    this.grad = svg('linearGradient', { id: 'fm-cp-grad', x1: 0, x2: 1, y1: 0, y2: 0 });
    const defs = svg('defs', {});
    defs.append(this.grad);
    this.svg.append(defs, svg('rect', { x: 10, y: 4, width: 240, height: 14, fill: 'url(#fm-cp-grad)', stroke: 'currentColor', 'stroke-width': 0.5 }));
    this.legend.append(this.title, this.svg);
  }

  /** Paints an NHWC output [1, h, w, c] on the chosen scale; returns its minimum and maximum. */
  draw(data: Float32Array, shape: number[], choice: ScaleChoice): [number, number] {
    const [, h, w, c] = shape as [number, number, number, number];
    const [min, max] = extentOf(data);
    const seq = sequentialScale(min, max);
    const div = divergingScale(min, max);
    const canvases = [...this.maps.querySelectorAll('canvas')];
    if (canvases.length !== c) {
      this.maps.replaceChildren();
      for (let ch = 0; ch < c; ch++) {
        const fig = document.createElement('div');
        fig.className = 'map';
        const canvas = document.createElement('canvas');
        fig.append(canvas);
        if (c > 1) {
          const name = document.createElement('span');
          name.textContent = `channel ${CHANNEL_NAMES[ch] ?? ch + 1}`;
          fig.append(name);
        }
        this.maps.append(fig);
      }
    }
    this.maps.querySelectorAll('canvas').forEach((canvas, ch) => {
      canvas.width = w;
      canvas.height = h;
      canvas.setAttribute('aria-hidden', 'true');
      const px = choice.kind === 'sequential' ? paintSequential(data, w * h, c, ch, seq) : paintChannel(data, w * h, c, ch, div);
      canvas.getContext('2d')!.putImageData(new ImageData(px as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
    });
    this.drawLegend(choice, min, max);
    return [min, max];
  }

  private drawLegend(choice: ScaleChoice, min: number, max: number): void {
    this.svg.querySelectorAll('g.tick').forEach((t) => t.remove());
    const sequential = choice.kind === 'sequential';
    const lut = divergingLut();
    this.grad.replaceChildren();
    for (let i = 0; i <= 16; i++) {
      const j = Math.round((i / 16) * 255);
      const rgb = sequential ? `rgb(${j},${j},${j})` : `rgb(${lut[j * 3]},${lut[j * 3 + 1]},${lut[j * 3 + 2]})`;
      this.grad.append(svg('stop', { offset: `${(i / 16) * 100}%`, 'stop-color': rgb }));
    }
    const text = legendText(choice, min, max);
    this.title.textContent = text;
    const ticks = sequential ? sequentialTicks(sequentialScale(min, max), max) : legendTicks(min, max);
    this.svg.setAttribute('aria-label', `Colour legend. ${text} This output runs from ${formatValue(min)} to ${formatValue(max)}.`);
    for (const t of ticks) {
      const x = 10 + t.position * 240;
      const g = svg('g', { class: 'tick', transform: `translate(${x.toFixed(1)},0)` });
      g.append(svg('line', { y1: 2, y2: 22, stroke: 'currentColor' }));
      const label = svg('text', { y: 36, 'text-anchor': t.position < 0.1 ? 'start' : t.position > 0.9 ? 'end' : 'middle', fill: 'currentColor', 'font-size': 11 });
      label.textContent = t.value === 0 ? '0' : `${t.value === min ? 'min' : t.value === max ? 'max' : ''} ${t.label}`.trim();
      g.append(label);
      this.svg.append(g);
    }
  }
}
