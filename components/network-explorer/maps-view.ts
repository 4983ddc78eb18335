/**
 * Every layer's output as small multiples: one canvas per layer holding all its maps (src/lib/nets/map-sheet.ts),
 * grouped in blocks (a block starts at each convolution), then the classifier's dense layers as rows of cells.
 * Each layer has its own symmetric colour scale (its caption states the range). Pointing reads the value under
 * the cursor into the layer's caption; a click on a map layer picks that map and pixel. Light (the colour scale
 * comes with the painting), so the shell lays the sheets out before the model loads.
 */
import type { DivergingScale } from '@lib/charts/diverging.ts';
import { formatValue } from '@lib/charts/format.ts';
import { extentOf } from '@lib/charts/extent.ts';
import { hitTest, mapOrigin, paintSheet, sheetLayout, type SheetLayout } from '@lib/nets/map-sheet.ts';
import { formatShape, type LayerRow } from '@lib/nets/layer-table.ts';
import type { LayerSpec } from '@lib/nets/layer-spec.ts';
import type { LayerOutput } from '@lib/nets/explorer-forward.ts';
import { msg, say, t, type Lang, type Msg } from '@lib/i18n/index.ts';
import type { Sliced } from '@lib/schedule/slices.ts';

/** Dense units are drawn as cells of this many pixels, so a row of units reads like a strip of maps. */
const CELL = 4;

interface Sheet { index: number; name: string; dense: boolean; layout: SheetLayout; canvas: HTMLCanvasElement; ring: HTMLElement; info: HTMLElement; read: HTMLElement; section: HTMLElement; values: Float32Array | null; stats: { lo: number; hi: number; best: number } | null }

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  return e;
};

export class MapsView {
  readonly el = make('div', 'maps');
  /** The language its words are in: set it, then `relabel()` says them again (the pixels stay). */
  lang: Lang = 'en';
  private sheets: Sheet[] = [];
  private titles: { el: HTMLElement; text: Msg }[] = [];
  /** The layers the sheets were built for (names and shapes): the same again is not rebuilt. */
  private built = '';
  private readonly onPick: (index: number, map: number, y: number, x: number) => void;

  constructor(onPick: (index: number, map: number, y: number, x: number) => void) {
    this.onPick = onPick;
  }

  /**
   * Builds the canvases for a model (once per model; the shell builds them from the model's known layers, and the
   * loaded model's identical layers keep them). `info` stands in for each caption until the first paint.
   */
  build(layers: readonly LayerSpec[], rows: readonly LayerRow[]): void {
    const key = JSON.stringify(layers.map((l, i) => [l.name, l.kind, rows[i]!.outShape]));
    if (key === this.built) return;
    this.built = key;
    // Only the blocks go: the explorer parks its detail panel between them.
    for (const old of this.el.querySelectorAll(':scope > section.block')) old.remove();
    this.sheets = [];
    this.titles = [];
    let section: HTMLElement | null = null;
    let block = 0;
    layers.forEach((spec, i) => {
      const shape = rows[i]!.outShape;
      if (spec.kind === 'flatten' || spec.kind === 'softmax') return;
      if (spec.kind === 'conv' || (spec.kind === 'dense' && section?.dataset.block !== 'classifier')) {
        section = make('section', 'block');
        const classifier = spec.kind === 'dense';
        section.dataset.block = classifier ? 'classifier' : String(++block);
        const run = [spec.name];
        for (let k = i + 1; k < layers.length && (classifier ? layers[k]!.kind !== 'flatten' : ['bn', 'relu', 'pool'].includes(layers[k]!.kind)); k++) run.push(layers[k]!.name);
        const flat = rows[i - 1]?.kind === 'flatten';
        const title = !classifier ? msg('networkExplorer.blockTitle', { block, run: run.join(' → ') })
          : flat ? msg('networkExplorer.classifierFlatTitle', { shape: formatShape(rows[i - 1]!.inShape), values: rows[i]!.inShape[0]!, run: run.join(' → ') })
          : msg('networkExplorer.classifierTitle', { values: rows[i]!.inShape[0]!, run: run.join(' → ') });
        const p = make('p', 'block-title', say(this.lang, title));
        this.titles.push({ el: p, text: title });
        section.append(p, make('div', 'sheets'));
        this.el.append(section);
      }
      const dense = shape.length === 1;
      const layout = dense ? sheetLayout(CELL, CELL, shape[0]!, Math.min(16, shape[0]!)) : sheetLayout(shape[0]!, shape[1]!, shape[2]!);
      const fig = make('figure', dense ? 'sheet dense' : 'sheet');
      const wrap = make('div', 'sheet-wrap');
      const canvas = make('canvas', '');
      canvas.width = layout.width;
      canvas.height = layout.height;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', t(this.lang, 'networkExplorer.notComputed', { name: spec.name }));
      if (dense) canvas.style.width = `${layout.width * 3}px`;
      const ring = make('div', 'ring');
      ring.hidden = true;
      wrap.append(canvas, ring);
      const cap = make('figcaption', '');
      const info = make('span', 'info');
      // Room for the caption the first paint writes (a typical range stands in), so the sheets below keep their place.
      info.dataset.reserve = sheetInfo(this.lang, spec.name, dense, layout.channels, layout.h, layout.w, -1.23, 1.23);
      const read = make('span', 'read');
      cap.append(info, read);
      fig.append(wrap, cap);
      section!.querySelector('.sheets')!.append(fig);
      const sheet: Sheet = { index: i, name: spec.name, dense, layout, canvas, ring, info, read, section: section!, values: null, stats: null };
      this.sheets.push(sheet);
      canvas.addEventListener('pointermove', (e) => this.hover(sheet, e));
      canvas.addEventListener('pointerleave', () => (sheet.read.textContent = ''));
      if (!dense) canvas.addEventListener('click', (e) => {
        const hit = this.at(sheet, e);
        if (hit) this.onPick(sheet.index, hit.map, hit.y, hit.x);
      });
    });
  }

  /** Counts paints begun: a newer one stops an older one at its next pause, so the newest values are what stays. */
  private painting = 0;

  /**
   * Paints the sheet of each layer in `outs` (every layer, or the first few before the rest is computed), each on its
   * own symmetric scale (`scaleOf`: the diverging scale, loaded with the engine), pausing after each sheet it paints
   * (run it with runSliced: a first paint of every sheet, while the code still runs cold, was 15–35 ms of one task).
   * A sheet already painted with the very same values (the first block's, painted before the rest was computed) is
   * left as it is.
   */
  *paintSteps(outs: readonly LayerOutput[], scaleOf: (lo: number, hi: number) => DivergingScale): Sliced<void> {
    const token = ++this.painting;
    for (const s of this.sheets) {
      const out = outs[s.index];
      if (!out || (out.data === s.values && s.stats)) continue;
      s.values = out.data;
      const [lo, hi] = extentOf(out.data);
      let best = 0, bestMean = -1;
      const c = s.layout.channels;
      for (let k = 0; k < c; k++) {
        let m = 0;
        for (let p = k; p < out.data.length; p += c) m += Math.abs(out.data[p]!);
        if (m > bestMean) { bestMean = m; best = k; }
      }
      const scale = scaleOf(lo, hi);
      const values = s.dense ? replicate(out.data, CELL) : out.data;
      const px = paintSheet(s.layout, values, scale);
      s.canvas.getContext('2d')!.putImageData(new ImageData(px as Uint8ClampedArray<ArrayBuffer>, s.layout.width, s.layout.height), 0, 0);
      s.stats = { lo, hi, best };
      this.sayStats(s);
      yield;
      if (token !== this.painting) return;
    }
  }

  /** Says every title, caption and text alternative again in `this.lang`. */
  relabel(): void {
    for (const { el, text } of this.titles) el.textContent = say(this.lang, text);
    for (const s of this.sheets) {
      const l = s.layout;
      s.info.dataset.reserve = sheetInfo(this.lang, s.name, s.dense, l.channels, l.h, l.w, -1.23, 1.23);
      if (s.stats) this.sayStats(s);
      else s.canvas.setAttribute('aria-label', t(this.lang, 'networkExplorer.notComputed', { name: s.name }));
      s.read.textContent = '';
    }
  }

  private sayStats(s: Sheet): void {
    const { lo, hi, best } = s.stats!;
    const c = s.layout.channels;
    s.info.textContent = sheetInfo(this.lang, s.name, s.dense, c, s.layout.h, s.layout.w, lo, hi);
    const said = { name: s.name, what: what(s.dense, c, s.layout.h, s.layout.w), lo: formatValue(lo), hi: formatValue(hi), best: best + 1 };
    s.canvas.setAttribute('aria-label', t(this.lang, s.dense ? 'networkExplorer.sheetUnits' : 'networkExplorer.sheetMaps', said));
  }

  /** The block that holds layer `index`'s sheet (the detail panel goes after it), or null. */
  blockOf(index: number): HTMLElement | null {
    return this.sheets.find((s) => s.index === index)?.section ?? null;
  }

  /** Rings the selected map; returns the block it sits in (the detail panel goes after it). */
  select(index: number, map: number): HTMLElement | null {
    let section: HTMLElement | null = null;
    for (const s of this.sheets) {
      s.ring.hidden = s.index !== index;
      if (s.index !== index) continue;
      const o = mapOrigin(s.layout, map);
      const pct = (v: number, of: number) => `${(v / of) * 100}%`;
      Object.assign(s.ring.style, { left: pct(o.x, s.layout.width), top: pct(o.y, s.layout.height), width: pct(s.layout.w, s.layout.width), height: pct(s.layout.h, s.layout.height) });
      section = s.section;
    }
    return section;
  }

  private at(s: Sheet, e: MouseEvent) {
    const r = s.canvas.getBoundingClientRect();
    return hitTest(s.layout, ((e.clientX - r.left) / r.width) * s.layout.width, ((e.clientY - r.top) / r.height) * s.layout.height);
  }

  private hover(s: Sheet, e: PointerEvent): void {
    const hit = this.at(s, e);
    if (!hit || !s.values) return;
    const c = s.layout.channels;
    if (s.dense) s.read.textContent = t(this.lang, 'networkExplorer.readUnit', { unit: hit.map + 1, value: formatValue(s.values[hit.map]!) });
    else s.read.textContent = t(this.lang, 'networkExplorer.readMap', { map: hit.map + 1, row: hit.y + 1, column: hit.x + 1, value: formatValue(s.values[(hit.y * s.layout.w + hit.x) * c + hit.map]!) });
  }
}

/** n unit values as n cells of size×size pixels, in the NHWC layout paintSheet reads. */
function replicate(values: Float32Array, size: number): Float32Array {
  const n = values.length;
  const out = new Float32Array(size * size * n);
  for (let p = 0; p < size * size; p++) out.set(values, p * n);
  return out;
}

/** A sheet's caption: the layer, what it holds and its range of values. */
function sheetInfo(lang: Lang, name: string, dense: boolean, channels: number, h: number, w: number, lo: number, hi: number): string {
  return t(lang, 'networkExplorer.sheetCaption', { name, what: what(dense, channels, h, w), lo: formatValue(lo), hi: formatValue(hi) });
}

/** What a sheet holds: dense units, or maps of h×w. */
function what(dense: boolean, channels: number, h: number, w: number): Msg {
  return dense ? msg('networkExplorer.units', { count: channels }) : msg('networkExplorer.mapsOf', { count: channels, size: `${h}×${w}` });
}
