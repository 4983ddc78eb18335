/**
 * @summary `<fm-softmax-explorer>`: logits the reader drags or types, a temperature, a true class and a
 * label-smoothing α; shows p = softmax(z/T), the cross-entropy and its gradient on every logit. The numbers
 * come from TensorFlow.js on the engine's backend (`tf.softmax`, and `tf.valueAndGrad` of the cross-entropy
 * built from `tf.logSoftmax`); the float64 formula (p − q)/T is shown beside them as a check.
 *
 * @attr logits 3–10 numbers, each within ±1e6 (default "2, 1, 0.1") · @attr temperature 0.01–100 (default 1)
 * @attr target the true class, 0-based (default 0) · @attr smoothing label smoothing α, 0–1 (default 0)
 * @event fm-result `{ backend, ms, logits, temperature, target, smoothing, probabilities, loss, gradient, fallbackReason }`
 * @event fm-error `{ message }` when a value cannot be used (the last good value stays in force)
 */
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define, FmElement } from '@lib/widget/fm-element.ts';
import { getEngine, label, onEngineChange, type Engine } from '@lib/engine/index.ts';
import { crossEntropyGradWith, crossEntropyWith } from '@lib/losses/cross-entropy.ts';
import { naiveSoftmax, softmax } from '@lib/losses/softmax.ts';
import { smoothedTarget } from '@lib/losses/targets.ts';
import { DEFAULTS, formatLogits, readSettings, type ExplorerSettings } from './explorer-settings.ts';
import { checkText, fillRows, labelShell, naiveText, SHELL, summary, type Row } from './explorer-view.ts';
import { saySentences, chain, msg, type Msg } from '@lib/i18n/index.ts';
import css from './softmax-explorer.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { SoftmaxExplorerResult } from './result.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Charts = typeof import('./explorer-charts.ts');
type Plain = { data: Float32Array; shape: number[] };
interface Last { s: ExplorerSettings; p: Float32Array; loss: number; grad: Float32Array }
/** What the sentences under the charts say, kept as numbers so a change of language re-words them. */
interface Said { q: number[]; ms: number; exactLoss: number; diff: number; top: number; naive: number[] | null; sum: number }

export class SoftmaxExplorerElement extends FmElement<SoftmaxExplorerResult> {
  static observedAttributes = attributeNames(SPEC);
  private s: ExplorerSettings = DEFAULTS;
  private engine: Engine | null = null;
  private compute: typeof import('@lib/losses/tf-losses.ts') | null = null;
  private charts: { logits: InstanceType<Charts['LogitChart']>; probs: InstanceType<Charts['ProbabilityChart']>; grad: InstanceType<Charts['GradientChart']> } | null = null;
  private last: Last | null = null;
  private gen = 0;
  private pending = false;
  private shownError = '';
  private errors: (string | Msg)[] = [];
  private said: Said | null = null;

  get logits(): number[] { return [...this.s.logits]; }
  set logits(v: number[] | string) { this.setAttribute('logits', Array.isArray(v) ? formatLogits(v) : v); }
  get temperature(): number { return this.s.temperature; }
  set temperature(v: number) { this.setAttribute('temperature', String(v)); }
  get target(): number { return this.s.target; }
  set target(v: number) { this.setAttribute('target', String(v)); }
  get smoothing(): number { return this.s.smoothing; }
  set smoothing(v: number) { this.setAttribute('smoothing', String(v)); }

  /** The logits of the last computation, [K]. */
  async getLogits(): Promise<Plain> { await this.ready; return { data: Float32Array.from(this.last!.s.logits), shape: [this.last!.s.logits.length] }; }
  /** softmax(z/T) as the engine computed it, [K]. */
  async getProbabilities(): Promise<Plain> { await this.ready; return { data: Float32Array.from(this.last!.p), shape: [this.last!.p.length] }; }
  /** ∂L/∂z by the engine's autodiff, [K]. */
  async getGradient(): Promise<Plain> { await this.ready; return { data: Float32Array.from(this.last!.grad), shape: [this.last!.grad.length] }; }
  /** The target distribution q (one-hot or smoothed), [K]. */
  async getTarget(): Promise<Plain> { await this.ready; const { s } = this.last!; return { data: Float32Array.from(smoothedTarget(s.logits.length, s.target, s.smoothing)), shape: [s.logits.length] }; }
  async getLoss(): Promise<number> { await this.ready; return this.last!.loss; }

  attributeChangedCallback(): void {
    if (!this.root.firstChild) return;
    this.update();
  }

  protected render(): void {
    if (this.root.firstChild) return;
    this.root.innerHTML = SHELL;
    labelShell(this.root, this.language, true);
    adoptStyles(this.root, css);
    const $ = <T extends HTMLElement>(role: string) => this.root.querySelector<T>(`[data-role="${role}"]`)!;
    $<HTMLInputElement>('logits').addEventListener('change', (e) => this.setAttribute('logits', (e.target as HTMLInputElement).value));
    $<HTMLSelectElement>('target').addEventListener('change', (e) => this.setAttribute('target', (e.target as HTMLSelectElement).value));
    $<HTMLInputElement>('temperature').addEventListener('change', (e) => this.setAttribute('temperature', (e.target as HTMLInputElement).value));
    $<HTMLInputElement>('temperature-range').addEventListener('input', (e) => this.setAttribute('temperature', String(+(10 ** Number((e.target as HTMLInputElement).value)).toPrecision(3))));
    $<HTMLInputElement>('smoothing').addEventListener('change', (e) => this.setAttribute('smoothing', (e.target as HTMLInputElement).value));
    $<HTMLInputElement>('smoothing-range').addEventListener('input', (e) => this.setAttribute('smoothing', (e.target as HTMLInputElement).value));
    this.update();
  }

  protected async start(): Promise<void> {
    this.setStatus('loading');
    try {
      const [engine, compute, charts] = await Promise.all([getEngine(), importAgain(() => import('@lib/losses/tf-losses.ts')), importAgain(() => import('./explorer-charts.ts'))]);
      this.engine = engine;
      this.compute = compute;
      const host = (role: string) => this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
      this.charts = {
        logits: new charts.LogitChart(host('logit-chart'), (i, v) => this.setLogit(i, v), (i, d) => this.setLogit(i, charts.round(this.s.logits[i]! + d))),
        probs: new charts.ProbabilityChart(host('prob-chart')),
        grad: new charts.GradientChart(host('grad-chart')),
      };
      // Charts are drawn with English words; they speak the widget's language from the start.
      for (const chart of Object.values(this.charts)) chart.relabel(this.language);
    } catch (err) {
      this.setStatus('error');
      this.emitError(msg('widget.engineFailed', { error: (err as Error).message }));
      return;
    }
    this.onDisconnect(onEngineChange((engine) => { this.engine = engine; this.schedule(); }));
    this.schedule();
  }

  protected teardown(): void {
    this.gen++;
  }

  private setLogit(i: number, v: number): void {
    const next = [...this.s.logits];
    next[i] = v;
    this.setAttribute('logits', formatLogits(next));
  }

  /** Reads the attributes (keeping the last good value of any that fails), syncs the controls, recomputes. */
  private update(): void {
    const { settings, errors } = readSettings((n) => this.getAttribute(n), this.s);
    this.s = settings;
    const text = this.join(errors, 'en');
    if (text !== this.shownError) {
      this.shownError = text;
      this.errors = errors;
      if (text) this.emitError(this.join(errors));
      else this.clearMessage();
    }
    this.syncControls();
    this.reserve();
    this.schedule();
  }

  /**
   * Before the first result: the table's rows with what needs no engine (class, logit, target q), and room for the
   * loss sentence as the result will word it, so the numbers arrive without moving anything below them.
   */
  private reserve(): void {
    const { logits, target, smoothing, temperature } = this.s;
    this.root.querySelector<HTMLElement>('[data-role="loss-line"]')!.dataset.reserve = summary(this.language, 0.6652, target, 0.4076, temperature);
    if (this.last) return;
    const q = smoothedTarget(logits.length, target, smoothing);
    fillRows(this.root.querySelector('[data-role="rows"]')!, this.language, logits.map((logit, i) => ({ logit, p: null, q: q[i]!, grad: null, isTarget: i === target })));
  }

  private syncControls(): void {
    const { logits, temperature, target, smoothing } = this.s;
    const $ = <T extends HTMLInputElement | HTMLSelectElement>(role: string) => this.root.querySelector<T>(`[data-role="${role}"]`)!;
    const select = $<HTMLSelectElement>('target');
    if (select.options.length !== logits.length) {
      select.replaceChildren(...logits.map((_, i) => Object.assign(document.createElement('option'), { value: String(i), textContent: this.t('softmaxExplorer.classOption', { class: String(i) }) })));
    }
    select.value = String(target);
    const field = $<HTMLInputElement>('logits');
    if (this.root.activeElement !== field || !this.shownError) field.value = formatLogits(logits);
    field.setAttribute('aria-invalid', String(this.shownError.includes('ogit')));
    $<HTMLInputElement>('temperature').value = String(temperature);
    $<HTMLInputElement>('temperature-range').value = String(Math.log10(temperature));
    $<HTMLInputElement>('smoothing').value = String(smoothing);
    $<HTMLInputElement>('smoothing-range').value = String(Math.min(0.5, smoothing));
  }

  /** One computation per burst of changes (a drag fires many): coalesced into the next frame. */
  private schedule(): void {
    if (!this.engine || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; void this.run(); });
  }

  private async run(): Promise<void> {
    const gen = ++this.gen;
    const engine = this.engine;
    if (!engine || !this.compute) return;
    const s = this.s;
    const q = smoothedTarget(s.logits.length, s.target, s.smoothing);
    this.setStatus('running');
    let r: Awaited<ReturnType<typeof this.compute.runSoftmaxCrossEntropy>>;
    try {
      r = await this.compute.runSoftmaxCrossEntropy(engine.tf, s.logits, s.temperature, q);
    } catch (err) {
      if (gen === this.gen) { this.setStatus('error'); this.emitError(msg('softmaxExplorer.computeFailed', { error: (err as Error).message })); }
      return;
    }
    if (gen !== this.gen) return;
    this.last = { s, p: r.probabilities, loss: r.loss, grad: r.gradient };
    this.draw(s, q, r.ms);
    this.emitResult({
      backend: r.backend, ms: r.ms, logits: [...s.logits], temperature: s.temperature, target: s.target, smoothing: s.smoothing,
      probabilities: [...r.probabilities], loss: r.loss, gradient: [...r.gradient], fallbackReason: engine.fallbackReason ?? null,
    });
  }

  private draw(s: ExplorerSettings, q: number[], ms: number): void {
    const { p, grad } = this.last!;
    this.charts!.logits.update({ values: s.logits, target: s.target });
    this.charts!.probs.update({ values: [...p], target: s.target, marks: q });
    this.charts!.grad.update({ values: [...grad], target: s.target });
    // The derivation's claim, live: autodiff's gradient equals (p − q)/T computed exactly in float64.
    const exact = crossEntropyGradWith(s.logits, q, s.temperature);
    const diff = Math.max(...exact.map((g, i) => Math.abs(g - grad[i]!)));
    const naive = naiveSoftmax(s.logits, s.temperature, true);
    const top = Math.max(...s.logits.map((z) => z / s.temperature));
    this.said = {
      q, ms, exactLoss: crossEntropyWith(s.logits, q, s.temperature), diff, top,
      naive: naive.every(Number.isFinite) ? null : naive, sum: naive.every(Number.isFinite) ? 1 : softmax(s.logits, s.temperature).reduce((a, b) => a + b, 0),
    };
    this.sayResult();
  }

  /** The table and the sentences of the last result, in the element's language. */
  private sayResult(): void {
    if (!this.last || !this.said) return;
    const { s, p, loss, grad } = this.last;
    const { q, ms, exactLoss, diff, top, naive, sum } = this.said;
    const lang = this.language;
    const rows: Row[] = s.logits.map((logit, i) => ({ logit, p: p[i]!, q: q[i]!, grad: grad[i]!, isTarget: i === s.target }));
    const text = (role: string, t: string) => (this.root.querySelector(`[data-role="${role}"]`)!.textContent = t);
    fillRows(this.root.querySelector('[data-role="rows"]')!, lang, rows);
    text('loss', summary(lang, p[s.target]!, s.target, loss, s.temperature));
    text('check', checkText(lang, exactLoss, diff));
    text('naive', naive === null ? naiveText(lang, top) : naiveText(lang, top, naive, sum));
    const engine = this.engine!;
    text('timing', this.t('softmaxExplorer.timing', { ms: ms.toFixed(1), backend: label(engine.backend, lang) }));
    const why = this.root.querySelector<HTMLElement>('[data-role="why"]')!;
    const reason = chain(engine.steps ?? []) ?? engine.fallbackReason;
    why.hidden = !engine.fallbackReason;
    why.textContent = engine.fallbackReason && reason ? this.t('softmaxExplorer.notOnWebgpu', { reason }) : '';
  }

  /** The messages in force, in `lang`, joined (Chinese sentences take no space between them). */
  private join(errors: (string | Msg)[], lang = this.language): string {
    return saySentences(lang, errors);
  }

  protected onLangChange(): void {
    labelShell(this.root, this.language, !this.last);
    if (this.errors.length && this.shownError) this.showMessage(this.join(this.errors), 'error');
    const select = this.root.querySelector<HTMLSelectElement>('[data-role="target"]')!;
    [...select.options].forEach((o, i) => (o.textContent = this.t('softmaxExplorer.classOption', { class: String(i) })));
    if (this.charts) for (const chart of Object.values(this.charts)) chart.relabel(this.language);
    this.reserve();
    this.sayResult();
  }
}

define('fm-softmax-explorer', SoftmaxExplorerElement);
declare global { interface HTMLElementTagNameMap { 'fm-softmax-explorer': SoftmaxExplorerElement } }
