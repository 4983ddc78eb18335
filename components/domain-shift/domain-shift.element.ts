/**
 * @summary `<fm-domain-shift>`: the shipped digits model (digits04-cnn, digits 0–4) on shifted test digits —
 * inverted, rotated, noisy, thickened or shifted — its accuracy drop, and two adaptations: AdaBN (BatchNorm
 * statistics re-estimated on unlabelled shifted images) and fine-tuning the dense layers (hidden, logits) on a few labelled ones; with a
 * 2-D PCA of the hidden layer's features of clean vs shifted digits before and after. Contract: README.md.
 *
 * @attr shift inverted|rotated|noisy|thickened|shifted · @attr strength its amount (range depends on the shift)
 * @attr seed 1–999999 · @attr images unlabelled target images, 10–1000 · @attr labels labelled per digit, 0–20 (0: no fine-tuning)
 * @attr after adabn|finetuned — which adapted features the second PCA panel shows
 * @event fm-result `{ backend, ms, shift, strength, seed, images, labels, source, before, adabn, finetuned, gaps, fallbackReason }`
 * @event fm-error `{ message }`; the widget keeps the last valid set-up
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { define } from '@lib/widget/fm-element.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import type { EngineScope } from '@lib/engine/scope.ts';
import { parseKeyword } from '@lib/params/index.ts';
import { AttributeSettings, bindControls } from '@lib/widget/attribute-settings.ts';
import { SHIFTS, STRENGTH, applyShift, describeShift } from '@lib/shift/transforms.ts';
import type { Clean, ShiftData, ShiftOutcome, ShiftSettings } from '@lib/shift/run.ts';
import type { Trainer } from '@lib/train/index.ts';
import type { FeatureRows } from '@lib/transfer/layer-features.ts';
import { SHIFT_ATTRS, SHIFT_DEFAULTS, SHIFT_PARSE, LIMITS, checkLabels, resolveStrength, type ShiftAttr, type ShiftAttrs } from '@lib/shift/settings.ts';
import { summaryText, type Gaps } from './shift-summary.ts';
import css from './domain-shift.css?inline';

type Heavy = { engine: Engine; model: LayersModel; data: ShiftData; run: typeof import('@lib/shift/run.ts'); view: typeof import('./shift-view.ts'); panels: typeof import('@lib/shift/panels.ts'); clean: Clean | null;
  openModel: (engine: Engine) => Promise<LayersModel> };
const AFTER = ['adabn', 'finetuned'] as const;
const EXAMPLES = 8;
const num = (attr: string, label: string, [min, max]: readonly [number, number]) =>
  `<label>${label} <input type="number" data-attr="${attr}" min="${min}" max="${max}" step="1"></label>`;

const SHELL = `
<div class="controls">
  <label>Shift <select data-attr="shift">${SHIFTS.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>
  <span class="group" role="group" aria-labelledby="strength-label"><span id="strength-label">Strength</span> <input type="range" data-attr="strength" data-role="strength-range"> <input type="number" data-attr="strength" data-role="strength-number"></span>
  ${num('images', 'Unlabelled target images', LIMITS.images)} ${num('labels', 'Labelled per digit', LIMITS.labels)} ${num('seed', 'Seed', LIMITS.seed)}
</div>
<p data-role="message" role="alert" hidden></p>
<div class="examples"><canvas data-role="clean" role="img" aria-label="Clean test digits"></canvas><span>clean</span>
  <canvas data-role="shifted" role="img" aria-label="The same digits shifted"></canvas><span data-role="shifted-label">shifted</span></div>
<div class="bars" data-role="bars"></div>
<div class="progress" data-role="progress-row" hidden><progress data-role="progress" max="1" value="0" aria-label="Fine-tuning progress"></progress>
  <span data-role="progress-text"></span> <button type="button" data-role="stop">Stop fine-tuning</button></div>
<fieldset class="after"><legend>Second panel shows the features after</legend>
  <label><input type="radio" name="after" value="adabn"> AdaBN</label> <label><input type="radio" name="after" value="finetuned"> fine-tuning</label></fieldset>
<div class="pca"><div data-role="pca-before"></div><div data-role="pca-after"></div></div>
<div class="legend" data-role="legend"></div>
<p data-role="summary" class="summary" aria-live="polite">Waiting to compute…</p>
<p class="engine"><span data-role="timing"></span> <fm-device-badge></fm-device-badge></p>`;

export class DomainShiftElement extends EngineElement<Heavy> {
  static observedAttributes = [...SHIFT_ATTRS, 'after'];
  /** The attributes as read (strength still as text), and every message shown: the widget's own checks included. */
  private attrs = new AttributeSettings<ShiftAttrs, ShiftAttr>(SHIFT_DEFAULTS, SHIFT_PARSE);
  private s: ShiftSettings = { ...SHIFT_DEFAULTS, strength: STRENGTH[SHIFT_DEFAULTS.shift].default };
  private afterPanel: (typeof AFTER)[number] = 'adabn';
  private last: ShiftOutcome | null = null;
  private trainer: Trainer | null = null;

  get shift(): string { return this.s.shift; }
  set shift(v: string) { this.setAttribute('shift', v); }
  get strength(): number { return this.s.strength; }
  set strength(v: number) { this.setAttribute('strength', String(v)); }
  get seed(): number { return this.s.seed; }
  set seed(v: number) { this.setAttribute('seed', String(v)); }
  get images(): number { return this.s.images; }
  set images(v: number) { this.setAttribute('images', String(v)); }
  get labels(): number { return this.s.labels; }
  set labels(v: number) { this.setAttribute('labels', String(v)); }
  /** The last finished run: evaluations, BatchNorm statistics written by AdaBN, hidden-layer features. */
  async getOutcome(): Promise<ShiftOutcome> { await this.ready; return this.last!; }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.root.firstChild) return;
    if (name === 'after') { this.readAfter(value); this.drawPca(); return; }
    this.apply(name as ShiftAttr, value);
    this.trainer?.cancel();
    this.schedule();
  }

  protected render(): void {
    this.root.innerHTML = `<style>${css}</style>${SHELL}`;
    bindControls(this.root, (name, value) => {
      // A new shift starts at its own default strength (another shift's strength means something else).
      if (name === 'shift') this.removeAttribute('strength');
      this.setAttribute(name, value);
    });
    for (const r of this.root.querySelectorAll<HTMLInputElement>('input[name="after"]')) r.addEventListener('change', () => this.setAttribute('after', r.value));
    this.root.querySelector('[data-role="stop"]')!.addEventListener('click', () => this.trainer?.cancel());
    for (const n of SHIFT_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n));
    this.readAfter(this.getAttribute('after'));
    this.sync();
  }

  private readAfter(raw: string | null): void {
    try { this.afterPanel = raw === null ? 'adabn' : parseKeyword('after', raw, AFTER); this.attrs.setMessage('after', null); } catch (e) { this.attrs.setMessage('after', (e as Error).message); }
    this.showErrors();
    for (const r of this.root.querySelectorAll<HTMLInputElement>('input[name="after"]')) r.checked = r.value === this.afterPanel;
  }

  private apply(name: ShiftAttr, value: string | null): void {
    this.attrs.apply(name, value);
    const raw = this.attrs.values;
    const prev = this.s;
    const next: ShiftSettings = { ...prev, shift: raw.shift, seed: raw.seed, images: raw.images, labels: raw.labels };
    // Range checks that depend on two attributes: keyed apart from the attributes' own parse errors.
    this.attrs.setMessage('strength-range', null);
    this.attrs.setMessage('labels-range', null);
    try { next.strength = resolveStrength(next.shift, raw.strength); } catch (e) {
      this.attrs.setMessage('strength-range', (e as Error).message);
      next.strength = next.shift === prev.shift ? prev.strength : STRENGTH[next.shift].default;
    }
    try { checkLabels(next.labels, next.images, 5); } catch (e) {
      this.attrs.setMessage('labels-range', (e as Error).message);
      next.labels = Math.floor(next.images / 5);
    }
    this.s = next;
    this.showErrors();
    this.sync();
  }

  private showErrors(): void {
    const text = this.attrs.message;
    if (text) this.emitError(text); else this.clearMessage();
  }

  private sync(): void {
    const spec = STRENGTH[this.s.shift];
    // The range first: a range input clamps the value to the bounds it has when the value is written.
    for (const c of this.root.querySelectorAll('[data-attr="strength"]')) Object.assign(c, { min: String(spec.min), max: String(spec.max), step: String(spec.step) });
    this.attrs.syncControls(this.root, this.s);
    const label = `Strength: ${spec.label}`;
    this.$('strength-range').setAttribute('aria-label', label);
    this.$('strength-number').setAttribute('aria-label', `${label} (number)`);
    this.$('strength-range').title = label;
  }

  private $<T extends HTMLElement = HTMLElement>(role: string): T {
    return this.root.querySelector<T>(`[data-role="${role}"]`)!;
  }

  protected async load(): Promise<Heavy> {
    const [engine, run, view, panels, shipped, assets, dataLib, picks] = await Promise.all([
      getEngine(), import('@lib/shift/run.ts'), import('./shift-view.ts'), import('@lib/shift/panels.ts'),
      import('@lib/models/shipped.ts'), import('@lib/widget/assets.ts'), import('@lib/data/index.ts'), import('@lib/transfer/picks.ts'),
    ]);
    const load = (split: string, perClass?: number) => dataLib.loadSlice({ base: assets.DATA_BASE, dataset: 'digits', split, perClass });
    const [testAll, trainAll] = await Promise.all([load('test'), load('train', LIMITS.images[1] / 5)]);
    const c04 = [0, 1, 2, 3, 4];
    const data: ShiftData = { test: picks.subset(testAll, picks.firstOfClasses(testAll, c04, 5 * run.TEST_PER_CLASS)), pool: picks.subset(trainAll, picks.firstOfClasses(trainAll, c04)), classes: 5 };
    const openModel = (e: Engine) => shipped.loadShippedModel(e.tf, 'digits04-cnn', assets.MODELS_BASE);
    return { engine, model: null as unknown as LayersModel, data, run, view, panels, clean: null, openModel };
  }

  /** The model lives on one backend (AdaBN and fine-tuning change it in place): a fresh one per scope, and the clean pass redone. */
  protected async acquire(heavy: Heavy, scope: EngineScope): Promise<void> {
    heavy.model = this.own(scope, await heavy.openModel(scope.engine));
    heavy.clean = null;
  }

  protected onScopeLost(): void {
    this.trainer?.cancel();
    this.trainer = null;
  }

  protected async compute(): Promise<void> {
    const gen = ++this.gen;
    const heavy = this.heavy;
    if (!heavy) return;
    const s = { ...this.s };
    const { tf } = heavy.engine;
    const t0 = performance.now();
    this.setStatus('running');
    this.last = null;
    this.paintExamples(heavy, s);
    this.$('summary').textContent = `Evaluating the model on ${heavy.data.test.count} ${describeShift(s.shift, s.strength)} test digits and re-estimating BatchNorm on ${s.images} unlabelled ones…`;
    try {
      const clean = heavy.clean ??= await heavy.run.cleanPass(tf, heavy.model, heavy.data);
      if (gen !== this.gen) return;
      const outcome = await heavy.run.runShift(tf, heavy.model, heavy.data, clean, s, {
        onPartial: (o) => { if (gen === this.gen) this.show(heavy, s, o, true); },
        onProgress: (p) => { if (gen === this.gen) this.progress(p.step, p.totalSteps, p.loss); },
        onTrainer: (t) => { if (gen === this.gen) this.trainer = t; else t.cancel(); },
      });
      if (gen !== this.gen) return;
      this.trainer = null;
      this.last = outcome;
      const gaps = this.show(heavy, s, outcome, false);
      const ms = performance.now() - t0;
      this.$('timing').textContent = `Computed in ${(ms / 1000).toFixed(1)} s.`;
      this.emitResult({ backend: heavy.engine.backend, ms, ...s, source: clean.pass.evaluation.accuracy, before: outcome.before.evaluation.accuracy,
        adabn: outcome.adabn.evaluation.accuracy, finetuned: outcome.finetuned?.shifted.evaluation.accuracy ?? null,
        finetunedClean: outcome.finetuned?.clean.evaluation.accuracy ?? null, finetuneSteps: outcome.finetuneSteps, gaps, fallbackReason: heavy.engine.fallbackReason ?? null });
    } catch (err) {
      if (gen === this.gen) { this.setStatus('error'); this.emitError(`The experiment could not run: ${(err as Error).message}`); }
    } finally {
      if (gen === this.gen) this.$('progress-row').hidden = true;
    }
  }

  private paintExamples(heavy: Heavy, s: ShiftSettings): void {
    const clean = heavy.data.test.images.subarray(0, EXAMPLES * 784);
    heavy.view.paintDigits(this.$('clean'), clean, EXAMPLES);
    heavy.view.paintDigits(this.$('shifted'), applyShift(clean, EXAMPLES, s.shift, s.strength, s.seed), EXAMPLES);
    const words = describeShift(s.shift, s.strength);
    this.$('shifted-label').textContent = words;
    this.$('shifted').setAttribute('aria-label', `The same ${EXAMPLES} test digits ${words}, as the model receives them`);
    this.$('clean').setAttribute('aria-label', `${EXAMPLES} clean test digits (white ink on black, as the model receives them)`);
  }

  private progress(step: number, total: number, loss: number): void {
    this.$('progress-row').hidden = false;
    Object.assign(this.$<HTMLProgressElement>('progress'), { value: step / total });
    this.$('progress-text').textContent = `Fine-tuning hidden and logits: step ${step} of ${total}, loss ${loss.toFixed(3)}`;
  }

  /** Draws bars, PCA and the summary; `partial`: fine-tuning still running. Returns the domain gaps. */
  private show(heavy: Heavy, s: ShiftSettings, o: ShiftOutcome, partial: boolean): Gaps {
    this.last = o;
    const clean = heavy.clean!;
    const acc = (p: { evaluation: { accuracy: number } } | undefined) => p?.evaluation.accuracy ?? null;
    heavy.view.drawBars(this.$('bars'), [
      { label: 'clean digits (source)', value: acc(clean.pass), kind: 'source' },
      { label: `${s.shift}, no adaptation`, value: acc(o.before), kind: 'target' },
      { label: `${s.shift}, AdaBN`, value: acc(o.adabn), kind: 'adapted' },
      ...(s.labels > 0 ? [{ label: `${s.shift}, fine-tuned`, value: partial ? null : acc(o.finetuned?.shifted), kind: 'adapted' as const }] : []),
    ], 1 / heavy.data.classes);
    const gaps = this.drawPca();
    this.$('summary').textContent = summaryText(s, clean.pass, o, gaps, partial);
    return gaps;
  }

  private drawPca(): Gaps {
    const heavy = this.heavy, o = this.last;
    if (!heavy?.clean || !o) return { before: NaN, adabn: NaN, finetuned: null };
    const labels = heavy.data.test.labels;
    const panel = (a: FeatureRows, b: FeatureRows) => heavy.panels.pcaPanel(a.data, b.data, a.count, a.dim, labels);
    const source = heavy.clean.pass.hidden;
    const before = panel(source, o.before.hidden);
    const a = panel(source, o.adabn.hidden);
    const f = o.finetuned ? panel(o.finetuned.clean.hidden, o.finetuned.shifted.hidden) : null;
    const shown = this.afterPanel === 'finetuned' && f ? f : a;
    heavy.view.drawScatter(this.$('pca-before'), before.points, `Before adaptation · gap ${before.gap.toFixed(2)}`, before.explained);
    heavy.view.drawScatter(this.$('pca-after'), shown.points, `${shown === f ? 'After fine-tuning' : 'After AdaBN'} · gap ${shown.gap.toFixed(2)}`, shown.explained);
    heavy.view.drawLegend(this.$('legend'), ['0', '1', '2', '3', '4']);
    return { before: before.gap, adabn: a.gap, finetuned: f?.gap ?? null };
  }
}

define('fm-domain-shift', DomainShiftElement);
