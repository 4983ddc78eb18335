/**
 * @summary `<fm-receptive-field>`: a real architecture's layer stack (editable window size, stride, dilation and
 * padding per layer); the reader picks a unit in a deep layer (click or arrow keys) and sees which input pixels
 * can affect it — found by walking a one-hot map down through every layer's taps (src/lib/receptive-field/mask.ts)
 * — beside the square the receptive-field formula predicts, with the formula's numbers written out.
 * Pure TypeScript: no tfjs, no engine. Contract: README.md beside this file.
 *
 * @attr preset small-cnn|vgg|resnet-stem|dilated · @attr layers "conv 3, pool 2, conv 3 s2 d2 valid" (overrides the preset's)
 * @attr input-size 4–128 (overrides the preset's) · @attr layer 1–L, the layer whose unit is picked (default: the last)
 * @attr unit "row,column" from 1 (default: the centre); reflected as the reader picks
 * @event fm-result `{ backend: 'reference', ms, layers, input, sizes, layer, unit, r, j, start, field, formulaField, mask, steps }`
 * @event fm-error `{ message }`; the widget keeps the last valid stack
 */
import { FmElement, define } from '@lib/widget/fm-element.ts';
import { ParamError } from '@lib/params/index.ts';
import { formatLayers, parseLayers, PRESETS, type Layer } from '@lib/receptive-field/layers.ts';
import { planLayers, sizeAt, type Plan } from '@lib/receptive-field/plan.ts';
import { fieldAlong, fieldSteps } from '@lib/receptive-field/formula.ts';
import { dependencyCounts, maskBounds } from '@lib/receptive-field/mask.ts';
import { DEFAULT_PRESET, parseInputSize, parseLayerIndex, parsePreset, parseUnit, type RfAttr } from './rf-settings.ts';
import { editedText, fillFormula, fillStrip, fillTable, paintGrid, SHELL } from './rf-view.ts';
import { arrowTarget, cellAt } from '@lib/charts/grid-cursor.ts';
import css from './receptive-field.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { ReceptiveFieldResult } from './result.ts';

type Good = { layers: Layer[]; input: number; plan: Plan };

export class ReceptiveFieldElement extends FmElement<ReceptiveFieldResult> {
  static observedAttributes = attributeNames(SPEC);
  private good: Good | null = null;
  private picked: { layer: number; unit: [number, number] } = { layer: 1, unit: [0, 0] };
  private running = false;
  private queued = false;
  /** Set by the reader's own edits: a layer or unit that no longer exists is then dropped without a message. */
  private reader = false;
  private shownError = '';

  get preset(): string { return this.getAttribute('preset') ?? DEFAULT_PRESET.name; }
  set preset(v: string) { this.setAttribute('preset', v); }
  /** The stack in force, as text. */
  get layers(): string { return this.good ? formatLayers(this.good.layers) : DEFAULT_PRESET.layers; }
  set layers(v: string) { this.setAttribute('layers', v); }
  get inputSize(): number { return this.good?.input ?? DEFAULT_PRESET.input; }
  set inputSize(v: number) { this.setAttribute('input-size', String(v)); }
  /** The picked layer, from 1. */
  get layer(): number { return this.picked.layer; }
  set layer(v: number) { this.setAttribute('layer', String(v)); }
  /** The picked unit, 0-based [row, col]. */
  get unit(): [number, number] { return [...this.picked.unit]; }
  set unit(v: [number, number]) { this.setAttribute('unit', `${v[0] + 1},${v[1] + 1}`); }

  attributeChangedCallback(): void {
    if (!this.running || this.queued) return;
    this.queued = true;
    queueMicrotask(() => { this.queued = false; this.update(); });
  }

  protected render(): void {
    this.root.innerHTML = SHELL;
    adoptStyles(this.root, css);
    const $ = <T extends HTMLElement>(role: string) => this.root.querySelector<T>(`[data-role="${role}"]`)!;
    const edit = (fn: () => void) => { this.reader = true; fn(); };
    $<HTMLSelectElement>('preset').addEventListener('change', (e) => {
      const v = (e.target as HTMLSelectElement).value;
      if (v) edit(() => { for (const a of ['layers', 'input-size', 'layer', 'unit']) this.removeAttribute(a); this.setAttribute('preset', v); });
    });
    $<HTMLInputElement>('input-size').addEventListener('change', (e) => edit(() => this.setAttribute('input-size', (e.target as HTMLInputElement).value)));
    $<HTMLSelectElement>('layer').addEventListener('change', (e) => edit(() => this.pickLayer(Number((e.target as HTMLSelectElement).value))));
    $('rows').addEventListener('change', (e) => {
      const c = e.target as HTMLInputElement | HTMLSelectElement;
      const i = Number(c.closest<HTMLElement>('tr')!.dataset.index);
      if (!this.good) return;
      const text = editedText(this.good.layers, i, c.dataset.field!, c.value);
      // A good edit is written back in its short form; a bad one as typed, so the parser names what is wrong.
      let tidy = text;
      try { tidy = formatLayers(parseLayers(text)); } catch { /* the update shows the parser's message */ }
      edit(() => this.setAttribute('layers', tidy));
    });
    this.root.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLElement>('button');
      if (!b || !this.good) return;
      const layers = this.good.layers;
      const act = b.dataset.act;
      if (act === 'remove') edit(() => this.setAttribute('layers', formatLayers(layers.filter((_, i) => i !== Number(b.closest<HTMLElement>('tr')!.dataset.index)))));
      else if (act === 'add-conv' || act === 'add-pool') edit(() => this.setAttribute('layers', `${formatLayers(layers)}, ${act === 'add-conv' ? 'conv 3' : 'pool 2'}`));
      else if (b.dataset.layer) edit(() => this.pickLayer(Number(b.dataset.layer)));
    });
    const picked = $<HTMLCanvasElement>('picked');
    picked.addEventListener('click', (e) => {
      const n = this.good ? sizeAt(this.good.plan, this.picked.layer) : 1;
      const r = picked.getBoundingClientRect();
      edit(() => this.pickUnit(...cellAt(e.clientX - r.left, e.clientY - r.top, r.width, r.height, n, n)));
    });
    picked.addEventListener('keydown', (e) => {
      const to = arrowTarget(e.key, this.picked.unit, this.good ? sizeAt(this.good.plan, this.picked.layer) : 1);
      if (!to) return;
      e.preventDefault();
      edit(() => this.pickUnit(...to));
    });
    // The field of the attributes' unit is drawn with the shell (pure and cheap), so the table, grids, strip and
    // formula already hold their final places when the page first paints; start() reports it.
    this.update(false);
  }

  protected async start(): Promise<void> {
    this.running = true;
    this.update();
  }

  protected teardown(): void {
    this.running = false;
  }

  private pickLayer(layer: number): void {
    this.removeAttribute('unit');
    this.setAttribute('layer', String(layer));
  }

  private pickUnit(r: number, c: number): void {
    const n = this.good ? sizeAt(this.good.plan, this.picked.layer) : 1;
    this.unit = [Math.max(0, Math.min(n - 1, r)), Math.max(0, Math.min(n - 1, c))];
  }

  /**
   * Reads every attribute (the last good stack stays when one fails), recomputes the field and redraws. `report`
   * false (the shell's drawing): no message or event yet; start() reports.
   */
  private update(report = true): void {
    const t0 = performance.now();
    const reader = this.reader;
    this.reader = false;
    const errors: string[] = [];
    const read = <T>(name: RfAttr, parse: (raw: string) => T): T | undefined => {
      const raw = this.getAttribute(name);
      if (raw === null) return undefined;
      try { return parse(raw); } catch (e) { if (!(e instanceof ParamError)) throw e; errors.push(e.message); return undefined; }
    };
    const preset = read('preset', parsePreset) ?? (this.hasAttribute('preset') && this.good ? null : DEFAULT_PRESET);
    const layers = read('layers', parseLayers) ?? (preset && !this.hasAttribute('layers') ? parseLayers(preset.layers) : this.good?.layers ?? parseLayers(DEFAULT_PRESET.layers));
    const input = read('input-size', parseInputSize) ?? (preset && !this.hasAttribute('input-size') ? preset.input : this.good?.input ?? DEFAULT_PRESET.input);
    const planned = planLayers(layers, input);
    if ('error' in planned) errors.push(planned.error);
    else this.good = { layers, input, plan: planned };
    const good = this.good ?? { layers: parseLayers(DEFAULT_PRESET.layers), input: DEFAULT_PRESET.input, plan: planLayers(parseLayers(DEFAULT_PRESET.layers), DEFAULT_PRESET.input) as Plan };
    this.good = good;
    const { plan } = good;
    const last = plan.layers.length;
    let layer = read('layer', parseLayerIndex) ?? last;
    if (layer > last) {
      if (!reader) errors.push(`layer ${layer} is beyond the ${last} layers of this stack; showing layer ${last}.`);
      else this.removeAttribute('layer'); // the reader removed layers: the deepest one is shown, and the URL says so
      layer = last;
    }
    const n = sizeAt(plan, layer);
    const centre = Math.floor((n - 1) / 2);
    let unit = read('unit', parseUnit) ?? [centre, centre];
    if (unit[0] >= n || unit[1] >= n) {
      if (!reader) errors.push(`unit ${unit[0] + 1},${unit[1] + 1} is outside layer ${layer}'s ${n}×${n} map (rows and columns 1–${n}); showing the centre unit.`);
      else this.removeAttribute('unit');
      unit = [centre, centre];
    }
    this.picked = { layer, unit };
    this.show(plan, layer, unit, report ? errors.join(' ') : null, performance.now() - t0);
  }

  /**
   * Draws the field of `unit`. `error` null: the shell's drawing, with every box in place but the canvases left
   * blank (painting them is most of the cost, paid when the widget starts) and nothing reported.
   */
  private show(plan: Plan, layer: number, unit: [number, number], error: string | null, ms: number): void {
    const $ = <T extends HTMLElement>(role: string) => this.root.querySelector<T>(`[data-role="${role}"]`)!;
    const steps = fieldSteps(plan);
    const counts = dependencyCounts(plan, layer, unit);
    const fy = fieldAlong(plan, steps, layer, unit[0]), fx = fieldAlong(plan, steps, layer, unit[1]);
    const mask = maskBounds(counts[0]!, plan.input);
    const { r, j, start } = steps[layer]!;
    const l = plan.layers[layer - 1]!;
    const n = l.outSize;
    const text = formatLayers(plan.layers);
    $<HTMLSelectElement>('preset').value = PRESETS.find((p) => p.layers === text && p.input === plan.input)?.name ?? '';
    $<HTMLInputElement>('input-size').value = String(plan.input);
    const layerSelect = $<HTMLSelectElement>('layer');
    layerSelect.replaceChildren(...plan.layers.map((x, i) => new Option(`layer ${i + 1}: ${x.kind} ${x.k} (${x.outSize}×${x.outSize})`, String(i + 1))));
    layerSelect.value = String(layer);
    fillTable($('rows'), plan, steps);
    fillFormula($('formula'), plan, steps, layer);
    const paint = error !== null;
    fillStrip($('strip'), plan, counts, layer, unit, paint);
    const span = { rows: fy.inImage, cols: fx.inImage };
    paintGrid($('input'), { counts: counts[0]!, n: plan.input, span }, 336, paint);
    paintGrid($('picked'), { counts: null, n, unit }, 240, paint);
    const rows = `rows ${span.rows.first + 1}–${span.rows.last + 1}`, cols = `columns ${span.cols.first + 1}–${span.cols.last + 1}`;
    const cells = mask?.cells ?? 0;
    const boxArea = (span.rows.last - span.rows.first + 1) * (span.cols.last - span.cols.first + 1);
    const clipped = fy.formula.first < 0 || fx.formula.first < 0 || fy.formula.last >= plan.input || fx.formula.last >= plan.input;
    const where = `Unit row ${unit[0] + 1}, column ${unit[1] + 1} of layer ${layer} (${l.kind} ${l.k}, ${n}×${n})`;
    $('input-caption').textContent = `Input, ${plan.input}×${plan.input}. Shaded: the ${cells} pixels that can affect the chosen unit (darker: more paths). Dashed: the formula's ${r}×${r} square${clipped ? ', cut off at the image edge' : ''}, ${rows}, ${cols}.`;
    $('input').setAttribute('aria-label', $('input-caption').textContent!);
    $('picked-caption').textContent = `Layer ${layer}, ${l.kind} ${l.k}: a ${n}×${n} map; the chosen unit is row ${unit[0] + 1}, column ${unit[1] + 1}. Click another, or use the arrow keys.`;
    const pickedCanvas = $('picked');
    pickedCanvas.setAttribute('aria-label', `Unit picker for layer ${layer}, ${n}×${n}`);
    pickedCanvas.setAttribute('aria-valuemax', String(n * n));
    pickedCanvas.setAttribute('aria-valuenow', String(unit[0] * n + unit[1] + 1));
    pickedCanvas.setAttribute('aria-valuetext', `row ${unit[0] + 1}, column ${unit[1] + 1} of ${n}×${n}: field ${rows}, ${cols}`);
    $('summary').textContent = `${where} can be affected by ${cells} input pixels, ${rows} and ${cols}. The formula gives r${layer} = ${r}: a ${r}×${r} square, with neighbouring units ${j} pixel${j === 1 ? '' : 's'} apart.` +
      (clipped ? ` Part of the square lies in the padding beyond the image, so only ${boxArea} of its pixels are real.` : '') +
      (cells < boxArea ? ` Only ${cells} of the ${boxArea} pixels inside it can reach the unit: dilation leaves holes.` : '');
    if (error === null) return;
    if (error !== this.shownError) { this.shownError = error; if (error) this.emitError(error); else this.clearMessage(); }
    this.emitResult({
      backend: 'reference', ms, layers: text, input: plan.input, sizes: plan.layers.map((x) => x.outSize), layer, unit, r, j, start,
      field: { rows: [span.rows.first, span.rows.last], cols: [span.cols.first, span.cols.last] },
      formulaField: { rows: [fy.formula.first, fy.formula.last], cols: [fx.formula.first, fx.formula.last] },
      mask: mask && { rows: mask.rows, cols: mask.cols, cells: mask.cells }, steps,
    });
  }
}

define('fm-receptive-field', ReceptiveFieldElement);
declare global { interface HTMLElementTagNameMap { 'fm-receptive-field': ReceptiveFieldElement } }
