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
import { checkText, fillRows, naiveText, SHELL, summary, type Row } from './explorer-view.ts';
import css from './softmax-explorer.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { SoftmaxExplorerResult } from './result.ts';

type Charts = typeof import('./explorer-charts.ts');
type Plain = { data: Float32Array; shape: number[] };
interface Last { s: ExplorerSettings; p: Float32Array; loss: number; grad: Float32Array }

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
      const [engine, compute, charts] = await Promise.all([getEngine(), import('@lib/losses/tf-losses.ts'), import('./explorer-charts.ts')]);
      this.engine = engine;
      this.compute = compute;
      const host = (role: string) => this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
      this.charts = {
        logits: new charts.LogitChart(host('logit-chart'), (i, v) => this.setLogit(i, v), (i, d) => this.setLogit(i, charts.round(this.s.logits[i]! + d))),
        probs: new charts.ProbabilityChart(host('prob-chart')),
        grad: new charts.GradientChart(host('grad-chart')),
      };
    } catch (err) {
      this.setStatus('error');
      this.emitError(`The compute engine could not start: ${(err as Error).message}`);
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
    const text = errors.join(' ');
    if (text !== this.shownError) {
      this.shownError = text;
      if (text) this.emitError(text);
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
    this.root.querySelector<HTMLElement>('[data-role="loss-line"]')!.dataset.reserve = summary(0.6652, target, 0.4076, temperature);
    if (this.last) return;
    const q = smoothedTarget(logits.length, target, smoothing);
    fillRows(this.root.querySelector('[data-role="rows"]')!, logits.map((logit, i) => ({ logit, p: null, q: q[i]!, grad: null, isTarget: i === target })));
  }

  private syncControls(): void {
    const { logits, temperature, target, smoothing } = this.s;
    const $ = <T extends HTMLInputElement | HTMLSelectElement>(role: string) => this.root.querySelector<T>(`[data-role="${role}"]`)!;
    const select = $<HTMLSelectElement>('target');
    if (select.options.length !== logits.length) {
      select.replaceChildren(...logits.map((_, i) => Object.assign(document.createElement('option'), { value: String(i), textContent: `class ${i}` })));
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
      if (gen === this.gen) { this.setStatus('error'); this.emitError(`The computation failed: ${(err as Error).message}`); }
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
    const { p, loss, grad } = this.last!;
    const rows: Row[] = s.logits.map((logit, i) => ({ logit, p: p[i]!, q: q[i]!, grad: grad[i]!, isTarget: i === s.target }));
    const text = (role: string, t: string) => (this.root.querySelector(`[data-role="${role}"]`)!.textContent = t);
    fillRows(this.root.querySelector('[data-role="rows"]')!, rows);
    text('loss', summary(p[s.target]!, s.target, loss, s.temperature));
    this.charts!.logits.update({ values: s.logits, target: s.target });
    this.charts!.probs.update({ values: [...p], target: s.target, marks: q });
    this.charts!.grad.update({ values: [...grad], target: s.target });
    // The derivation's claim, live: autodiff's gradient equals (p − q)/T computed exactly in float64.
    const exact = crossEntropyGradWith(s.logits, q, s.temperature);
    const diff = Math.max(...exact.map((g, i) => Math.abs(g - grad[i]!)));
    text('check', checkText(crossEntropyWith(s.logits, q, s.temperature), diff));
    const naive = naiveSoftmax(s.logits, s.temperature, true);
    const top = Math.max(...s.logits.map((z) => z / s.temperature));
    text('naive', naive.every(Number.isFinite) ? naiveText(top) : naiveText(top, naive, softmax(s.logits, s.temperature).reduce((a, b) => a + b, 0)));
    const engine = this.engine!;
    text('timing', `tf.softmax and tf.valueAndGrad took ${ms.toFixed(1)} ms on ${label(engine.backend)}.`);
    const why = this.root.querySelector<HTMLElement>('[data-role="why"]')!;
    why.hidden = !engine.fallbackReason;
    why.textContent = engine.fallbackReason ? `Not on WebGPU because ${engine.fallbackReason}.` : '';
  }
}

define('fm-softmax-explorer', SoftmaxExplorerElement);
declare global { interface HTMLElementTagNameMap { 'fm-softmax-explorer': SoftmaxExplorerElement } }
