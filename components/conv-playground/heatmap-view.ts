/**
 * The output as heat maps (one per output channel) and its legend. The scale is sequential (black 0 … white max)
 * when the output cannot be negative, else diverging symmetric around 0 (scale-choice.ts); the legend names it.
 * On WebGPU the output is coloured and drawn on the GPU (tf-paint.ts); elsewhere it is painted from its numbers.
 * Loaded on demand (it pulls in d3's colour scheme).
 */
import { divergingLut, divergingScale, legendTicks, paintChannel } from '@lib/charts/diverging.ts';
import { extentSliced } from '@lib/charts/extent.ts';
import { paintSequential, sequentialScale, sequentialTicks } from '@lib/charts/sequential.ts';
import { formatValue } from '@lib/charts/format.ts';
import type { ScaleChoice } from '@lib/charts/scale-choice.ts';
import { extentTensor, packedColours } from '@lib/charts/tf-paint.ts';
import { drawPacked } from '@lib/charts/gpu-canvas.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import type { Tf } from '@lib/engine/types.ts';
import type * as TfCore from '@tensorflow/tfjs-core';
import { msg, t, type Lang } from '@lib/i18n/index.ts';
import { runSliced, type Sliced } from '@lib/schedule/slices.ts';

const SVG = 'http://www.w3.org/2000/svg';
const CHANNEL_NAMES = ['R', 'G', 'B'];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The legend's sentence: which scale, its domain, and why it was chosen. */
export function legendText(lang: Lang, choice: ScaleChoice, min: number, max: number): string {
  const why = msg(choice.auto ? (choice.kind === 'sequential' ? 'convPlayground.whySequential' : 'convPlayground.whyDiverging') : 'convPlayground.whyYours');
  if (choice.kind === 'sequential') {
    const s = sequentialScale(min, max);
    return t(lang, 'convPlayground.sequentialLegend', { lo: formatValue(s.lo), hi: formatValue(s.hi), why });
  }
  return t(lang, 'convPlayground.divergingLegend', { m: formatValue(divergingScale(min, max).extent), why });
}

export class HeatmapView {
  readonly maps: HTMLElement;
  readonly legend: HTMLElement;
  private svg: SVGSVGElement;
  private grad: SVGLinearGradientElement;
  private title: HTMLElement;
  private lang: Lang;
  /** The legend drawn last (re-worded on a language change, never recomputed). */
  private shown: { choice: ScaleChoice; min: number; max: number } | null = null;

  constructor(lang: Lang) {
    this.lang = lang;
    this.maps = document.createElement('div');
    this.maps.className = 'maps';
    this.maps.setAttribute('role', 'group');
    this.maps.setAttribute('aria-label', t(lang, 'convPlayground.heatMaps'));
    this.legend = document.createElement('div');
    this.legend.className = 'legend-box';
    this.title = document.createElement('p');
    this.title.className = 'legend-title';
    this.title.dataset.role = 'scale';
    this.svg = svg('svg', { viewBox: '0 0 260 46', class: 'legend', role: 'img', 'aria-label': t(lang, 'convPlayground.colourLegend') });
    this.grad = svg('linearGradient', { id: 'fm-cp-grad', x1: 0, x2: 1, y1: 0, y2: 0 });
    const defs = svg('defs', {});
    defs.append(this.grad);
    this.svg.append(defs, svg('rect', { x: 10, y: 4, width: 240, height: 14, fill: 'url(#fm-cp-grad)', stroke: 'currentColor', 'stroke-width': 0.5 }));
    this.legend.append(this.title, this.svg);
  }

  /** Re-words the maps' label, the channel names and the legend in `lang`. */
  relabel(lang: Lang): void {
    this.lang = lang;
    this.maps.setAttribute('aria-label', t(lang, 'convPlayground.heatMaps'));
    this.maps.querySelectorAll<HTMLElement>('[data-channel]').forEach((span) => (span.textContent = t(lang, 'convPlayground.channel', { name: span.dataset.channel! })));
    if (this.shown) this.legendWords(this.shown.choice, this.shown.min, this.shown.max);
    else this.svg.setAttribute('aria-label', t(lang, 'convPlayground.colourLegend'));
  }

  /**
   * Paints an NHWC output [1, h, w, c], read back to the CPU, on the chosen scale; returns its minimum and maximum.
   * A sliced computation: the range and each channel's pixels are steps (3 channels of the default picture were
   * 8-10 ms of one task here), and the canvases and legend change together at the end. Stops, drawing nothing, once
   * `stale()`.
   */
  *draw(data: Float32Array, shape: number[], choice: ScaleChoice, stale: () => boolean = () => false): Sliced<[number, number] | null> {
    const [, h, w, c] = shape as [number, number, number, number];
    const [min, max] = yield* extentSliced(data);
    const seq = sequentialScale(min, max);
    const div = divergingScale(min, max);
    const pictures: ImageData[] = [];
    for (let ch = 0; ch < c; ch++) {
      yield;
      const px = choice.kind === 'sequential' ? paintSequential(data, w * h, c, ch, seq) : paintChannel(data, w * h, c, ch, div);
      pictures.push(new ImageData(px as Uint8ClampedArray<ArrayBuffer>, w, h));
    }
    yield;
    if (stale()) return null;
    this.canvases(c, '2d').forEach((canvas, ch) => {
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d')!.putImageData(pictures[ch]!, 0, 0);
    });
    this.drawLegend(choice, min, max);
    return [min, max];
  }

  /**
   * Draws the output `y` on the chosen scale and returns its [min, max], or null when `stale()` after the wait.
   * `gpu` (WebGPU where its canvases work, gpu-canvas.ts): coloured where it lies and copied into the canvas's
   * texture; only the two numbers come back, after the pixels, for the legend. Otherwise (WebGL has no Draw kernel
   * in tfjs 4.22; the CPU's numbers are in memory already): painted from the numbers `read()` gives. `drawn` runs once the pixels are on the canvases.
   */
  async show(tf: Tf, y: TfCore.Tensor4D, gpu: boolean, choice: ScaleChoice, read: () => Promise<PlainTensor>, drawn: () => void, stale: () => boolean): Promise<[number, number] | null> {
    if (!gpu) {
      const { data, shape } = await read();
      if (stale()) return null;
      const range = await runSliced(this.draw(data, shape, choice, stale));
      if (!range) return null;
      drawn();
      return range;
    }
    const extent = extentTensor(tf, y);
    try {
      this.canvases(y.shape[3], 'webgpu').forEach((canvas, ch) => {
        const packed = packedColours(tf, y, extent, ch, choice.kind);
        try {
          drawPacked(tf, packed, y.shape[2], canvas);
        } finally {
          packed.dispose();
        }
      });
      drawn();
      const [min, max] = (await extent.data()) as unknown as [number, number];
      if (stale()) return null;
      this.drawLegend(choice, min, max);
      return [min, max];
    } finally {
      extent.dispose();
    }
  }

  /**
   * The `c` output canvases, made anew when the count changes or when they were drawn with the other kind of
   * context (a canvas keeps its first context: after a move from WebGPU to WebGL it must be replaced).
   */
  private canvases(c: number, kind: '2d' | 'webgpu'): HTMLCanvasElement[] {
    const existing = [...this.maps.querySelectorAll('canvas')];
    if (existing.length === c && existing.every((x) => x.dataset.context === kind)) return existing;
    this.maps.replaceChildren();
    for (let ch = 0; ch < c; ch++) {
      const fig = document.createElement('div');
      fig.className = 'map';
      const canvas = document.createElement('canvas');
      canvas.dataset.context = kind;
      canvas.setAttribute('aria-hidden', 'true');
      fig.append(canvas);
      if (c > 1) {
        const name = document.createElement('span');
        name.dataset.channel = CHANNEL_NAMES[ch] ?? String(ch + 1);
        name.textContent = t(this.lang, 'convPlayground.channel', { name: name.dataset.channel });
        fig.append(name);
      }
      this.maps.append(fig);
    }
    return [...this.maps.querySelectorAll('canvas')];
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
    const ticks = sequential ? sequentialTicks(sequentialScale(min, max), max) : legendTicks(min, max);
    for (const t of ticks) {
      const x = 10 + t.position * 240;
      const g = svg('g', { class: 'tick', transform: `translate(${x.toFixed(1)},0)` });
      g.append(svg('line', { y1: 2, y2: 22, stroke: 'currentColor' }));
      const label = svg('text', { y: 36, 'text-anchor': t.position < 0.1 ? 'start' : t.position > 0.9 ? 'end' : 'middle', fill: 'currentColor', 'font-size': 11 });
      if (t.value !== 0 && (t.value === min || t.value === max)) label.dataset.end = t.value === min ? 'min' : 'max';
      label.dataset.value = t.label;
      label.textContent = t.value === 0 ? '0' : t.label;
      g.append(label);
      this.svg.append(g);
    }
    this.shown = { choice, min, max };
    this.legendWords(choice, min, max);
  }

  /** The legend's sentence, its text alternative and the min/max tick labels, in the view's language. */
  private legendWords(choice: ScaleChoice, min: number, max: number): void {
    const text = legendText(this.lang, choice, min, max);
    this.title.textContent = text;
    this.svg.setAttribute('aria-label', t(this.lang, 'convPlayground.legendLabel', { legend: text, min: formatValue(min), max: formatValue(max) }));
    for (const label of this.svg.querySelectorAll<SVGTextElement>('text[data-end]')) {
      label.textContent = t(this.lang, label.dataset.end === 'min' ? 'convPlayground.tickMin' : 'convPlayground.tickMax', { value: label.dataset.value! });
    }
  }
}
