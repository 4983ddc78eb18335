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
import { ParamError, parseKeyword } from '@lib/params/index.ts';
import { msg, say, type Lang, type Msg } from '@lib/i18n/index.ts';
import { AttributeSettings, bindControls } from '@lib/widget/attribute-settings.ts';
import { STRENGTH, applyShift, shiftName, shiftWords, strengthMeaning } from '@lib/shift/transforms.ts';
import type { Clean, ShiftData, ShiftOutcome, ShiftSettings, Slice } from '@lib/shift/run.ts';
import { Job } from '@lib/job/job.ts';
import { runSliced, yieldToPage } from '@lib/schedule/slices.ts';
import type { FeatureRows } from '@lib/transfer/layer-features.ts';
import { SHIFT_ATTRS, SHIFT_DEFAULTS, SHIFT_PARSE, checkLabels, resolveStrength, type ShiftAttr, type ShiftAttrs } from '@lib/shift/settings.ts';
import { sliceText, summaryText, type Gaps } from './shift-summary.ts';
import { SHELL, sayShell } from './shell.ts';
import type { DomainShiftResult } from './result.ts';
import css from './domain-shift.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import { loadHeavy, type Heavy, type View } from './heavy.ts';

const AFTER = ['adabn', 'finetuned'] as const;
type Pca = { points: import('./shift-view.ts').ScatterPoint[]; gap: number; explained: [number, number] };
/** A refused value's message: the catalogue's where it has one. */
const said = (e: unknown): string | Msg => (e instanceof ParamError ? e.said : (e as Error).message);
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
  /** What the result has written, kept as data so that a change of language says it again (nothing is recomputed). */
  private said: {
    summary?: (lang: Lang) => string; timing?: number; examples?: ShiftSettings; progress?: [number, number, number];
    bars?: { s: ShiftSettings; values: (number | null)[] }; pca?: { before: Pca; after: Pca; finetuned: boolean };
  } = {};
  /** PCA panels fitted, per target feature set (a set's panel does not change; a new run has new sets). */
  private panels = new WeakMap<FeatureRows, Pca>();
  /** The panels of the last show. */
  private fitted: { before: Pca; adabn: Pca; finetuned: Pca | null } | null = null;
  /** Counts shows, so that one still fitting its panels knows when a newer one has started. */
  private showing = 0;
  /** The refusals as last shown (in the language of the moment). */
  private errorsShown = '';

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
    sayShell(this.root, this.language);
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
    try { this.afterPanel = raw === null ? 'adabn' : parseKeyword('after', raw, AFTER); this.attrs.setMessage('after', null); } catch (e) { this.attrs.setMessage('after', said(e)); }
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
      this.attrs.setMessage('strength-range', said(e));
      next.strength = next.shift === prev.shift ? prev.strength : STRENGTH[next.shift].default;
    }
    try { checkLabels(next.labels, next.images, 5); } catch (e) {
      this.attrs.setMessage('labels-range', said(e));
      next.labels = Math.floor(next.images / 5);
    }
    this.s = next;
    this.showErrors();
    this.sync();
  }

  private showErrors(): void {
    const text = this.attrs.messageIn(this.language);
    this.errorsShown = text;
    if (text) this.emitError(text); else this.clearMessage();
  }

  /** Every text again in the new language, from what the last result left: nothing is recomputed or reported. */
  protected override onLangChange(): void {
    const lang = this.language;
    sayShell(this.root, lang);
    const line = this.$('message');
    if (this.errorsShown && !line.hidden && line.textContent === this.errorsShown) {
      this.errorsShown = this.attrs.messageIn(lang);
      this.showMessage(this.errorsShown, 'error');
    }
    this.sync();
    const { summary, timing, examples, progress, bars, pca } = this.said;
    if (examples) this.sayExamples(examples);
    if (summary) this.$('summary').textContent = summary(lang);
    if (timing !== undefined) this.$('timing').textContent = this.t('domainShift.timing', { s: (timing / 1000).toFixed(1) });
    if (progress) this.$('progress-text').textContent = this.t('domainShift.progress', { step: String(progress[0]), total: String(progress[1]), loss: progress[2].toFixed(3) });
    if (this.heavy && bars) this.drawBars(this.heavy, bars.s, bars.values);
    if (this.heavy && pca) this.drawPcaViews(this.heavy, pca);
  }

  /** The summary line, kept as a function of the language so that a change of language says it again. */
  private saySummary(summary: (lang: Lang) => string): void {
    this.said.summary = summary;
    this.$('summary').textContent = summary(this.language);
  }

  private sync(): void {
    const spec = STRENGTH[this.s.shift];
    // The range first: a range input clamps the value to the bounds it has when the value is written.
    for (const c of this.root.querySelectorAll('[data-attr="strength"]')) Object.assign(c, { min: String(spec.min), max: String(spec.max), step: String(spec.step) });
    this.attrs.syncControls(this.root, this.s);
    const meaning = strengthMeaning(this.s.shift);
    const label = this.t('domainShift.strengthLabel', { meaning });
    this.$('strength-range').setAttribute('aria-label', label);
    this.$('strength-number').setAttribute('aria-label', this.t('domainShift.strengthNumberLabel', { meaning }));
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
    this.fitted = null;
    this.paintExamples(heavy.view, heavy.data.test, s);
    const digits = String(heavy.data.test.count);
    this.saySummary((lang) => say(lang, msg('domainShift.evaluating', { digits, shift: shiftWords(s.shift, s.strength), images: String(s.images) })));
    this.said.timing = undefined;
    this.said.progress = undefined;
    this.job?.cancel();
    const job = (this.job = new Job());
    try {
      // One job: paused out of view; a failure ends in status="error" with Retry (WidgetJobs). Stop cancels the
      // job: the fine-tuning ends and the run so far (AdaBN's numbers) is the result.
      let done: { clean: Clean; outcome: ShiftOutcome } | null = null;
      await this.jobs.run(job, async () => {
        // Batch by batch, so the first batch's accuracies are on screen while the rest computes.
        // The first batch's bars are drawn in a task of their own (the chart's first drawing runs d3's axis code for
        // the first time: with the batch's dispatch, one task of 13-15 ms here), unless a fuller result came first.
        const base = await heavy.run.basePasses(tf, heavy.model, heavy.data, heavy.clean, s, (slice) => {
          const token = this.showing;
          void yieldToPage().then(() => { if (gen === this.gen && token === this.showing) this.showSlice(heavy, s, slice); });
        });
        const clean = heavy.clean ??= base.clean;
        if (gen !== this.gen) return;
        done = { clean, outcome: await heavy.run.runShift(tf, heavy.model, heavy.data, clean, s, {
          shifted: base.shifted,
          onPartial: (o) => { if (gen === this.gen) void this.show(heavy, s, o, true); },
          onProgress: (p) => { if (gen === this.gen) this.progress(p.step, p.totalSteps, p.loss); },
          job,
        }) };
      }, () => this.recompute());
      if (gen !== this.gen || !done) return;
      const { clean, outcome } = done as { clean: Clean; outcome: ShiftOutcome };
      this.job = null;
      this.last = outcome;
      const gaps = await this.show(heavy, s, outcome, false);
      if (!gaps) return;
      const ms = performance.now() - t0;
      this.said.timing = ms;
      this.$('timing').textContent = this.t('domainShift.timing', { s: (ms / 1000).toFixed(1) });
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
    this.sayExamples(s);
    this.markPicture();
  }

  /** The example strip's words for settings `s`, in the element's language. */
  private sayExamples(s: ShiftSettings): void {
    this.said.examples = s;
    const shift = shiftWords(s.shift, s.strength);
    this.$('shifted-label').textContent = say(this.language, shift);
    this.$('shifted').setAttribute('aria-label', this.t('domainShift.shiftedExamples', { n: String(EXAMPLES), shift }));
    this.$('clean').setAttribute('aria-label', this.t('domainShift.cleanExamples', { n: String(EXAMPLES) }));
  }

  /** The first picture: the base model's accuracies on the first batch, marked partial until the full run replaces them. */
  private showSlice(heavy: Heavy, s: ShiftSettings, slice: Slice): void {
    this.drawBars(heavy, s, [slice.source.accuracy, slice.before.accuracy, null]);
    this.$('bars').dataset.partial = '';
    this.saySummary((lang) => sliceText(s, slice, lang));
    this.dispatchEvent(new CustomEvent('fm-progress', { detail: { stage: 'first-slice', count: slice.count, total: slice.total, source: slice.source.accuracy, before: slice.before.accuracy }, bubbles: true, composed: true }));
  }

  private progress(step: number, total: number, loss: number): void {
    this.$('progress-row').hidden = false;
    Object.assign(this.$<HTMLProgressElement>('progress'), { value: step / total });
    this.said.progress = [step, total, loss];
    this.$('progress-text').textContent = this.t('domainShift.progress', { step: String(step), total: String(total), loss: loss.toFixed(3) });
  }

  /**
   * Draws bars, PCA and the summary; `partial`: fine-tuning still running. The PCA panels are fitted in slices
   * (the page stays responsive); a newer show, or a new run, supersedes one still fitting. Resolves with the domain
   * gaps, or null when superseded.
   */
  private async show(heavy: Heavy, s: ShiftSettings, o: ShiftOutcome, partial: boolean): Promise<Gaps | null> {
    const token = ++this.showing;
    const gen = this.gen;
    this.last = o;
    const clean = heavy.clean!;
    delete this.$('bars').dataset.partial;
    const acc = (p: { evaluation: { accuracy: number } } | undefined) => p?.evaluation.accuracy ?? null;
    this.drawBars(heavy, s, [acc(clean.pass), acc(o.before), acc(o.adabn), ...(s.labels > 0 ? [partial ? null : acc(o.finetuned?.shifted)] : [])]);
    const labels = heavy.data.test.labels;
    const panel = async (a: FeatureRows, b: FeatureRows): Promise<Pca> => {
      const known = this.panels.get(b);
      if (known) return known;
      const p = await runSliced(heavy.panels.pcaPanelSliced(a.data, b.data, a.count, a.dim, labels));
      this.panels.set(b, p);
      return p;
    };
    const source = clean.pass.hidden;
    const fitted = {
      before: await panel(source, o.before.hidden),
      adabn: await panel(source, o.adabn.hidden),
      finetuned: o.finetuned ? await panel(o.finetuned.clean.hidden, o.finetuned.shifted.hidden) : null,
    };
    if (token !== this.showing || gen !== this.gen) return null;
    this.fitted = fitted;
    this.drawPca();
    const gaps = { before: fitted.before.gap, adabn: fitted.adabn.gap, finetuned: fitted.finetuned?.gap ?? null };
    this.saySummary((lang) => summaryText(s, clean.pass, o, gaps, partial, lang));
    return gaps;
  }

  /** Accuracy bars: clean, shifted, AdaBN, fine-tuned (when given); null: still computing. */
  private drawBars(heavy: Heavy, s: ShiftSettings, values: (number | null)[]): void {
    this.said.bars = { s, values };
    const shift = shiftName(s.shift);
    const labels = [this.t('domainShift.bar.source'), this.t('domainShift.bar.target', { shift }), this.t('domainShift.bar.adabn', { shift }), this.t('domainShift.bar.finetuned', { shift })];
    const kinds = ['source', 'target', 'adapted', 'adapted'] as const;
    heavy.view.drawBars(this.$('bars'), values.map((value, i) => ({ label: labels[i]!, value, kind: kinds[i]! })), 1 / heavy.data.classes, this.language);
  }

  /** The PCA panels of the last show, the "after" one as the `after` attribute chooses. */
  private drawPca(): void {
    const heavy = this.heavy, f = this.fitted;
    if (!heavy || !f) return;
    const shown = this.afterPanel === 'finetuned' && f.finetuned ? f.finetuned : f.adabn;
    this.drawPcaViews(heavy, (this.said.pca = { before: f.before, after: shown, finetuned: shown === f.finetuned }));
  }

  /** The two PCA panels and their legend, from panels already computed, in the element's language. */
  private drawPcaViews(heavy: Heavy, { before, after, finetuned }: { before: Pca; after: Pca; finetuned: boolean }): void {
    const lang = this.language;
    heavy.view.drawScatter(this.$('pca-before'), before.points, this.t('domainShift.pcaBefore', { gap: before.gap.toFixed(2) }), before.explained, lang);
    heavy.view.drawScatter(this.$('pca-after'), after.points, this.t(finetuned ? 'domainShift.pcaFinetuned' : 'domainShift.pcaAdabn', { gap: after.gap.toFixed(2) }), after.explained, lang);
    heavy.view.drawLegend(this.$('legend'), ['0', '1', '2', '3', '4'], lang);
  }
}

// The reflected properties' types, merged into the class (they are defined by `reflect` above).
export interface DomainShiftElement extends Reflected<typeof SPEC> {}
define('fm-domain-shift', DomainShiftElement);
declare global { interface HTMLElementTagNameMap { 'fm-domain-shift': DomainShiftElement } }
