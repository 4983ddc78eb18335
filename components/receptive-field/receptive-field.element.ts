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
import { fieldAlong, fieldSteps, type FieldStep, type Span } from '@lib/receptive-field/formula.ts';
import { dependencyCounts, maskBounds } from '@lib/receptive-field/mask.ts';
import { DEFAULT_PRESET, parseInputSize, parseLayerIndex, parsePreset, parseUnit, type RfAttr } from './rf-settings.ts';
import { editedText, fillFormula, fillStrip, fillTable, labelShell, labelStrip, paintGrid, sizeGrid, SHELL } from './rf-view.ts';
import { runSliced, type Sliced } from '@lib/schedule/slices.ts';
import { sentenceGap, saySentences, msg, type Msg } from '@lib/i18n/index.ts';
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
  /** The messages in force, said again when the language changes. */
  private errors: (string | Msg)[] = [];
  /** The field shown, kept so a change of language re-words it without recomputing. */
  private shown: Shown | null = null;
  /** Counts the fields drawn: a painting in slices stops when a newer one has begun. */
  private painting = 0;

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

  /**
   * The shell in three parts (FmElement draws a part per idle moment far down a chapter, all at once near the
   * viewport): the markup and its words; the controls' listeners; the field of the attributes' unit.
   */
  protected *render(): Sliced<void> {
    this.root.innerHTML = SHELL;
    labelShell(this.root, this.language);
    adoptStyles(this.root, css);
    yield;
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
    yield;
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
    const errors: (string | Msg)[] = [];
    const read = <T>(name: RfAttr, parse: (raw: string) => T): T | undefined => {
      const raw = this.getAttribute(name);
      if (raw === null) return undefined;
      try { return parse(raw); } catch (e) { if (!(e instanceof ParamError)) throw e; errors.push(e.said); return undefined; }
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
      if (!reader) errors.push(msg('receptiveField.layerBeyond', { layer: String(layer), last }));
      else this.removeAttribute('layer'); // the reader removed layers: the deepest one is shown, and the URL says so
      layer = last;
    }
    const n = sizeAt(plan, layer);
    const centre = Math.floor((n - 1) / 2);
    let unit = read('unit', parseUnit) ?? [centre, centre];
    if (unit[0] >= n || unit[1] >= n) {
      if (!reader) errors.push(msg('receptiveField.unitOutside', { row: String(unit[0] + 1), col: String(unit[1] + 1), layer, n: String(n) }));
      else this.removeAttribute('unit');
      unit = [centre, centre];
    }
    this.picked = { layer, unit };
    this.show(plan, layer, unit, report ? errors : null, performance.now() - t0);
  }

  /**
   * Draws the field of `unit`. `errors` null: the shell's drawing, with every box in place but the canvases left
   * blank (painting them is most of the cost, paid when the widget starts) and nothing reported. Otherwise the words
   * and sizes change at once and the canvases are painted one at a time, each in its own slice of the main thread;
   * the result is reported once all are painted. A newer update stops an older one's painting.
   */
  private show(plan: Plan, layer: number, unit: [number, number], errors: (string | Msg)[] | null, ms: number): void {
    const $ = <T extends HTMLElement>(role: string) => this.root.querySelector<T>(`[data-role="${role}"]`)!;
    const steps = fieldSteps(plan);
    const counts = dependencyCounts(plan, layer, unit);
    const fy = fieldAlong(plan, steps, layer, unit[0]), fx = fieldAlong(plan, steps, layer, unit[1]);
    const mask = maskBounds(counts[0]!, plan.input);
    const { r, j, start } = steps[layer]!;
    const n = plan.layers[layer - 1]!.outSize;
    const text = formatLayers(plan.layers);
    $<HTMLSelectElement>('preset').value = PRESETS.find((p) => p.layers === text && p.input === plan.input)?.name ?? '';
    $<HTMLInputElement>('input-size').value = String(plan.input);
    const paints: (() => void)[] = [];
    fillStrip($('strip'), this.language, plan, counts, layer, unit, paints);
    const span = { rows: fy.inImage, cols: fx.inImage };
    const input = $<HTMLCanvasElement>('input'), pickedCanvas = $<HTMLCanvasElement>('picked');
    sizeGrid(input, plan.input, 336);
    sizeGrid(pickedCanvas, n, 240);
    // The two large grids first: they are what the reader is looking at.
    paints.unshift(() => paintGrid(input, { counts: counts[0]!, n: plan.input, span }, 336), () => paintGrid(pickedCanvas, { counts: null, n, unit }, 240));
    pickedCanvas.setAttribute('aria-valuemax', String(n * n));
    pickedCanvas.setAttribute('aria-valuenow', String(unit[0] * n + unit[1] + 1));
    const clipped = fy.formula.first < 0 || fx.formula.first < 0 || fy.formula.last >= plan.input || fx.formula.last >= plan.input;
    this.shown = { plan, steps, layer, unit, span, cells: mask?.cells ?? 0, clipped };
    this.sayField();
    const painting = ++this.painting;
    if (errors === null) return;
    this.showErrors(errors);
    const result: ReceptiveFieldResult = {
      backend: 'reference', ms, layers: text, input: plan.input, sizes: plan.layers.map((x) => x.outSize), layer, unit, r, j, start,
      field: { rows: [span.rows.first, span.rows.last], cols: [span.cols.first, span.cols.last] },
      formulaField: { rows: [fy.formula.first, fy.formula.last], cols: [fx.formula.first, fx.formula.last] },
      mask: mask && { rows: mask.rows, cols: mask.cols, cells: mask.cells }, steps,
    };
    const current = () => painting === this.painting && this.isConnected;
    this.guard((async () => {
      await runSliced((function* () { for (const p of paints) { if (!current()) return; p(); yield; } })());
      if (current()) this.emitResult(result);
    })(), () => this.update(), () => !current());
  }

  /** The words of the field shown, in the element's language: layer list, table, formula, captions, summary. */
  private sayField(): void {
    if (!this.shown) return;
    const $ = <T extends HTMLElement>(role: string) => this.root.querySelector<T>(`[data-role="${role}"]`)!;
    const lang = this.language;
    const { plan, steps, layer, unit, span, cells, clipped } = this.shown;
    const { r, j } = steps[layer]!;
    const l = plan.layers[layer - 1]!;
    const n = String(l.outSize);
    const layerSelect = $<HTMLSelectElement>('layer');
    layerSelect.replaceChildren(...plan.layers.map((x, i) => new Option(this.t('receptiveField.layerOption', { n: i + 1, kind: x.kind, k: x.k, size: String(x.outSize) }), String(i + 1))));
    layerSelect.value = String(layer);
    fillTable($('rows'), lang, plan, steps);
    fillFormula($('formula'), lang, plan, steps, layer);
    labelStrip($('strip'), lang, plan, layer);
    // Counts and sizes as text: never grouped (1936 pixels, as the formula's numbers are written).
    const at = { r0: String(span.rows.first + 1), r1: String(span.rows.last + 1), c0: String(span.cols.first + 1), c1: String(span.cols.last + 1) };
    const boxArea = (span.rows.last - span.rows.first + 1) * (span.cols.last - span.cols.first + 1);
    const row = unit[0] + 1, col = unit[1] + 1;
    $('input-caption').textContent = this.t(clipped ? 'receptiveField.inputCaptionCut' : 'receptiveField.inputCaption', { size: String(plan.input), cells: String(cells), r: String(r), ...at });
    $('input').setAttribute('aria-label', $('input-caption').textContent!);
    $('picked-caption').textContent = this.t('receptiveField.pickedCaption', { layer, kind: l.kind, k: l.k, n, row, col });
    const pickedCanvas = $('picked');
    pickedCanvas.setAttribute('aria-label', this.t('receptiveField.pickerLabel', { layer, n }));
    pickedCanvas.setAttribute('aria-valuetext', this.t('receptiveField.pickerValue', { row, col, n, ...at }));
    const sentences = [this.t('receptiveField.summary', { row, col, layer, kind: l.kind, k: l.k, n, cells: String(cells), ...at, r: String(r), count: j })];
    if (clipped) sentences.push(this.t('receptiveField.summaryCut', { area: String(boxArea) }));
    if (cells < boxArea) sentences.push(this.t('receptiveField.summaryHoles', { cells: String(cells), area: String(boxArea) }));
    $('summary').textContent = sentences.join(sentenceGap(lang));
  }

  private showErrors(errors: (string | Msg)[]): void {
    const text = this.said(errors, 'en');
    if (text === this.shownError) return;
    this.shownError = text;
    this.errors = errors;
    if (text) this.emitError(this.said(errors));
    else this.clearMessage();
  }

  /** The messages in force, in `lang`, joined (Chinese sentences take no space between them). */
  private said(errors: (string | Msg)[], lang = this.language): string {
    return saySentences(lang, errors);
  }

  protected onLangChange(): void {
    labelShell(this.root, this.language);
    this.sayField();
    if (this.errors.length) this.showMessage(this.said(this.errors), 'error');
  }
}

type Shown = { plan: Plan; steps: FieldStep[]; layer: number; unit: [number, number]; span: { rows: Span; cols: Span }; cells: number; clipped: boolean };

define('fm-receptive-field', ReceptiveFieldElement);
declare global { interface HTMLElementTagNameMap { 'fm-receptive-field': ReceptiveFieldElement } }
