/**
 * @summary `<fm-loss-curves>`: cross-entropy, squared error on probabilities and the multiclass hinge as
 * functions of p, the predicted probability of the true class, with their gradients (on the true-class
 * logit, or against p), a cursor and a read-out. Pure TypeScript from `src/lib/losses/curves.ts`: no tfjs.
 *
 * @attr classes K, 2–10 (default 10) · @attr gradient `logit` | `p` (default logit)
 * @attr losses any of `ce,mse,hinge` (default all three) · @attr p the read-out position, 0.001–0.999 (default 0.1)
 * @event fm-result `{ backend: 'reference', ms, p, classes, gradient, values: [{ loss, value, grad }] }`
 * @event fm-error `{ message }` when a value cannot be used (the last good value stays in force)
 */
import '@lib/engine/global.ts';
import { define, FmElement } from '@lib/widget/fm-element.ts';
import { curveGradient, curveGrid, curveLoss, type CurveGradient, type CurveLoss } from '@lib/losses/curves.ts';
import { DEFAULTS, P_MAX, P_MIN, readSettings, type CurvesSettings } from './curves-settings.ts';
import { gradientCaption, gradientLabel, readout, sayShell, SHELL } from './curves-view.ts';
import { saySentences, say, t, type Msg } from '@lib/i18n/index.ts';
import { formatCell } from '@components/softmax-explorer/explorer-view.ts';
import css from './loss-curves.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { LossCurvesResult } from './result.ts';
import { yieldToPage } from '@lib/schedule/slices.ts';
import type { Series } from './curves-chart.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Chart = import('./curves-chart.ts').CurveChart;
const GRID = curveGrid(400);
const GRAD_DOMAIN: Record<CurveGradient, [number, number]> = { logit: [-1.1, 0.1], p: [-10, 0.5] };

export class LossCurvesElement extends FmElement<LossCurvesResult> {
  static observedAttributes = attributeNames(SPEC);
  private s: CurvesSettings = DEFAULTS;
  private charts: { loss: Chart; grad: Chart } | null = null;
  private shownError = '';
  /** The refused values' messages, said in the language of the moment. */
  private errors: (string | Msg)[] = [];

  get classes(): number { return this.s.classes; }
  set classes(v: number) { this.setAttribute('classes', String(v)); }
  get gradient(): CurveGradient { return this.s.gradient; }
  set gradient(v: CurveGradient) { this.setAttribute('gradient', v); }
  get losses(): CurveLoss[] { return [...this.s.losses]; }
  set losses(v: CurveLoss[] | string) { this.setAttribute('losses', Array.isArray(v) ? v.join(',') : v); }
  get p(): number { return this.s.p; }
  set p(v: number) { this.setAttribute('p', String(v)); }

  /** The plotted curves: p on the grid and, per loss shown, its value and gradient (the chosen kind). */
  async getCurves(): Promise<{ p: number[]; curves: Record<string, { loss: number[]; gradient: number[] }> }> {
    await this.ready;
    const { classes, gradient, losses } = this.s;
    const curves = Object.fromEntries(losses.map((l) => [l, { loss: GRID.map((p) => curveLoss(l, p, classes)), gradient: GRID.map((p) => curveGradient(l, gradient, p, classes)) }]));
    return { p: [...GRID], curves };
  }

  attributeChangedCallback(): void {
    if (this.root.firstChild) this.update();
  }

  protected render(): void {
    if (this.root.firstChild) return;
    this.root.innerHTML = SHELL;
    adoptStyles(this.root, css);
    sayShell(this.root, this.language);
    const $ = <T extends HTMLElement>(sel: string) => this.root.querySelector<T>(sel)!;
    for (const box of this.root.querySelectorAll<HTMLInputElement>('input[data-loss]')) {
      box.addEventListener('change', () => {
        const on = [...this.root.querySelectorAll<HTMLInputElement>('input[data-loss]')].filter((b) => b.checked).map((b) => b.dataset.loss!);
        this.setAttribute('losses', on.join(','));
      });
    }
    $<HTMLSelectElement>('[data-role="gradient"]').addEventListener('change', (e) => this.setAttribute('gradient', (e.target as HTMLSelectElement).value));
    $<HTMLInputElement>('[data-role="classes"]').addEventListener('change', (e) => this.setAttribute('classes', (e.target as HTMLInputElement).value));
    $<HTMLInputElement>('[data-role="p"]').addEventListener('input', (e) => this.setAttribute('p', (e.target as HTMLInputElement).value));
    this.update();
  }

  protected async start(): Promise<void> {
    this.setStatus('loading');
    const { CurveChart } = await importAgain(() => import('./curves-chart.ts'));
    const host = (role: string) => this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    const hover = (p: number) => this.setAttribute('p', String(Math.round(Math.max(P_MIN, Math.min(P_MAX, p)) * 1000) / 1000));
    // Each chart's frame, and the first chart's curves, in a task of its own: drawn at once, with d3's code run for
    // the first time, the two charts held the main thread 55–99 ms on an embed page here (over 200 on a phone).
    const loss = new CurveChart(host('loss-chart'), 'lossCurves.chart.loss', this.language, hover);
    await yieldToPage();
    const grad = new CurveChart(host('grad-chart'), 'lossCurves.chart.gradient', this.language, hover);
    await yieldToPage();
    this.charts = { loss, grad };
    this.drawLoss();
    await yieldToPage();
    this.draw({ lossDrawn: true });
  }

  protected teardown(): void {}

  private update(): void {
    const { settings, errors } = readSettings((n) => this.getAttribute(n), this.s);
    this.s = settings;
    const text = errors.map((e) => say('en', e)).join(' ');
    if (text !== this.shownError) {
      this.shownError = text;
      this.errors = errors;
      if (text) this.emitError(this.errorText());
      else this.clearMessage();
    }
    const { classes, gradient, losses, p } = settings;
    for (const box of this.root.querySelectorAll<HTMLInputElement>('input[data-loss]')) box.checked = losses.includes(box.dataset.loss as CurveLoss);
    for (const item of this.root.querySelectorAll<HTMLElement>('li[data-loss]')) item.hidden = !losses.includes(item.dataset.loss as CurveLoss);
    this.root.querySelector<HTMLSelectElement>('[data-role="gradient"]')!.value = gradient;
    this.root.querySelector<HTMLInputElement>('[data-role="classes"]')!.value = String(classes);
    const slider = this.root.querySelector<HTMLInputElement>('[data-role="p"]')!;
    slider.value = String(p);
    slider.setAttribute('aria-valuetext', `p = ${p}`);
    this.sayTexts();
    if (this.charts) this.draw();
  }

  /** The caption, read-out and note for the settings in force, in the element's language. */
  private sayTexts(): void {
    const lang = this.language;
    const { classes, gradient, p } = this.s;
    this.root.querySelector('[data-role="grad-caption"]')!.textContent = gradientCaption(lang, gradient, classes);
    // The read-out is a few closed forms: written with the shell too, so it holds its place before the charts arrive.
    this.root.querySelector('[data-role="readout"]')!.textContent = readout(lang, p, gradient, this.values());
    const gap = Math.log((p * (classes - 1)) / (1 - p));
    const stop = 1 / (1 + (classes - 1) / Math.E);
    this.root.querySelector('[data-role="note"]')!.textContent = t(lang, 'lossCurves.note', { gap: formatCell(gap), stop: stop.toFixed(3) });
  }

  private errorText(): string {
    return saySentences(this.language, this.errors);
  }

  /** Every text again in the new language: the curves stay as drawn, no new result. */
  protected onLangChange(): void {
    sayShell(this.root, this.language);
    this.sayTexts();
    if (this.charts) for (const chart of Object.values(this.charts)) chart.sayLabels(this.language);
    if (this.errors.length && this.status !== 'error') this.showMessage(this.errorText(), 'error');
  }

  /** Each loss shown, its value and gradient (the chosen kind) at the read-out's p. */
  private values(): LossCurvesResult['values'] {
    const { classes, gradient, losses, p } = this.s;
    return losses.map((loss) => ({ loss, value: curveLoss(loss, p, classes), grad: curveGradient(loss, gradient, p, classes) }));
  }

  private series(f: (l: CurveLoss, x: number) => number): Series[] {
    return this.s.losses.map((loss) => ({ loss, points: GRID.map((x) => [x, f(loss, x)] as [number, number]), at: f(loss, this.s.p) }));
  }

  private drawLoss(): void {
    const { classes, p } = this.s;
    this.charts!.loss.update(this.series((l, x) => curveLoss(l, x, classes)), [0, 5], 'lossCurves.axis.loss', p, this.language);
  }

  /** Both charts and the result; `lossDrawn`: the loss chart is already drawn for these settings (start() drew it). */
  private draw({ lossDrawn = false } = {}): void {
    const t0 = performance.now();
    const { classes, gradient, p } = this.s;
    if (!lossDrawn) this.drawLoss();
    this.charts!.grad.update(this.series((l, x) => curveGradient(l, gradient, x, classes)), GRAD_DOMAIN[gradient], gradientLabel(gradient), p, this.language);
    this.emitResult({ backend: 'reference', ms: performance.now() - t0, p, classes, gradient, values: this.values() });
  }
}

define('fm-loss-curves', LossCurvesElement);
declare global { interface HTMLElementTagNameMap { 'fm-loss-curves': LossCurvesElement } }
