/**
 * `<fm-network-explorer>` laid out before its first result, from what is known without the model's files: the
 * shipped models are the book's small CNN (src/lib/nets/small-cnn-spec.ts, held to public/models/ by a unit test)
 * with their class counts, so every map sheet, the class list, the detail panel's place and its canvases take their
 * final sizes at once, and the sentences the result writes keep their room (data-reserve, typical numbers standing
 * in). The loaded model's identical layers keep these sheets (MapsView.build), so nothing moves when it arrives.
 */
import { MODELS } from '@lib/models/shipped.ts';
import { smallCnnSpecs } from '@lib/nets/small-cnn-spec.ts';
import { layerTable } from '@lib/nets/layer-table.ts';
import { sheetLayout, type SheetLayout } from '@lib/nets/map-sheet.ts';
import { sourceConv } from '@lib/nets/pixel-explain.ts';
import { mapChoices } from '@lib/nets/selection.ts';
import { formatShape, type LayerRow } from '@lib/nets/layer-table.ts';
import type { LayerSpec } from '@lib/nets/layer-spec.ts';
import { describePrediction } from '@lib/nets/prediction.ts';
import { renderProbs } from './probs-view.ts';
import type { MapsView } from './maps-view.ts';
import type { ExplorerSettings } from './explorer-settings.ts';
import { say, t, type Lang } from '@lib/i18n/index.ts';
import { className } from '@lib/data/class-names.ts';

/** Sizes the kernels canvas for `cin` kernels of kh×kw (one sheet, 8 a row); the painting is detail-view.ts's. */
export function sizeKernels(canvas: HTMLCanvasElement, kh: number, kw: number, cin: number): SheetLayout {
  const l = sheetLayout(kh, kw, cin, Math.min(8, cin));
  canvas.width = l.width;
  canvas.height = l.height;
  canvas.style.width = cin === 1 ? '5rem' : `${Math.min(16, l.width * 0.45)}rem`;
  return l;
}

/** The layers whose maps can be selected, as the detail panel's Layer menu offers them (with their shapes). */
export function fillLayerChoices(select: HTMLSelectElement, layers: readonly LayerSpec[], rows: readonly LayerRow[]): void {
  select.replaceChildren(...mapChoices(layers, rows).map((c) => new Option(`${c.name} (${formatShape(rows[c.index]!.outShape)})`, c.name)));
}

/** Room for the input's caption and the summary that a result writes, in `lang` (the longest class name standing in). */
export function reserveWords(root: ShadowRoot, s: ExplorerSettings, lang: Lang): void {
  const $ = (role: string) => root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const spec = MODELS[s.model]!;
  const said = spec.classNames.map((c) => className(lang, c));
  const longest = said.reduce((a, b) => (b.length > a.length ? b : a));
  const at = said.indexOf(longest);
  $('input-caption').dataset.reserve = t(lang, 'networkExplorer.testCaption', { image: String(s.image), label: longest });
  const probs = spec.classNames.map((_, i) => (i === at ? 0.999 : 0));
  $('summary').dataset.reserve = say(lang, describePrediction(spec.name, spec.classNames, probs, s.image, at, 10_000).summary);
}

/** Every layer's map sheet for `s.model` (MapsView.build keeps sheets already built for the same layers). */
export function buildSheets(maps: MapsView, s: ExplorerSettings): { layers: LayerSpec[]; rows: LayerRow[] } {
  const spec = MODELS[s.model]!;
  const layers = smallCnnSpecs({ classes: spec.classes });
  const rows = layerTable(layers, [28, 28, 1]).rows;
  maps.build(layers, rows);
  return { layers, rows };
}

export function holdLayout(root: ShadowRoot, maps: MapsView, s: ExplorerSettings, lang: Lang): void {
  const $ = <T extends HTMLElement = HTMLElement>(role: string) => root.querySelector<T>(`[data-role="${role}"]`)!;
  const spec = MODELS[s.model]!;
  const { layers, rows } = buildSheets(maps, s);
  renderProbs($('probs'), spec.classNames, null, null, lang);
  reserveWords(root, s, lang);
  // The detail panel goes under the selected layer's block, its enlarged map and kernels at their sizes.
  let index = layers.findIndex((l) => l.name === s.layer);
  if (index < 0 || rows[index]!.outShape.length !== 3) index = 0;
  const [h, w] = rows[index]!.outShape as [number, number, number];
  maps.blockOf(index)?.after($('detail'));
  const menu = root.querySelector<HTMLSelectElement>('select[data-attr="layer"]')!;
  fillLayerChoices(menu, layers, rows);
  menu.value = layers[index]!.name;
  const zoom = $<HTMLCanvasElement>('zoom');
  zoom.width = w;
  zoom.height = h;
  const conv = sourceConv(layers, index);
  const kernels = $<HTMLCanvasElement>('kernels');
  kernels.hidden = conv === null;
  const c = conv === null ? null : layers[conv]!;
  if (c?.kind === 'conv') sizeKernels(kernels, c.kernel[0], c.kernel[1], rows[conv!]!.inShape[2]!);
}
