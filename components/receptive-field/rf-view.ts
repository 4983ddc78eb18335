/**
 * `<fm-receptive-field>`'s view: the shell, the editable layer table (updated in place so a control keeps the
 * keyboard focus while the reader steps it), the grids painted from the oracle's path counts, and the formula
 * written out with each layer's numbers. No arithmetic beyond layout: the numbers come from src/lib/receptive-field.
 */
import { interpolateBlues } from 'd3-scale-chromatic';
import { formatLayer, LIMITS, PRESETS, type Layer } from '@lib/receptive-field/layers.ts';
import type { Plan } from '@lib/receptive-field/plan.ts';
import { formulaText, type FieldStep, type Span } from '@lib/receptive-field/formula.ts';

const opts = (pairs: [string, string][]) => pairs.map(([v, t]) => `<option value="${v}">${t}</option>`).join('');
const sub = (s: string) => s.replace(/([rjkds])(\d+)/g, '$1<sub>$2</sub>');

export const SHELL = `
<div class="controls">
  <label>Architecture <select data-role="preset">${opts([...PRESETS.map((p): [string, string] => [p.name, p.title]), ['', 'Custom (edited below)']])}</select></label>
  <label>Input size <input type="number" data-role="input-size" min="${LIMITS.input[0]}" max="${LIMITS.input[1]}" step="1"></label>
  <label>Pick a unit in <select data-role="layer"></select></label>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="table-wrap"><table class="layers">
  <caption>The layers, input first. Edit a window size, stride, dilation or padding and everything below updates.</caption>
  <thead><tr><th scope="col">#</th><th scope="col">Layer</th><th scope="col">Window k</th><th scope="col">Stride s</th><th scope="col">Dilation d</th><th scope="col">Padding</th><th scope="col">Output</th><th scope="col">Field r</th><th scope="col">Jump j</th><th scope="col"><span class="sr">Remove</span></th></tr></thead>
  <tbody data-role="rows"></tbody>
</table></div>
<p class="tools"><button type="button" data-act="add-conv">Add conv 3</button> <button type="button" data-act="add-pool">Add pool 2</button></p>
<div class="views">
  <figure><canvas data-role="input" role="img" aria-label="The input and the unit's receptive field: not computed yet"></canvas><figcaption data-role="input-caption"></figcaption></figure>
  <figure><canvas data-role="picked" tabindex="0" role="slider" aria-label="Unit picker: not computed yet" aria-valuemin="1" aria-valuemax="1" aria-valuenow="1" aria-valuetext="not computed yet"></canvas><figcaption data-role="picked-caption"></figcaption></figure>
</div>
<p class="legend"><span class="swatch few"></span> few paths <span class="swatch many"></span> many paths to the unit · <span class="swatch span"></span> the formula's r×r square · <span class="swatch unit"></span> the chosen unit</p>
<div class="strip" data-role="strip" role="group" aria-label="Every layer, input first: the cells that can affect the chosen unit"></div>
<div class="formula">
  <p class="general"><math display="inline"><msub><mi>r</mi><mi>l</mi></msub><mo>=</mo><msub><mi>r</mi><mrow><mi>l</mi><mo>−</mo><mn>1</mn></mrow></msub><mo>+</mo><mo>(</mo><msub><mi>k</mi><mi>l</mi></msub><mo>−</mo><mn>1</mn><mo>)</mo><mo>·</mo><msub><mi>d</mi><mi>l</mi></msub><mo>·</mo><msub><mi>j</mi><mrow><mi>l</mi><mo>−</mo><mn>1</mn></mrow></msub></math>, <math display="inline"><msub><mi>j</mi><mi>l</mi></msub><mo>=</mo><msub><mi>j</mi><mrow><mi>l</mi><mo>−</mo><mn>1</mn></mrow></msub><mo>·</mo><msub><mi>s</mi><mi>l</mi></msub></math>, starting from r<sub>0</sub> = j<sub>0</sub> = 1:</p>
  <ol data-role="formula"></ol>
</div>
<p data-role="summary" class="summary" aria-live="polite">Waiting…</p>`;

/** Builds (when the count changed) and fills the layer table; returns nothing, reads nothing. */
export function fillTable(body: HTMLElement, plan: Plan, steps: FieldStep[]): void {
  if (body.children.length !== plan.layers.length) {
    body.replaceChildren(...plan.layers.map((_, i) => {
      const tr = document.createElement('tr');
      const n = `layer ${i + 1}`;
      tr.innerHTML = `<th scope="row">${i + 1}</th>
        <td><select data-field="kind" aria-label="${n}: type">${opts([['conv', 'conv'], ['pool', 'pool']])}</select></td>
        <td><input type="number" data-field="k" min="1" max="${LIMITS.k}" aria-label="${n}: window size k"></td>
        <td><input type="number" data-field="s" min="1" max="${LIMITS.s}" aria-label="${n}: stride s"></td>
        <td><input type="number" data-field="d" min="1" max="${LIMITS.d}" aria-label="${n}: dilation d"></td>
        <td><select data-field="padding" aria-label="${n}: padding">${opts([['same', 'same'], ['valid', 'valid']])}</select></td>
        <td data-cell="out"></td><td data-cell="r"></td><td data-cell="j"></td>
        <td><button type="button" data-act="remove" aria-label="Remove ${n}">✕</button></td>`;
      tr.dataset.index = String(i);
      return tr;
    }));
  }
  plan.layers.forEach((l, i) => {
    const tr = body.children[i] as HTMLElement;
    for (const f of ['kind', 'k', 's', 'd', 'padding'] as const) {
      const c = tr.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${f}"]`)!;
      if (c.value !== String(l[f])) c.value = String(l[f]);
    }
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
export function fillStrip(strip: HTMLElement, plan: Plan, counts: Float64Array[], layer: number, unit: [number, number], paint = true): void {
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
  for (let m = 0; m < maps; m++) {
    const item = strip.children[m] as HTMLElement;
    const n = m === 0 ? plan.input : plan.layers[m - 1]!.outSize;
    const name = m === 0 ? 'input' : `${m}: ${plan.layers[m - 1]!.kind} ${plan.layers[m - 1]!.k}`;
    item.querySelector('span')!.textContent = `${name} · ${n}×${n}`;
    item.toggleAttribute('data-picked', m === layer);
    if (m > 0) item.setAttribute('aria-label', `Pick a unit in layer ${name}, ${n}×${n}${m === layer ? ' (shown)' : ''}`);
    paintGrid(item.querySelector('canvas')!, m <= layer ? { counts: m === layer ? null : counts[m]!, n, unit: m === layer ? unit : undefined } : { counts: null, n, dim: true }, 84, paint);
  }
}

export function fillFormula(list: HTMLElement, plan: Plan, steps: FieldStep[], upTo: number): void {
  list.replaceChildren(...plan.layers.slice(0, upTo).map((l, i) => {
    const li = document.createElement('li');
    const t = formulaText(plan, steps, i + 1);
    li.innerHTML = `<span class="what">${l.kind} ${l.k}${l.s > 1 ? `, stride ${l.s}` : ''}${l.d > 1 ? `, dilation ${l.d}` : ''}:</span> ${sub(t.r)}; &nbsp;${sub(t.j)}`;
    return li;
  }));
}

export interface Paint { counts: Float64Array | null; n: number; span?: { rows: Span; cols: Span }; unit?: [number, number]; dim?: boolean }

/**
 * A grid of n×n cells: path counts in blues (0 = none), the formula's square dashed, the chosen unit in orange.
 * `paint` false only sizes the canvas (its layout box), leaving it blank.
 */
export function paintGrid(canvas: HTMLCanvasElement, p: Paint, target: number, paint = true): void {
  const cell = Math.max(2, Math.floor(target / p.n));
  const side = cell * p.n;
  canvas.width = side; canvas.height = side;
  if (!paint) return;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = p.dim ? '#e6e6e6' : '#f7f7f7';
  ctx.fillRect(0, 0, side, side);
  let max = 0;
  if (p.counts) for (const c of p.counts) max = Math.max(max, c);
  if (p.counts && max > 0)
    for (let i = 0; i < p.counts.length; i++) {
      const c = p.counts[i]!;
      if (c === 0) continue;
      ctx.fillStyle = interpolateBlues(0.3 + 0.7 * Math.sqrt(c / max));
      ctx.fillRect((i % p.n) * cell, Math.floor(i / p.n) * cell, cell, cell);
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
