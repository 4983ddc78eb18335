/**
 * @summary `<fm-activation-plot>`: activation functions and their derivatives, overlaid on two d3 panels, with a
 * read-out of x, f(x) and f′(x) that follows the pointer or the arrow keys, and a labelled Leaky ReLU slope.
 * All arithmetic is the book's float64 functions (`src/lib/activations/`); no tfjs is loaded.
 *
 * @attr functions comma list of relu, leaky-relu, sigmoid, tanh, gelu (default "relu,sigmoid,tanh")
 * @attr slope Leaky ReLU's slope for x < 0, 0–1 (default 0.1) · @attr x read-out position, −4 to 4 (default 1)
 * @event fm-result `{ backend: 'reference', ms, x, slope, functions, values: [{ name, f, df }] }` after each change
 * @event fm-error `{ message }` when an attribute cannot be used (the last good value stays in force)
 */
import '@lib/engine/global.ts';
import { FmElement, define } from '@lib/widget/fm-element.ts';
import { ParamError } from '@lib/params/index.ts';
import { saySentences, chain, msg, say, type MessageKey, type Msg } from '@lib/i18n/index.ts';
import { ACTIVATIONS, activation, activationLabel, type ActivationName } from '@lib/activations/functions.ts';
import { clampX, readout, sampleCurve, X_MAX, X_MIN, type Curve } from '@lib/activations/curve.ts';
import { MAX_SLOPE } from '@lib/activations/params.ts';
import { ACTIVATION_STYLE, PALETTE_CSS, activationColor } from '@lib/charts/palette.ts';
import { formatValue } from '@lib/charts/format.ts';
import { PLOT_ATTRS, PLOT_DEFAULTS, PLOT_PARSE, type PlotAttr, type PlotSettings } from './plot-settings.ts';
import css from './activation-plot.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { ActivationPlotResult } from './result.ts';
import { yieldToPage } from '@lib/schedule/slices.ts';
import { importAgain } from '@lib/widget/import-again.ts';

let instances = 0;
const checkbox = (n: ActivationName) =>
  `<label><input type="checkbox" data-fn="${n}"><span class="swatch" style="border-color:${activationColor(n)};border-top-style:${ACTIVATION_STYLE[n]!.dash ? 'dashed' : 'solid'}"></span>${activation(n).label.replace(/ \(.*/, '')}</label>`;

/** The shell's words are filled in by `sayShell()` (and again on a change of language): `data-say` a text, `data-say-label` an aria-label. */
const SHELL = `
<div class="controls">
  <fieldset><legend data-say="activationPlot.functions"></legend>${ACTIVATIONS.map(checkbox).join('')}</fieldset>
  <label><span data-role="slope-label"></span> <input type="number" data-role="slope" min="0" max="${MAX_SLOPE}" step="0.01"></label>
</div>
<div class="plot" data-role="plot" tabindex="0" role="slider" data-say-label="activationPlot.plotLabel" aria-valuemin="${X_MIN}" aria-valuemax="${X_MAX}" aria-valuenow="${PLOT_DEFAULTS.x}"><div class="panels" data-role="panels"><div class="panel"></div><div class="panel"></div></div></div>
<table><caption class="sr-only" data-say="activationPlot.tableCaption"></caption><thead><tr><th scope="col" data-role="x-head">x</th><th scope="col">f(x)</th><th scope="col">f′(x)</th></tr></thead><tbody data-role="rows"></tbody></table>
<p data-role="live" class="sr-only" aria-live="polite"></p>
<p data-role="message" role="alert" hidden></p>
<p class="engine" data-say="activationPlot.engine"></p>`;

export class ActivationPlotElement extends FmElement<ActivationPlotResult> {
  static observedAttributes = attributeNames(SPEC);
  private s: PlotSettings = PLOT_DEFAULTS;
  private view: import('./plot-view.ts').PlotView | null = null;
  private curves: Curve[] = [];
  /** What the sampled curves were sampled for (slope and functions): they are sampled again only when it changes. */
  private curvesKey = '';
  private shownError = '';
  /** The refused attributes' messages in force, kept to be said again in another language. */
  private errors: (string | Msg)[] = [];
  private values: ReturnType<typeof readout> = [];
  private readonly uid = `fm-ap-${++instances}`;

  get functions(): string { return this.s.functions.join(','); }
  set functions(v: string) { this.setAttribute('functions', v); }
  get slope(): number { return this.s.slope; }
  set slope(v: number) { this.setAttribute('slope', String(v)); }
  get x(): number { return this.s.x; }
  set x(v: number) { this.setAttribute('x', String(v)); }
  /** The sampled curves drawn, per function: x, f and f′ (float64). */
  async getCurves(): Promise<{ name: string; x: number[]; f: number[]; df: number[] }[]> {
    await this.ready;
    return this.curves.map((c) => ({ name: c.name, x: [...c.x], f: [...c.f], df: [...c.df] }));
  }

  attributeChangedCallback(): void {
    if (this.view) this.update();
  }

  protected render(): void {
    this.root.innerHTML = SHELL;
    this.sayShell();
    this.$('plot').setAttribute('aria-valuetext', this.t('activationPlot.notComputed'));
    adoptStyles(this.root, `${PALETTE_CSS}${css}`);
    for (const box of this.root.querySelectorAll<HTMLInputElement>('input[data-fn]')) {
      box.addEventListener('change', () => {
        const on = [...this.root.querySelectorAll<HTMLInputElement>('input[data-fn]')].filter((b) => b.checked).map((b) => b.dataset.fn!);
        if (on.length === 0) { box.checked = true; this.emitError(msg('activationPlot.keepOne')); return; }
        this.setAttribute('functions', on.join(','));
      });
    }
    const slope = this.$<HTMLInputElement>('slope');
    slope.addEventListener('change', () => this.setAttribute('slope', slope.value));
    const plot = this.$('plot');
    plot.addEventListener('keydown', (e) => {
      const step = e.shiftKey ? 1 : 0.1;
      const to = { ArrowRight: this.s.x + step, ArrowUp: this.s.x + step, ArrowLeft: this.s.x - step, ArrowDown: this.s.x - step, Home: X_MIN, End: X_MAX }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      this.setAttribute('x', String(clampX(to)));
    });
    plot.addEventListener('pointermove', (e) => {
      const svg = (e.target as Element).closest('svg');
      if (svg && this.view) this.setAttribute('x', String(clampX(this.view.xAt(svg, e.clientX))));
    });
    // The read-out table is pure arithmetic: filled with the shell, so it holds its place before the panels are drawn.
    this.update(false);
  }

  protected async start(): Promise<void> {
    const { PlotView } = await importAgain(() => import('./plot-view.ts'));
    const view = new PlotView(this.uid, this.t('activationPlot.xAxis'));
    // The panels' frames and their first curves are each a task of their own: together, with d3's code run for the
    // first time, they held the main thread 79 ms on an embed page here (over 300 on a phone).
    await yieldToPage();
    this.view = view;
    this.$('panels').replaceWith(view.el);
    this.update();
  }

  protected teardown(): void {}

  /** Says the shell, the table, the read-out and any refused value's message again; nothing is recomputed. */
  protected override onLangChange(): void {
    this.sayShell();
    this.view?.setXTitle(this.t('activationPlot.xAxis'));
    if (this.values.length) this.showTable(this.values);
    if (this.errors.length) this.showMessage(this.errorText(), 'error');
  }

  private sayShell(): void {
    for (const e of this.root.querySelectorAll<HTMLElement>('[data-say]')) e.textContent = this.t(e.dataset.say as MessageKey);
    this.$('slope-label').textContent = this.t('activationPlot.slope', { name: 'Leaky ReLU' });
    for (const e of this.root.querySelectorAll<HTMLElement>('[data-say-label]')) e.setAttribute('aria-label', this.t(e.dataset.sayLabel as MessageKey));
  }

  /** The refused values' messages in the element's language (Chinese sentences take no space between them). */
  private errorText(): string {
    return saySentences(this.language, this.errors);
  }

  private $<T extends HTMLElement = HTMLElement>(role: string): T {
    return this.root.querySelector<T>(`[data-role="${role}"]`)!;
  }

  /**
   * Reads every attribute, keeps the last good value of any that fails, and redraws. `report` false (the shell):
   * the table only, no message or event yet; start() draws the panels and reports.
   */
  private update(report = true): void {
    const t0 = performance.now();
    const errors: (string | Msg)[] = [];
    let next: PlotSettings = { ...this.s };
    for (const name of PLOT_ATTRS) {
      const raw = this.getAttribute(name);
      try {
        next = { ...next, ...(raw === null ? { [name]: PLOT_DEFAULTS[name as PlotAttr] } : PLOT_PARSE[name](raw)) };
      } catch (e) {
        if (!(e instanceof ParamError)) throw e;
        errors.push(e.said);
      }
    }
    this.s = next;
    const values = readout(this.s.functions, this.s.slope, this.s.x);
    this.values = values;
    this.showTable(values);
    if (!report || !this.view) return;
    // The curves are sampled when first drawn (not with the shell) and again only when what they show changes.
    const key = `${this.s.slope} ${this.s.functions.join()}`;
    if (key !== this.curvesKey) {
      this.curves = this.s.functions.map((n) => sampleCurve(n, this.s.slope));
      this.curvesKey = key;
    }
    this.view.draw(this.curves, { x: this.s.x, values });
    this.errors = errors;
    // Compared in English: the same refusals said again are not a new error.
    const text = errors.map((m) => say('en', m)).join(' ');
    if (text !== this.shownError) {
      this.shownError = text;
      if (text) this.emitError(this.errorText()); else this.clearMessage();
    }
    this.emitResult({ backend: 'reference', ms: performance.now() - t0, x: this.s.x, slope: this.s.slope, functions: [...this.s.functions], values });
  }

  private showTable(values: ReturnType<typeof readout>): void {
    for (const box of this.root.querySelectorAll<HTMLInputElement>('input[data-fn]')) box.checked = this.s.functions.includes(box.dataset.fn as ActivationName);
    const slope = this.$<HTMLInputElement>('slope');
    if (this.root.activeElement !== slope) slope.value = String(this.s.slope);
    const xText = formatValue(this.s.x);
    this.$('x-head').textContent = this.t('activationPlot.atX', { x: xText });
    this.$('rows').replaceChildren(...values.map((v) => {
      const tr = document.createElement('tr');
      tr.dataset.name = v.name;
      for (const t of [say(this.language, activationLabel(v.name, this.s.slope)), formatValue(v.f), formatValue(v.df)]) {
        const td = document.createElement('td');
        td.textContent = t;
        tr.append(td);
      }
      return tr;
    }));
    const words = chain(values.map((v) => msg('activationPlot.value', { label: activationLabel(v.name, this.s.slope), f: formatValue(v.f), df: formatValue(v.df) })), 'engine.steps.and')!;
    const readoutText = this.t('activationPlot.readout', { x: xText, values: words });
    const plot = this.$('plot');
    plot.setAttribute('aria-valuenow', String(this.s.x));
    plot.setAttribute('aria-valuetext', readoutText);
    this.$('live').textContent = readoutText;
  }
}

define('fm-activation-plot', ActivationPlotElement);
declare global { interface HTMLElementTagNameMap { 'fm-activation-plot': ActivationPlotElement } }
