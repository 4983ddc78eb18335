/**
 * The explorer's plain-DOM read-outs: the class probabilities as a bar list (text first, bars decorate),
 * the input image, the summary and timing of a forward pass, the layer table, and the first layer's trained
 * filters as small images.
 */
import { divergingScale, formatValue } from '@lib/charts/diverging.ts';
import { formatShape, type LayerTable } from '@lib/nets/layer-table.ts';
import { layerLabel, type LayerSpec } from '@lib/nets/layer-spec.ts';
import { paintSheet, sheetLayout } from '@lib/nets/map-sheet.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import type { ExplorerModel } from '@lib/nets/explorer-model.ts';
import type { ForwardResult } from '@lib/nets/explorer-forward.ts';
import { describePrediction } from '@lib/nets/prediction.ts';
import { label as backendLabel, type BackendName } from '@lib/engine/index.ts';
import { renderProbs } from './probs-view.ts';
import { formatNumber, say, t, type Lang } from '@lib/i18n/index.ts';
import { classNameMsg } from '@lib/data/class-names.ts';
import { fillLayerChoices } from './shell-layout.ts';

/** One forward pass as shown: its result, its input, and where that came from (`image`, `label` null: a drawing). */
export interface Shown { fwd: ForwardResult; pixels: Uint8Array; label: number | null; image: number | null; model: ExplorerModel }

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
};

/** Per forward pass: the input and its caption, the probabilities, the summary and the timing; returns the predicted class. */
export function renderForward(root: ShadowRoot, { fwd, pixels, label, image, model: m }: Shown, lang: Lang): number {
  const $ = (role: string) => root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const probs = fwd.layers.at(-1)!.data;
  const names = m.spec.classNames;
  const words = describePrediction(m.name, names, probs, image, label, m.testSet.count);
  paintInput($('input') as HTMLCanvasElement, pixels);
  $('input-caption').textContent = image === null ? t(lang, 'networkExplorer.drawingCaption') : t(lang, 'networkExplorer.testCaption', { image: String(image), label: classNameMsg(names[label!]!) });
  $('input').setAttribute('aria-label', t(lang, 'networkExplorer.inputLabel', { input: words.input }));
  renderProbs($('probs'), names, probs, label, lang);
  $('summary').textContent = say(lang, words.summary);
  $('timing').textContent = t(lang, 'networkExplorer.timing', { count: m.layers.length, ms: fwd.ms.toFixed(0), backend: backendLabel(fwd.backend as BackendName, lang) });
  return words.predicted;
}

export function paintInput(canvas: HTMLCanvasElement, pixels: Uint8Array): void {
  const px = new Uint8ClampedArray(pixels.length * 4);
  pixels.forEach((v, i) => px.set([v, v, v, 255], i * 4));
  canvas.getContext('2d')!.putImageData(new ImageData(px, 28, 28), 0, 0);
}

export function renderTable(table: HTMLTableElement, layers: readonly LayerSpec[], tab: LayerTable, countParams: number, lang: Lang): void {
  const n = (v: number) => formatNumber(lang, v);
  table.replaceChildren();
  table.append(make('caption', '', t(lang, 'networkExplorer.tableCaption')));
  const head = make('tr');
  for (const h of ['colLayer', 'colOperation', 'colOutput', 'colParameters', 'colMacs'] as const) {
    const th = make('th', '', t(lang, `networkExplorer.${h}`));
    th.scope = 'col';
    head.append(th);
  }
  table.append(make('thead'), make('tbody'), make('tfoot'));
  table.tHead!.append(head);
  const cells = (name: string, op: string, shape: string, params: string, macs: string, headerRow = false) => {
    const tr = make('tr');
    const th = make('th', '', name);
    th.scope = 'row';
    tr.append(th, make('td', '', op), make('td', 'num', shape), make('td', 'num', params), make('td', 'num', macs));
    if (headerRow) tr.className = 'total';
    return tr;
  };
  tab.rows.forEach((r, i) => {
    const params = r.trainable + r.fixed === 0 ? '0' : r.fixed ? t(lang, 'networkExplorer.paramsFixed', { trainable: r.trainable, fixed: r.fixed }) : n(r.trainable);
    table.tBodies[0]!.append(cells(r.name, say(lang, layerLabel(layers[i]!)), formatShape(r.outShape), params, n(r.macs)));
  });
  // No-break spaces inside each part: the total may wrap before "=" (so the table fits a chapter's column), nowhere else.
  const nb = (s: string) => s.replace(/ /g, '\u00a0');
  const fixed = t(lang, 'networkExplorer.paramsFixed', { trainable: tab.trainable, fixed: tab.fixed });
  table.tFoot!.append(cells(t(lang, 'networkExplorer.total'), `tfjs countParams(): ${n(countParams)}`, '', `${nb(fixed)} ${nb(`= ${n(tab.params)}`)}`, n(tab.macs), true));
}

/** The first conv layer's kernels [kh, kw, 1, c] (grayscale input) as c small images on one symmetric scale; returns the caption. */
export function paintFilters(canvas: HTMLCanvasElement, w: PlainTensor, name: string, lang: Lang): string {
  const [kh, kw, , c] = w.shape as [number, number, number, number];
  const l = sheetLayout(kh, kw, c, Math.min(16, c));
  let lo = Infinity, hi = -Infinity;
  for (const v of w.data) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  canvas.width = l.width;
  canvas.height = l.height;
  canvas.getContext('2d')!.putImageData(new ImageData(paintSheet(l, w.data, divergingScale(lo, hi)) as Uint8ClampedArray<ArrayBuffer>, l.width, l.height), 0, 0);
  const text = t(lang, 'networkExplorer.filtersText', { count: c, size: `${kh}×${kw}`, name, lo: formatValue(lo), hi: formatValue(hi) });
  canvas.setAttribute('aria-label', text);
  return text;
}

/** What changes with the model only: the layer list, the image number's range, the table and the first filters. */
export function renderModel(root: ShadowRoot, m: ExplorerModel, lang: Lang): void {
  const $ = <T extends HTMLElement>(css: string) => root.querySelector<T>(css)!;
  fillLayerChoices($<HTMLSelectElement>('select[data-attr="layer"]'), m.layers, m.table.rows);
  $<HTMLInputElement>('input[data-attr="image"]').max = String(m.testSet.count - 1);
  renderTable($<HTMLTableElement>('[data-role="table"]'), m.layers, m.table, m.model.countParams(), lang);
  const first = m.layers.find((l) => l.kind === 'conv')!;
  $('[data-role="filters-caption"]').textContent = paintFilters($<HTMLCanvasElement>('[data-role="filters"]'), m.weights[first.name]![0]!, first.name, lang);
}
