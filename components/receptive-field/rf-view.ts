/**
 * `<fm-receptive-field>`'s view: the shell, the editable layer table (updated in place so a control keeps the
 * keyboard focus while the reader steps it), the grids painted from the oracle's path counts, and the formula
 * written out with each layer's numbers. No arithmetic beyond layout: the numbers come from src/lib/receptive-field.
 */
import { BLUES_HEX, tableBytes } from '@lib/charts/colour-tables.ts';
import { formatLayer, LIMITS, PRESETS, type Layer } from '@lib/receptive-field/layers.ts';
import type { Plan } from '@lib/receptive-field/plan.ts';
import { formulaText, type FieldStep, type Span } from '@lib/receptive-field/formula.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

const opts = (pairs: [string, string][]) => pairs.map(([v, text]) => `<option value="${v}">${text}</option>`).join('');
/** d3's Blues as r, g, b bytes for t = i / 255, sampled at build time (colour-tables.ts). */
let blues: Uint8Array | null = null;
const sub = (s: string) => s.replace(/([rjkds])(\d+)/g, '$1<sub>$2</sub>');

/** Preset names → their titles in the catalogue (the names are the `preset` attribute's values). */
const PRESET_TITLES: Record<string, MessageKey> = {
  'small-cnn': 'receptiveField.presetSmallCnn',
  vgg: 'receptiveField.presetVgg',
  'resnet-stem': 'receptiveField.presetResnetStem',
  dilated: 'receptiveField.presetDilated',
};

/** The columns after the row number, in order (the remove button's has no visible name). */
const COLUMNS = ['receptiveField.colLayer', 'receptiveField.colWindow', 'receptiveField.colStride', 'receptiveField.colDilation', 'receptiveField.colPadding', 'receptiveField.colOutput', 'receptiveField.colField', 'receptiveField.colJump'] as const satisfies readonly MessageKey[];
const th = (key: MessageKey) => `<th scope="col" role="columnheader" data-t="${key}"></th>`;

// The layer table's parts name their roles: on a phone they are laid out as blocks and grids (one card per layer,
// receptive-field.css), and WebKit then drops a table's own semantics; Chromium keeps them either way.
export const SHELL = `
<div class="controls">
  <label><span data-t="receptiveField.architecture"></span> <select data-role="preset">${PRESETS.map((p) => `<option value="${p.name}" data-t="${PRESET_TITLES[p.name]}"></option>`).join('')}<option value="" data-t="receptiveField.custom"></option></select></label>
  <label><span data-t="receptiveField.inputSize"></span> <input type="number" data-role="input-size" min="${LIMITS.input[0]}" max="${LIMITS.input[1]}" step="1"></label>
  <label><span data-t="receptiveField.pickIn"></span> <select data-role="layer"></select></label>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="table-wrap"><table class="layers" role="table">
  <caption data-t="receptiveField.tableCaption"></caption>
  <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">#</th>${COLUMNS.map(th).join('')}<th scope="col" role="columnheader"><span class="sr-only" data-t="receptiveField.colRemove"></span></th></tr></thead>
  <tbody role="rowgroup" data-role="rows"></tbody>
</table></div>
<p class="tools"><button type="button" data-act="add-conv" data-t="receptiveField.addConv"></button> <button type="button" data-act="add-pool" data-t="receptiveField.addPool"></button></p>
<div class="views">
  <figure><canvas data-role="input" role="img" data-t-label="receptiveField.inputPending"></canvas><figcaption data-role="input-caption"></figcaption></figure>
  <figure><canvas data-role="picked" tabindex="0" role="slider" data-t-label="receptiveField.pickerPending" aria-valuemin="1" aria-valuemax="1" aria-valuenow="1" data-t-valuetext="receptiveField.notComputed"></canvas><figcaption data-role="picked-caption"></figcaption></figure>
</div>
<p class="legend"><span class="swatch few"></span> <span data-t="receptiveField.legendFew"></span> <span class="swatch many"></span> <span data-t="receptiveField.legendMany"></span> · <span class="swatch span"></span> <span data-t="receptiveField.legendSquare"></span> · <span class="swatch unit"></span> <span data-t="receptiveField.legendUnit"></span></p>
<div class="strip" data-role="strip" role="group" data-t-label="receptiveField.stripLabel"></div>
<div class="formula">
  <p class="general"><math display="inline"><msub><mi>r</mi><mi>l</mi></msub><mo>=</mo><msub><mi>r</mi><mrow><mi>l</mi><mo>−</mo><mn>1</mn></mrow></msub><mo>+</mo><mo>(</mo><msub><mi>k</mi><mi>l</mi></msub><mo>−</mo><mn>1</mn><mo>)</mo><mo>·</mo><msub><mi>d</mi><mi>l</mi></msub><mo>·</mo><msub><mi>j</mi><mrow><mi>l</mi><mo>−</mo><mn>1</mn></mrow></msub></math>, <math display="inline"><msub><mi>j</mi><mi>l</mi></msub><mo>=</mo><msub><mi>j</mi><mrow><mi>l</mi><mo>−</mo><mn>1</mn></mrow></msub><mo>·</mo><msub><mi>s</mi><mi>l</mi></msub></math><span data-role="start"></span></p>
  <ol data-role="formula"></ol>
</div>
<p data-role="summary" class="summary" aria-live="polite" data-t="receptiveField.waiting"></p>`;

/**
 * Writes the shell's fixed words in `lang` (`data-t`: an element's text; `data-t-label`: its aria-label;
 * `data-t-valuetext`: its aria-valuetext), and the general formula's opening. The stand-ins among them (the
 * summary's "Waiting…", the canvases' "not computed yet") are then overwritten by the field's own words.
 */
export function labelShell(root: ShadowRoot, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(lang, el.dataset.t as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-t-label]')) el.setAttribute('aria-label', t(lang, el.dataset.tLabel as MessageKey));
  for (const el of root.querySelectorAll<HTMLElement>('[data-t-valuetext]')) el.setAttribute('aria-valuetext', t(lang, el.dataset.tValuetext as MessageKey));
  // The opening's text is the catalogue's; only its subscripts are markup.
  const start = t(lang, 'receptiveField.startingFrom', { r0: '\u0000r', j0: '\u0000j' }).replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  root.querySelector('[data-role="start"]')!.innerHTML = start.replace(/\u0000([rj])/g, '$1<sub>0</sub>');
}

/** Builds (when the count changed) and fills the layer table, its controls labelled in `lang`; reads nothing. */
export function fillTable(body: HTMLElement, lang: Lang, plan: Plan, steps: FieldStep[]): void {
  if (body.children.length !== plan.layers.length) {
    body.replaceChildren(...plan.layers.map((_, i) => {
      const tr = document.createElement('tr');
      tr.setAttribute('role', 'row');
      tr.innerHTML = `<th scope="row" role="rowheader">${i + 1}</th>
        <td role="cell"><select data-field="kind">${opts([['conv', 'conv'], ['pool', 'pool']])}</select></td>
        <td role="cell"><input type="number" data-field="k" min="1" max="${LIMITS.k}"></td>
        <td role="cell"><input type="number" data-field="s" min="1" max="${LIMITS.s}"></td>
        <td role="cell"><input type="number" data-field="d" min="1" max="${LIMITS.d}"></td>
        <td role="cell"><select data-field="padding">${opts([['same', 'same'], ['valid', 'valid']])}</select></td>
        <td role="cell" data-cell="out"></td><td role="cell" data-cell="r"></td><td role="cell" data-cell="j"></td>
        <td role="cell"><button type="button" data-act="remove">✕</button></td>`;
      tr.dataset.index = String(i);
      return tr;
    }));
  }
  const labels = { kind: 'receptiveField.rowType', k: 'receptiveField.rowWindow', s: 'receptiveField.rowStride', d: 'receptiveField.rowDilation', padding: 'receptiveField.rowPadding' } as const;
  plan.layers.forEach((l, i) => {
    const tr = body.children[i] as HTMLElement;
    for (const f of ['kind', 'k', 's', 'd', 'padding'] as const) {
      const c = tr.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${f}"]`)!;
      if (c.value !== String(l[f])) c.value = String(l[f]);
      c.setAttribute('aria-label', t(lang, labels[f], { n: i + 1 }));
    }
    tr.querySelector('[data-act="remove"]')!.setAttribute('aria-label', t(lang, 'receptiveField.rowRemove', { n: i + 1 }));
    // Each cell's column name, shown above its value where the table is laid out as one card per layer (a phone).
    tr.querySelectorAll('td').forEach((td, c) => { if (c < COLUMNS.length) td.dataset.label = t(lang, COLUMNS[c]!); });
    tr.querySelector('[data-cell="out"]')!.textContent = `${l.outSize}×${l.outSize}`;
    tr.querySelector('[data-cell="r"]')!.textContent = String(steps[i + 1]!.r);
    tr.querySelector('[data-cell="j"]')!.textContent = String(steps[i + 1]!.j);
  });
}

/** The stack's text with one table control's raw value put in (the parser then checks it, message and all). */
export function editedText(layers: readonly Layer[], index: number, field: string, raw: string): string {
  return layers.map((l, i) => {
    if (i !== index) return formatLayer(l);
    const v = (f: keyof Layer) => (f === field ? raw.trim() || '?' : String(l[f]));
    return `${v('kind')} ${v('k')} s${v('s')} d${v('d')} ${v('padding')}`;
  }).join(', ');
}

/** One small grid per map, input first; a layer's grid is a button that picks it. Built once per stack length. */
/** `paint` false: the canvases only take their sizes (the shell's drawing; the first result paints them). */
/**
 * The strip of maps, sized; each map's painting is pushed onto `paints` (run later, a canvas at a time, so a deep
 * stack never blocks the page for all of them at once). Without `paints` the canvases are only sized.
 */
export function fillStrip(strip: HTMLElement, lang: Lang, plan: Plan, counts: Float64Array[], layer: number, unit: [number, number], paints?: (() => void)[]): void {
  const maps = plan.layers.length + 1;
  if (strip.children.length !== maps) {
    strip.replaceChildren(...Array.from({ length: maps }, (_, m) => {
      const item = document.createElement(m === 0 ? 'div' : 'button');
      item.className = 'map';
      if (m > 0) { (item as HTMLButtonElement).type = 'button'; item.dataset.layer = String(m); }
      item.innerHTML = '<canvas aria-hidden="true"></canvas><span></span>';
      return item;
    }));
  }
  labelStrip(strip, lang, plan, layer);
  for (let m = 0; m < maps; m++) {
    const item = strip.children[m] as HTMLElement;
    const n = m === 0 ? plan.input : plan.layers[m - 1]!.outSize;
    item.toggleAttribute('data-picked', m === layer);
    const canvas = item.querySelector('canvas')!;
    const p: Paint = m <= layer ? { counts: m === layer ? null : counts[m]!, n, unit: m === layer ? unit : undefined } : { counts: null, n, dim: true };
    sizeGrid(canvas, n, 84);
    paints?.push(() => paintGrid(canvas, p, 84));
  }
}

/** The strip's words in `lang`: each map's name and size, and each layer button's label. */
export function labelStrip(strip: HTMLElement, lang: Lang, plan: Plan, layer: number): void {
  for (let m = 0; m < strip.children.length; m++) {
    const item = strip.children[m] as HTMLElement;
    const n = m === 0 ? plan.input : plan.layers[m - 1]!.outSize;
    const name = m === 0 ? t(lang, 'receptiveField.stripInput') : t(lang, 'receptiveField.stripName', { n: m, kind: plan.layers[m - 1]!.kind, k: plan.layers[m - 1]!.k });
    item.querySelector('span')!.textContent = `${name} · ${n}×${n}`;
    if (m > 0) item.setAttribute('aria-label', t(lang, m === layer ? 'receptiveField.stripPickShown' : 'receptiveField.stripPick', { name, n: String(n) }));
  }
}

export function fillFormula(list: HTMLElement, lang: Lang, plan: Plan, steps: FieldStep[], upTo: number): void {
  list.replaceChildren(...plan.layers.slice(0, upTo).map((l, i) => {
    const li = document.createElement('li');
    const f = formulaText(plan, steps, i + 1);
    const key = l.s > 1 ? (l.d > 1 ? 'receptiveField.formulaWhatStrideDilation' : 'receptiveField.formulaWhatStride') : l.d > 1 ? 'receptiveField.formulaWhatDilation' : 'receptiveField.formulaWhat';
    li.innerHTML = `<span class="what"></span> ${sub(f.r)}; &nbsp;${sub(f.j)}`;
    li.querySelector('.what')!.textContent = t(lang, key, { kind: l.kind, k: l.k, s: l.s, d: l.d });
    return li;
  }));
}

export interface Paint { counts: Float64Array | null; n: number; span?: { rows: Span; cols: Span }; unit?: [number, number]; dim?: boolean }

/** Gives the canvas the size of an n×n grid near `target` px; a canvas already that size keeps its picture. */
export function sizeGrid(canvas: HTMLCanvasElement, n: number, target: number): number {
  const cell = Math.max(2, Math.floor(target / n));
  const side = cell * n;
  // Assigning a size clears the canvas even when it is unchanged: an edit's old picture stays until it is repainted.
  if (canvas.width !== side) canvas.width = side;
  if (canvas.height !== side) canvas.height = side;
  return cell;
}

let cells: HTMLCanvasElement | null = null;

/** A grid of n×n cells: path counts in blues (0 = none), the formula's square dashed, the chosen unit in orange. */
export function paintGrid(canvas: HTMLCanvasElement, p: Paint, target: number): void {
  const cell = sizeGrid(canvas, p.n, target);
  const side = cell * p.n;
  const ctx = canvas.getContext('2d')!;
  const background = p.dim ? '#e6e6e6' : '#f7f7f7';
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, side, side);
  let max = 0;
  if (p.counts) for (const c of p.counts) max = Math.max(max, c);
  if (p.counts && max > 0) {
    // One pixel per cell, then scaled up without smoothing: each cell exactly its square, in one draw (a fillRect
    // per cell cost ~1 µs each, 16,384 of them at 128×128).
    const image = new ImageData(p.n, p.n);
    const px = image.data;
    const bg = tableBytes(background.slice(1));
    const lut = (blues ??= tableBytes(BLUES_HEX));
    for (let i = 0; i < p.counts.length; i++) {
      const c = p.counts[i]!;
      px[i * 4 + 3] = 255;
      if (c === 0) { px[i * 4] = bg[0]!; px[i * 4 + 1] = bg[1]!; px[i * 4 + 2] = bg[2]!; continue; }
      // Counts shade from 0.3 (fewest paths) to 1 (most): the square root spreads the low counts apart.
      const at = Math.round((0.3 + 0.7 * Math.sqrt(c / max)) * 255) * 3;
      px[i * 4] = lut[at]!; px[i * 4 + 1] = lut[at + 1]!; px[i * 4 + 2] = lut[at + 2]!;
    }
    cells ??= document.createElement('canvas');
    cells.width = p.n; cells.height = p.n;
    cells.getContext('2d')!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, 0, 0, side, side);
  }
  if (cell >= 5) {
    ctx.strokeStyle = 'rgba(0,0,0,0.12)'; ctx.lineWidth = 1; ctx.beginPath();
    for (let k = 0; k <= p.n; k++) { ctx.moveTo(k * cell + 0.5, 0); ctx.lineTo(k * cell + 0.5, side); ctx.moveTo(0, k * cell + 0.5); ctx.lineTo(side, k * cell + 0.5); }
    ctx.stroke();
  }
  if (p.unit) {
    ctx.fillStyle = '#d55e00';
    ctx.fillRect(p.unit[1] * cell, p.unit[0] * cell, cell, cell);
  }
  if (p.span) {
    const { rows, cols } = p.span;
    ctx.setLineDash([Math.max(3, cell / 2), Math.max(2, cell / 3)]);
    ctx.strokeStyle = '#d55e00'; ctx.lineWidth = Math.max(2, Math.min(3, cell / 3));
    ctx.strokeRect(cols.first * cell + 1, rows.first * cell + 1, (cols.last - cols.first + 1) * cell - 2, (rows.last - rows.first + 1) * cell - 2);
    ctx.setLineDash([]);
  }
}
