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
 * @event fm-progress `{ stage: 'first-slice', count, total, source, before }` — the first picture: accuracies on the first batch of test digits while the rest computes
 * @event fm-error `{ message }`; the widget keeps the last valid set-up
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define } from '@lib/widget/fm-element.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import type { EngineScope } from '@lib/engine/scope.ts';
import { parseKeyword } from '@lib/params/index.ts';
import { AttributeSettings, bindControls } from '@lib/widget/attribute-settings.ts';
import { STRENGTH, applyShift, describeShift } from '@lib/shift/transforms.ts';
import type { Clean, ShiftData, ShiftOutcome, ShiftSettings, Slice } from '@lib/shift/run.ts';
import { Job } from '@lib/job/job.ts';
import type { FeatureRows } from '@lib/transfer/layer-features.ts';
import { SHIFT_ATTRS, SHIFT_DEFAULTS, SHIFT_PARSE, checkLabels, resolveStrength, type ShiftAttr, type ShiftAttrs } from '@lib/shift/settings.ts';
import { sliceText, summaryText, type Gaps } from './shift-summary.ts';
import { SHELL } from './shell.ts';
import type { DomainShiftResult } from './result.ts';
import css from './domain-shift.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import { loadHeavy, type Heavy, type View } from './heavy.ts';

const AFTER = ['adabn', 'finetuned'] as const;
const EXAMPLES = 8;
export class DomainShiftElement extends EngineElement<Heavy, DomainShiftResult> {
  static observedAttributes = attributeNames(SPEC);
  /** The attributes as read (strength still as text), and every message shown: the widget's own checks included. */
  private attrs = new AttributeSettings<ShiftAttrs, ShiftAttr>(SHIFT_DEFAULTS, SHIFT_PARSE);
  private s: ShiftSettings = { ...SHIFT_DEFAULTS, strength: STRENGTH[SHIFT_DEFAULTS.shift].default };
  // shift, strength, seed, images, labels: reflected from SPEC (the settings in force; setting one sets the attribute).
  static { reflect(this, SPEC, (el) => el.s); }
  private afterPanel: (typeof AFTER)[number] = 'adabn';
  private last: ShiftOutcome | null = null;
  private job: Job | null = null;
  private pictured = false;

  /** The last finished run: evaluations, BatchNorm statistics written by AdaBN, hidden-layer features. */
  async getOutcome(): Promise<ShiftOutcome> { await this.ready; return this.last!; }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.root.firstChild) return;
    if (name === 'after') { this.readAfter(value); this.drawPca(); return; }
    this.apply(name as ShiftAttr, value);
    this.job?.cancel();
    this.schedule();
  }

  protected render(): void {
    this.root.innerHTML = SHELL;
    adoptStyles(this.root, css);
    bindControls(this.root, (name, value) => {
      // A new shift starts at its own default strength (another shift's strength means something else).
      if (name === 'shift') this.removeAttribute('strength');
      this.setAttribute(name, value);
    });
    for (const r of this.root.querySelectorAll<HTMLInputElement>('input[name="after"]')) r.addEventListener('change', () => this.setAttribute('after', r.value));
    this.root.querySelector('[data-role="stop"]')!.addEventListener('click', () => this.job?.cancel());
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

  protected load(): Promise<Heavy> {
    return loadHeavy((view, test) => this.paintExamples(view, test, { ...this.s }));
  }

  /** The model lives on one backend (AdaBN and fine-tuning change it in place): a fresh one per scope, and the clean pass redone. */
  protected async acquire(heavy: Heavy, scope: EngineScope): Promise<void> {
    const early = heavy.early;
    heavy.early = null;
    if (early && early.engine !== scope.engine) void early.model.then((m) => m.dispose(), () => {});
    heavy.model = this.own(scope, await (early?.engine === scope.engine ? early.model.catch(() => heavy.openModel(scope.engine)) : heavy.openModel(scope.engine)));
    heavy.clean = null;
  }

  protected onScopeLost(): void {
    this.job?.cancel();
    this.job = null;
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
    this.paintExamples(heavy.view, heavy.data.test, s);
    this.$('summary').textContent = `Evaluating the model on ${heavy.data.test.count} ${describeShift(s.shift, s.strength)} test digits and re-estimating BatchNorm on ${s.images} unlabelled ones…`;
    this.job?.cancel();
    const job = (this.job = new Job());
    try {
      // One job: paused out of view; a failure ends in status="error" with Retry (WidgetJobs). Stop cancels the
      // job: the fine-tuning ends and the run so far (AdaBN's numbers) is the result.
      let done: { clean: Clean; outcome: ShiftOutcome } | null = null;
      await this.jobs.run(job, async () => {
        // Batch by batch, so the first batch's accuracies are on screen while the rest computes.
        const base = await heavy.run.basePasses(tf, heavy.model, heavy.data, heavy.clean, s, (slice) => { if (gen === this.gen) this.showSlice(heavy, s, slice); });
        const clean = heavy.clean ??= base.clean;
        if (gen !== this.gen) return;
        done = { clean, outcome: await heavy.run.runShift(tf, heavy.model, heavy.data, clean, s, {
          shifted: base.shifted,
          onPartial: (o) => { if (gen === this.gen) this.show(heavy, s, o, true); },
          onProgress: (p) => { if (gen === this.gen) this.progress(p.step, p.totalSteps, p.loss); },
          job,
        }) };
      }, () => this.recompute());
      if (gen !== this.gen || !done) return;
      const { clean, outcome } = done as { clean: Clean; outcome: ShiftOutcome };
      this.job = null;
      this.last = outcome;
      const gaps = this.show(heavy, s, outcome, false);
      const ms = performance.now() - t0;
      this.$('timing').textContent = `Computed in ${(ms / 1000).toFixed(1)} s.`;
      this.emitResult({ backend: heavy.engine.backend, ms, ...s, source: clean.pass.evaluation.accuracy, before: outcome.before.evaluation.accuracy,
        adabn: outcome.adabn.evaluation.accuracy, finetuned: outcome.finetuned?.shifted.evaluation.accuracy ?? null,
        finetunedClean: outcome.finetuned?.clean.evaluation.accuracy ?? null, finetuneSteps: outcome.finetuneSteps, gaps, fallbackReason: heavy.engine.fallbackReason ?? null });
    } finally {
      if (gen === this.gen) this.$('progress-row').hidden = true;
    }
  }

  /** The example strip; the first one painted is the widget's first picture (the `fm-picture` mark, for benchmarks). */
  private paintExamples(view: View, test: ShiftData['test'], s: ShiftSettings): void {
    const clean = test.images.subarray(0, EXAMPLES * 784);
    view.paintDigits(this.$('clean'), clean, EXAMPLES);
    view.paintDigits(this.$('shifted'), applyShift(clean, EXAMPLES, s.shift, s.strength, s.seed), EXAMPLES);
    const words = describeShift(s.shift, s.strength);
    this.$('shifted-label').textContent = words;
    this.$('shifted').setAttribute('aria-label', `The same ${EXAMPLES} test digits ${words}, as the model receives them`);
    this.$('clean').setAttribute('aria-label', `${EXAMPLES} clean test digits (white ink on black, as the model receives them)`);
    if (!this.pictured) performance.mark('fm-picture', { detail: { tag: this.localName, id: this.id } });
    this.pictured = true;
  }

  /** The first picture: the base model's accuracies on the first batch, marked partial until the full run replaces them. */
  private showSlice(heavy: Heavy, s: ShiftSettings, slice: Slice): void {
    this.drawBars(heavy, s, [slice.source.accuracy, slice.before.accuracy, null]);
    this.$('bars').dataset.partial = '';
    this.$('summary').textContent = sliceText(s, slice);
    this.dispatchEvent(new CustomEvent('fm-progress', { detail: { stage: 'first-slice', count: slice.count, total: slice.total, source: slice.source.accuracy, before: slice.before.accuracy }, bubbles: true, composed: true }));
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
    delete this.$('bars').dataset.partial;
    const acc = (p: { evaluation: { accuracy: number } } | undefined) => p?.evaluation.accuracy ?? null;
    this.drawBars(heavy, s, [acc(clean.pass), acc(o.before), acc(o.adabn), ...(s.labels > 0 ? [partial ? null : acc(o.finetuned?.shifted)] : [])]);
    const gaps = this.drawPca();
    this.$('summary').textContent = summaryText(s, clean.pass, o, gaps, partial);
    return gaps;
  }

  /** Accuracy bars: clean, shifted, AdaBN, fine-tuned (when given); null: still computing. */
  private drawBars(heavy: Heavy, s: ShiftSettings, values: (number | null)[]): void {
    const labels = ['clean digits (source)', `${s.shift}, no adaptation`, `${s.shift}, AdaBN`, `${s.shift}, fine-tuned`];
    const kinds = ['source', 'target', 'adapted', 'adapted'] as const;
    heavy.view.drawBars(this.$('bars'), values.map((value, i) => ({ label: labels[i]!, value, kind: kinds[i]! })), 1 / heavy.data.classes);
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

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface DomainShiftElement extends Reflected<typeof SPEC> {}
define('fm-domain-shift', DomainShiftElement);
declare global { interface HTMLElementTagNameMap { 'fm-domain-shift': DomainShiftElement } }
