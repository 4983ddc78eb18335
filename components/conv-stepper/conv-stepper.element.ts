/**
 * @summary `<fm-conv-stepper>`: a small input and kernel with their numbers; the reader steps, plays or scrubs
 * the sliding window and sees each output's multiply-adds and the output filling in. The arithmetic is the
 * book's float64 reference convolution (`src/lib/conv/reference.ts`), unrolled by `src/lib/conv/stepper.ts`.
 *
 * @attr input-size 3–9 (default 7) · @attr kernel preset or rows, ≤ 5×5 (default sobel-x) · @attr stride 1–3
 * @attr padding valid|same|0–3 · @attr dilation 1–3 · @attr seed integer (input cells 0–9 from the LCG)
 * @attr step the output being computed, 0-based; reflected as the reader steps (round-trips through embed URLs)
 * @event fm-result `{ backend: 'reference', ms, step, outputIndex: [row, col], value, products }` after each step
 * @event fm-error `{ message }` when an attribute cannot be used (the last good value stays in force)
 */
import '@lib/engine/global.ts';
import { FmElement, define } from '@lib/widget/fm-element.ts';
import { prefersReducedMotion } from '@lib/widget/reduced-motion.ts';
import { ParamError, parseInteger, type Padding } from '@lib/params/index.ts';
import { formatKernel, PRESETS } from '@lib/conv/kernels.ts';
import { equation, formatNumber, planSteps, stepperInput, type StepperPlan } from '@lib/conv/stepper.ts';
import { describeStep, drawGrids, gridWords, labelGrids, labelShell, markOutput, markWindow, SHELL, type Cells } from './stepper-view.ts';
import { saySentences, type Msg } from '@lib/i18n/index.ts';
import { DEFAULTS, PARSE, pick, SETTINGS_ATTRS, type Settings } from './stepper-settings.ts';
import css from './conv-stepper.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames, reflect, type Reflected } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import type { ConvStepperResult, StepProduct } from './result.ts';
import { focusWhileScrolling } from '@lib/widget/scroll-focus.ts';
import type { Sliced } from '@lib/schedule/slices.ts';

type Plain = { data: Float32Array; shape: number[] };

export class ConvStepperElement extends FmElement<ConvStepperResult> {
  static observedAttributes = attributeNames(SPEC);
  private good: Settings = DEFAULTS;
  private input: number[] = [];
  private plan: StepperPlan | null = null;
  private planKey = '';
  private current = 0;
  private shownError = '';
  private kernelName = '';
  /** The messages in force (said again when the language changes). */
  private errors: (string | Msg)[] = [];
  private playing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queued = false;
  private running = false;
  private cells: Cells = { input: [], kernel: [], products: [], output: [] };
  private motion: MediaQueryList | null = null;

  // input-size, kernel (its text), stride, padding, dilation, seed: the settings in force; step: the window shown.
  static { reflect(this, SPEC, (el) => ({ ...el.good, kernel: el.good.kernelText, step: el.current })); }
  /** Number of output values, i.e. window positions, under the settings in force. */
  get stepCount(): number { return this.plan?.steps.length ?? 0; }

  async getInput(): Promise<Plain> {
    await this.ready;
    return { data: Float32Array.from(this.input), shape: [1, this.good.inputSize, this.good.inputSize, 1] };
  }
  async getKernel(): Promise<Plain> {
    await this.ready;
    return { data: Float32Array.from(this.good.kernel.values), shape: [this.good.kernel.rows, this.good.kernel.cols, 1, 1] };
  }
  async getOutput(): Promise<Plain> {
    await this.ready;
    return { data: Float32Array.from(this.plan!.output), shape: [1, this.plan!.outH, this.plan!.outW, 1] };
  }

  attributeChangedCallback(): void {
    if (!this.running || this.queued) return;
    this.queued = true;
    queueMicrotask(() => { this.queued = false; this.update(); });
  }

  /** In two parts, the shell and its first step (FmElement: drawn in idle time, a part per idle moment). */
  protected *render(): Sliced<void> {
    this.root.innerHTML = SHELL;
    labelShell(this.root, this.language);
    adoptStyles(this.root, css);
    const q = <T extends Element>(sel: string) => this.root.querySelector<T>(sel)!;
    for (const select of this.root.querySelectorAll<HTMLSelectElement>('select[data-attr]')) {
      select.addEventListener('change', () => { if (select.value) this.setAttribute(select.dataset.attr!, select.value); });
    }
    q('[data-act="prev"]').addEventListener('click', () => this.go(this.current - 1));
    q('[data-act="next"]').addEventListener('click', () => this.go(this.current + 1));
    q('[data-act="play"]').addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    const scrub = q<HTMLInputElement>('[data-role="scrub"]');
    scrub.addEventListener('input', () => this.go(Number(scrub.value)));
    this.motion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    const onMotion = () => this.setAttribute('data-motion', prefersReducedMotion() ? 'reduce' : 'full');
    onMotion();
    this.motion?.addEventListener('change', onMotion);
    this.onDisconnect(() => this.motion?.removeEventListener('change', onMotion));
    // A grid wider than the column scrolls inside its figure (the stylesheet), which then takes focus.
    this.onDisconnect(focusWhileScrolling([...this.root.querySelectorAll<HTMLElement>('figure.scroll')].map((box) => ({ box, content: box.querySelector('.grid') }))));
    yield;
    // The first step is drawn with the shell (pure and cheap: a few dozen multiply-adds), so the grids, the equation
    // and the read-out already hold their final places when the page first paints; start() reports it.
    this.planKey = '';
    this.update(false);
  }

  protected async start(): Promise<void> {
    this.running = true;
    this.update();
  }

  protected teardown(): void {
    this.pause();
    this.running = false;
  }

  protected onVisibilityChange(): void {
    if (this.playing) this.schedule();
  }

  /**
   * Reads every attribute, keeps the last good value of any that fails, and redraws what changed. `report` false
   * (the shell's drawing): no message, event or attribute change yet; start() reports.
   */
  private update(report = true): void {
    const t0 = performance.now();
    const errors: (string | Msg)[] = [];
    const next: Settings = { ...this.good };
    for (const name of SETTINGS_ATTRS) {
      const raw = this.getAttribute(name);
      try {
        Object.assign(next, raw === null ? pick(DEFAULTS, name, next) : PARSE[name](raw, next));
      } catch (e) {
        if (!(e instanceof ParamError)) throw e;
        errors.push(e.said);
      }
    }
    const input = stepperInput(next.seed, next.inputSize);
    let plan = planSteps(input, next.inputSize, next.kernel, next);
    if ('error' in plan) {
      errors.push(plan.error);
      if (!this.plan) this.useSettings(DEFAULTS, stepperInput(DEFAULTS.seed, DEFAULTS.inputSize));
      plan = this.plan ?? (planSteps(this.input, DEFAULTS.inputSize, DEFAULTS.kernel, DEFAULTS) as StepperPlan);
    } else {
      this.useSettings(next, input);
    }
    const key = JSON.stringify([this.good.inputSize, this.good.seed, this.good.kernel, this.good.stride, this.good.padding, this.good.dilation]);
    // When the settings change under the reader, an out-of-range step is clamped silently: they keep their place.
    const settingsChanged = key !== this.planKey && this.plan !== null;
    const last = plan.steps.length - 1;
    const rawStep = this.getAttribute('step');
    let step = Math.min(this.current, last);
    let badStep = false;
    if (rawStep !== null) {
      try { step = parseInteger('step', rawStep, 0, last); } catch (e) {
        if (!(e instanceof ParamError)) throw e;
        if (!settingsChanged) { errors.push(e.said); badStep = true; }
      }
    }
    if (key !== this.planKey) {
      this.plan = plan;
      this.planKey = key;
      this.drawPlan();
    }
    if (!report) return this.show(step, 0, false);
    this.showErrors(errors);
    this.show(step, performance.now() - t0);
    if (rawStep !== null && rawStep !== String(step) && !badStep) this.setAttribute('step', String(step));
  }

  private useSettings(s: Settings, input: number[]): void {
    this.good = s;
    this.input = input;
  }

  private drawPlan(): void {
    const { kernel, kernelText, inputSize, seed, stride, dilation } = this.good;
    const preset = (PRESETS as readonly string[]).find((p) => p === kernelText.toLowerCase()) ?? '';
    const plan = this.plan!;
    this.cells = drawGrids(this.root, plan, this.input, kernel);
    this.kernelName = preset || formatKernel(kernel);
    labelGrids(this.root, this.language, plan, this.input, kernel, { kernelName: this.kernelName, seed, stride, dilation });
    const scrub = this.root.querySelector<HTMLInputElement>('[data-role="scrub"]')!;
    scrub.max = String(plan.steps.length - 1);
    for (const select of this.root.querySelectorAll<HTMLSelectElement>('select[data-attr]')) {
      const attr = select.dataset.attr!;
      select.value = attr === 'kernel' ? preset : String(attr === 'input-size' ? inputSize : this.good[attr as 'stride']);
    }
  }

  /** Moves to output `index` (the only place `current` changes) and reports it (unless `report` is false). */
  private show(index: number, ms: number, report = true): void {
    const plan = this.plan!;
    const step = plan.steps[index]!;
    this.current = index;
    markWindow(this.cells.input, plan, step);
    markOutput(this.cells.output, plan, index);
    step.taps.forEach((t, i) => {
      this.cells.products[i]!.textContent = formatNumber(t.product);
      this.cells.products[i]!.toggleAttribute('data-padding', t.padded);
    });
    this.root.querySelector('[data-role="equation"]')!.textContent = equation(step);
    const scrub = this.root.querySelector<HTMLInputElement>('[data-role="scrub"]')!;
    scrub.value = String(index);
    // Not disabled at the ends: a disabled button would drop the keyboard focus of a reader pressing it.
    this.root.querySelector('[data-act="prev"]')!.setAttribute('aria-disabled', String(index === 0));
    this.root.querySelector('[data-act="next"]')!.setAttribute('aria-disabled', String(index === plan.steps.length - 1));
    this.sayStep();
    if (!report) return;
    const products = step.taps.map(({ ky, kx, iy, ix, padded, x, w, product }): StepProduct => ({ kernel: [ky, kx], input: [iy, ix], padded, x, w, product }));
    this.emitResult({ backend: 'reference', ms, step: index, outputIndex: [step.oy, step.ox], value: step.value, products });
  }

  /** The words of the step shown (the live region, the slider's value text, the products' and output's labels). */
  private sayStep(): void {
    const plan = this.plan!;
    const step = plan.steps[this.current]!;
    const lang = this.language;
    const { short, long } = describeStep(lang, plan, step);
    this.root.querySelector('[data-role="live"]')!.textContent = long;
    this.root.querySelector('[data-role="scrub"]')!.setAttribute('aria-valuetext', short);
    const { rows, cols } = this.good.kernel;
    this.root.querySelector('[data-grid="products"]')!.setAttribute('aria-label', this.t('convStepper.productsLabel', { step: short, grid: gridWords(lang, rows, cols, (r, c) => formatNumber(step.taps[r * cols + c]!.product)) }));
    this.root.querySelector('[data-grid="output"]')!.setAttribute('aria-label', this.t('convStepper.outputLabel', { written: step.index + 1, count: plan.steps.length, value: formatNumber(step.value) }));
  }

  private showErrors(errors: (string | Msg)[]): void {
    const text = this.said(errors, 'en');
    if (text === this.shownError) return;
    this.shownError = text;
    this.errors = errors;
    if (text) this.emitError(this.said(errors, this.language));
    else this.clearMessage();
  }

  /** The messages in force, in `lang`, joined (Chinese sentences take no space between them). */
  private said(errors: (string | Msg)[], lang = this.language): string {
    return saySentences(lang, errors);
  }

  protected onLangChange(): void {
    labelShell(this.root, this.language);
    this.setPlaying(this.playing);
    if (this.errors.length) this.showMessage(this.said(this.errors), 'error');
    if (!this.plan) return;
    const { seed, stride, dilation, kernel } = this.good;
    labelGrids(this.root, this.language, this.plan, this.input, kernel, { kernelName: this.kernelName, seed, stride, dilation });
    this.sayStep();
  }

  /** The reader's move: reflected to the `step` attribute, which redraws through `update`. */
  private go(index: number): void {
    if (!this.plan) return;
    const clamped = Math.max(0, Math.min(index, this.plan.steps.length - 1));
    this.setAttribute('step', String(clamped));
  }

  private play(): void {
    if (!this.plan) return;
    if (this.current >= this.plan.steps.length - 1) this.go(0);
    this.setPlaying(true);
    this.schedule();
  }

  private pause(): void {
    this.setPlaying(false);
    clearTimeout(this.timer);
  }

  private setPlaying(on: boolean): void {
    this.playing = on;
    this.toggleAttribute('data-playing', on);
    const button = this.root.querySelector('[data-act="play"]');
    if (button) button.textContent = this.t(on ? 'convStepper.pause' : 'convStepper.play');
  }

  /** One tick at a time, only while on screen and the tab is visible; slower and without tweening for reduced motion. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.playing || !this.active) return;
    this.timer = setTimeout(() => {
      if (!this.plan || this.current >= this.plan.steps.length - 1) return this.pause();
      this.go(this.current + 1);
      this.schedule();
    }, prefersReducedMotion() ? 1500 : 700);
  }
}

define('fm-conv-stepper', ConvStepperElement);
export interface ConvStepperElement extends Reflected<typeof SPEC> {}
declare global { interface HTMLElementTagNameMap { 'fm-conv-stepper': ConvStepperElement } }
