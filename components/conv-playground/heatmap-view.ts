/**
 * The output as heat maps (one per output channel) on a diverging scale symmetric around 0, and its
 * legend with the minimum, 0 and maximum marked. Loaded on demand (it pulls in d3's colour scheme).
 */
import { divergingLut, divergingScale, extentOf, legendTicks, paintChannel } from '@lib/charts/diverging.ts';

const SVG = 'http://www.w3.org/2000/svg';
const CHANNEL_NAMES = ['R', 'G', 'B'];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export class HeatmapView {
  readonly maps: HTMLElement;
  readonly legend: SVGSVGElement;

  constructor() {
    this.maps = document.createElement('div');
    this.maps.className = 'maps';
    this.legend = svg('svg', { viewBox: '0 0 260 46', class: 'legend', role: 'img', 'aria-label': 'Colour legend: purple is negative, orange positive, near-white zero.' });
    const grad = svg('linearGradient', { id: 'fm-cp-grad', x1: 0, x2: 1, y1: 0, y2: 0 });
    const lut = divergingLut();
    for (let i = 0; i <= 16; i++) {
      const j = Math.round((i / 16) * 255) * 3;
      grad.append(svg('stop', { offset: `${(i / 16) * 100}%`, 'stop-color': `rgb(${lut[j]},${lut[j + 1]},${lut[j + 2]})` }));
    }
    const defs = svg('defs', {});
    defs.append(grad);
    this.legend.append(defs, svg('rect', { x: 10, y: 4, width: 240, height: 14, fill: 'url(#fm-cp-grad)', stroke: 'currentColor', 'stroke-width': 0.5 }));
  }

  /** Paints an NHWC output [1, h, w, c]; returns its minimum and maximum. */
  draw(data: Float32Array, shape: number[]): [number, number] {
    const [, h, w, c] = shape as [number, number, number, number];
    const [min, max] = extentOf(data);
    const scale = divergingScale(min, max);
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
      canvas.getContext('2d')!.putImageData(new ImageData(paintChannel(data, w * h, c, ch, scale) as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
    });
    this.drawLegend(min, max);
    return [min, max];
  }

  private drawLegend(min: number, max: number): void {
    this.legend.querySelectorAll('g.tick').forEach((t) => t.remove());
    const ticks = legendTicks(min, max);
    this.legend.setAttribute('aria-label', `Colour legend: purple is negative, orange positive, near-white zero; this output runs from ${ticks[0]!.label} to ${ticks[ticks.length - 1]!.label}.`);
    for (const t of ticks) {
      const x = 10 + t.position * 240;
      const g = svg('g', { class: 'tick', transform: `translate(${x.toFixed(1)},0)` });
      g.append(svg('line', { y1: 2, y2: 22, stroke: 'currentColor' }));
      const label = svg('text', { y: 36, 'text-anchor': t.position < 0.1 ? 'start' : t.position > 0.9 ? 'end' : 'middle', fill: 'currentColor', 'font-size': 11 });
      label.textContent = t.value === 0 ? '0' : `${t.value === min ? 'min' : 'max'} ${t.label}`;
      g.append(label);
      this.legend.append(g);
    }
  }
}
