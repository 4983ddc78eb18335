/**
 * The selected feature map, enlarged, with the kernels that made it and the arithmetic behind the selected
 * pixel (src/lib/nets/pixel-explain.ts). The enlarged map is focusable: arrow keys move the selected pixel;
 * pointing reads values, a click selects. Everything is written as text (no HTML from data).
 */
import { divergingScale, formatValue, paintChannel } from '@lib/charts/diverging.ts';
import { paintSheet } from '@lib/nets/map-sheet.ts';
import { sizeKernels } from './shell-layout.ts';
import { explainPixel, kernelsOf, type Explanation, type MapKernels } from '@lib/nets/pixel-explain.ts';
import { layerLabel } from '@lib/nets/layer-spec.ts';
import type { Resolved } from '@lib/nets/selection.ts';
import type { ExplorerModel } from '@lib/nets/explorer-model.ts';
import type { ForwardResult } from '@lib/nets/explorer-forward.ts';
import { msg, say, t, type Lang, type Msg } from '@lib/i18n/index.ts';

export interface DetailData {
  layer: string; label: Msg | string; below: Msg | string; map: number; y: number; x: number;
  h: number; w: number; channels: number; values: Float32Array; kernels: MapKernels | null; explanation: Explanation | null;
}

const f = formatValue;
const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
};

/** A small grid of numbers as a table (kh×kw), `mark` highlighting one cell. */
function grid(caption: string, values: number[], cols: number, mark = -1): HTMLTableElement {
  const t = make('table', 'numgrid');
  t.append(make('caption', '', caption));
  for (let r = 0; r < values.length / cols; r++) {
    const tr = make('tr');
    for (let c = 0; c < cols; c++) tr.append(make('td', r * cols + c === mark ? 'mark' : '', f(values[r * cols + c]!)));
    t.append(tr);
  }
  return t;
}

export class DetailView {
  /** The language its words are in: set it, then `relabel()` says them again. */
  lang: Lang = 'en';
  private readonly $: (role: string) => HTMLElement;
  private d: DetailData | null = null;

  constructor(root: HTMLElement, onPixel: (y: number, x: number) => void) {
    this.$ = (role) => root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    const zoom = this.$('zoom') as HTMLCanvasElement;
    const cell = (e: MouseEvent) => {
      const r = zoom.getBoundingClientRect(), d = this.d!;
      return { y: Math.min(d.h - 1, Math.floor(((e.clientY - r.top) / r.height) * d.h)), x: Math.min(d.w - 1, Math.floor(((e.clientX - r.left) / r.width) * d.w)) };
    };
    zoom.addEventListener('click', (e) => { if (this.d) { const c = cell(e); onPixel(c.y, c.x); } });
    zoom.addEventListener('pointermove', (e) => {
      if (!this.d) return;
      const c = cell(e);
      this.$('zoom-read').textContent = t(this.lang, 'networkExplorer.underCursor', { row: c.y + 1, column: c.x + 1, value: f(this.d.values[(c.y * this.d.w + c.x) * this.d.channels + this.d.map]!) });
    });
    zoom.addEventListener('keydown', (e) => {
      const step = ({ ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] } as Record<string, [number, number]>)[e.key];
      if (!step || !this.d) return;
      e.preventDefault();
      onPixel(Math.min(this.d.h - 1, Math.max(0, this.d.y + step[0])), Math.min(this.d.w - 1, Math.max(0, this.d.x + step[1])));
    });
  }

  /** Shows the selection `r` (resolved against this forward pass through `m`); returns what is shown. */
  showSelection(m: ExplorerModel, fwd: ForwardResult, r: Resolved): DetailData {
    const { layers, weights } = m;
    const out = fwd.layers[r.index]!;
    const below = r.index === 0 ? fwd.input : fwd.layers[r.index - 1]!;
    const [, h, w, channels] = out.shape as [number, number, number, number];
    const d: DetailData = {
      layer: r.choice.layer, label: layerLabel(layers[r.index]!), below: r.index === 0 ? msg('networkExplorer.inputBelow') : layers[r.index - 1]!.name,
      map: r.map, y: r.y, x: r.x, h, w, channels, values: out.data,
      kernels: kernelsOf(layers, weights, r.index, r.map), explanation: explainPixel(layers[r.index]!, weights, below, out, r.map, r.y, r.x),
    };
    this.show(d);
    return d;
  }

  /** Says the shown selection again in `this.lang` (the same numbers; nothing is recomputed). */
  relabel(): void {
    if (this.d) this.show(this.d);
  }

  show(d: DetailData): void {
    const L = this.lang;
    this.d = d;
    const zoom = this.$('zoom') as HTMLCanvasElement;
    zoom.width = d.w;
    zoom.height = d.h;
    let lo = Infinity, hi = -Infinity;
    for (let p = d.map; p < d.values.length; p += d.channels) { lo = Math.min(lo, d.values[p]!); hi = Math.max(hi, d.values[p]!); }
    const px = paintChannel(d.values, d.h * d.w, d.channels, d.map, divergingScale(lo, hi));
    zoom.getContext('2d')!.putImageData(new ImageData(px as Uint8ClampedArray<ArrayBuffer>, d.w, d.h), 0, 0);
    const pct = (v: number, of: number) => `${(v / of) * 100}%`;
    Object.assign(this.$('zoom-ring').style, { left: pct(d.x, d.w), top: pct(d.y, d.h), width: pct(1, d.w), height: pct(1, d.h) });
    const value = d.values[(d.y * d.w + d.x) * d.channels + d.map]!;
    const where = msg('networkExplorer.where', { layer: d.layer, map: d.map + 1, count: d.channels });
    zoom.setAttribute('aria-label', t(L, 'networkExplorer.zoomLabel', { where, label: d.label, size: `${d.h}×${d.w}`, lo: f(lo), hi: f(hi), row: d.y + 1, column: d.x + 1, value: f(value) }));
    this.$('zoom-caption').textContent = t(L, 'networkExplorer.zoomCaption', { where, label: d.label, lo: f(lo), hi: f(hi) });
    this.$('zoom-read').textContent = t(L, 'networkExplorer.zoomHelp');
    this.kernels(d.kernels);
    this.explain(d, value);
  }

  private kernels(k: MapKernels | null): void {
    const canvas = this.$('kernels') as HTMLCanvasElement;
    const cap = this.$('kernels-caption');
    canvas.hidden = !k;
    if (!k) { cap.textContent = t(this.lang, 'networkExplorer.noKernels'); return; }
    const l = sizeKernels(canvas, k.kh, k.kw, k.cin);
    const nhwc = new Float32Array(k.data.length);
    for (let c = 0; c < k.cin; c++) for (let p = 0; p < k.kh * k.kw; p++) nhwc[p * k.cin + c] = k.data[c * k.kh * k.kw + p]!;
    let lo = Infinity, hi = -Infinity;
    for (const v of k.data) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    canvas.getContext('2d')!.putImageData(new ImageData(paintSheet(l, nhwc, divergingScale(lo, hi)) as Uint8ClampedArray<ArrayBuffer>, l.width, l.height), 0, 0);
    const said = { layer: k.layer, filter: k.channel + 1, size: `${k.kh}×${k.kw}`, lo: f(lo), hi: f(hi) };
    const text = k.cin === 1 ? t(this.lang, 'networkExplorer.oneKernel', said) : t(this.lang, 'networkExplorer.kernels', { ...said, count: k.cin });
    cap.textContent = text;
    canvas.setAttribute('aria-label', text);
  }

  private explain(d: DetailData, value: number): void {
    const L = this.lang;
    const below = say(L, d.below);
    const box = this.$('explain');
    const e = d.explanation;
    const parts: (HTMLElement | string)[] = [];
    if (!e) parts.push(make('p', '', t(L, 'networkExplorer.value', { value: f(value) })));
    else if (e.kind === 'conv' && e.contributions.length === 1) {
      const k = d.kernels!;
      const row = make('div', 'grids');
      row.append(grid(t(L, 'networkExplorer.window', { below }), e.window, k.kw), make('span', 'op', '×'), grid(t(L, 'networkExplorer.kernel'), e.kernel, k.kw), make('span', 'op', '='), grid(t(L, 'networkExplorer.products'), e.products, k.kw));
      const sum = { count: e.products.length, value: f(e.value) };
      parts.push(row, make('p', '', e.bias ? t(L, 'networkExplorer.sumBias', { ...sum, bias: f(e.bias) }) : t(L, 'networkExplorer.sum', sum)));
    } else if (e.kind === 'conv') {
      const top = e.contributions.slice(0, 5);
      const rest = e.contributions.slice(5).reduce((s, c) => s + c.sum, 0);
      const sum = { value: f(e.value), count: e.contributions.length, below };
      parts.push(make('p', '', e.bias ? t(L, 'networkExplorer.sumMapsBias', { ...sum, bias: f(e.bias) }) : t(L, 'networkExplorer.sumMaps', sum)));
      const ol = make('ol', 'contrib');
      for (const c of top) ol.append(make('li', '', t(L, 'networkExplorer.contribution', { below, map: c.channel + 1, sum: `${c.sum >= 0 ? '+' : ''}${f(c.sum)}` })));
      parts.push(ol, make('p', '', t(L, 'networkExplorer.otherMaps', { count: e.contributions.length - top.length, sum: `${rest >= 0 ? '+' : ''}${f(rest)}` })));
    } else if (e.kind === 'bn') {
      parts.push(make('p', '', t(L, 'networkExplorer.bn', { below, input: f(e.input), scale: f(e.scale), shift: f(e.shift), value: f(e.value) })));
    } else if (e.kind === 'relu') {
      parts.push(make('p', '', t(L, 'networkExplorer.relu', { below, input: f(e.input), value: f(e.value) })));
    } else {
      parts.push(grid(t(L, 'networkExplorer.poolWindow', { below }), e.window, Math.sqrt(e.window.length), e.op === 'max' ? e.picked : -1),
        make('p', '', e.op === 'max' ? t(L, 'networkExplorer.largest', { count: e.window.length, value: f(e.value) }) : t(L, 'networkExplorer.mean', { value: f(e.value) })));
    }
    box.replaceChildren(make('p', 'pixel-title', t(L, 'networkExplorer.pixelTitle', { row: d.y + 1, column: d.x + 1, layer: d.layer, map: d.map + 1, value: f(value) })), ...parts);
  }
}
