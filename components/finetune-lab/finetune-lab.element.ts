/**
 * @summary `<fm-finetune-lab>`: transfer learning by hand. Up to three runs side by side, each a source model
 * (digits 0–4 CNN, Fashion-MNIST CNN or random initialisation), a target task, labelled examples per class and a
 * strategy (what to freeze, learning rate, head multiplier, epochs, augmentation); they train in turn on the
 * engine with live validation curves (images held back from the training pool), then show the test accuracy,
 * measured once after the last epoch, with per-class accuracy and a confusion matrix on the same test images whose
 * cells list their images. Logic in src/lib/transfer; contract in README.md beside this file.
 *
 * @attr source · target · per-class · freeze · lr · head-lr · epochs · augment — run A (see README for values)
 * @attr compare runs B and C as overrides of A: `compare="source=random freeze=none; epochs=3"`
 * @attr seed · holdout (test images per class) — shared by all runs
 * Target `custom` trains on the reader's own doodle classes, read from `<fm-doodle-classes>`'s saved drawings on
 * start and after each `fm-doodles-saved` (or given by a host through `setCustomTarget`).
 * @event fm-result `{ backend, ms, trained, runs: RunSummary[], fallbackReason }` once ready (trained: false) and after each Train
 * @event fm-progress `{ run, phase, done, total, epoch, epochs }` while training
 * @event fm-error `{ message }` for an unusable attribute (the last good value stays) or a run that failed
 */
import type { Sliced } from '@lib/schedule/slices.ts';
import '@lib/engine/global.ts';
import '@components/device-badge/device-badge.element.ts';
import { define } from '@lib/widget/fm-element.ts';
import { saySentences, msg, say, type Msg } from '@lib/i18n/index.ts';
import { EngineElement } from '@lib/widget/engine-element.ts';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import type { EngineScope } from '@lib/engine/scope.ts';
import { ParamError } from '@lib/params/index.ts';
import { MAX_RUNS, RUN_KEYS, RUN_PARSE, formatCompare, runLabel, type RunAttr, type RunConfig } from '@lib/transfer/config.ts';
import { LAB_ATTRS, LAB_START, withLabAttribute, type LabAttr, type LabState } from './lab-settings.ts';
import { customTaskProblem, type CustomTask } from '@lib/transfer/targets.ts';
import { FORM_HTML, bindForm, sayForm, syncButtons, syncForm } from './lab-form.ts';
import { doodleNote, watchDoodles, type DoodleNews } from './lab-doodles.ts';
import { slotCard, showSlot, summary, type RunSummary, type Slot } from './lab-results.ts';
import type { LabProgress, LabRunner } from './lab-runner.ts';
import { Job } from '@lib/job/job.ts';
import css from './finetune-lab.css?inline';
import { SPEC } from './attributes.ts';
import { attributeNames } from '@lib/widget/attribute-spec.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import { headingLevelAfter } from '@lib/widget/heading-level.ts';
import type { FinetuneLabResult } from './result.ts';
import { importAgain } from '@lib/widget/import-again.ts';

type Heavy = { engine: Engine; runner: LabRunner; charts: import('./lab-chart.ts').LabCharts };
/** What "Add a run" adds: first a from-scratch baseline, then full fine-tuning. */
const ADDED: Partial<RunConfig>[] = [{ source: 'random', freeze: 'none' }, { freeze: 'none' }];

const SHELL = `${FORM_HTML}
<p data-role="message" role="alert" hidden></p>
<p class="live" data-role="live" aria-live="polite"></p>
<div class="charts"><figure data-role="loss-chart"><figcaption data-i18n="finetuneLab.lossCaption"></figcaption><div class="plot"></div></figure>
<figure data-role="acc-chart"><figcaption data-i18n="finetuneLab.accCaption"></figcaption><div class="plot"></div></figure></div>
<div class="results" data-role="results"></div>
<p data-role="summary" class="summary-all" data-i18n="finetuneLab.pressTrain"></p>
<p class="engine"><fm-device-badge></fm-device-badge> <span data-role="timing">&nbsp;</span></p>`;

export class FinetuneLabElement extends EngineElement<Heavy, FinetuneLabResult> {
  static observedAttributes = attributeNames(SPEC);
  /** The settings in force (lab-settings.ts). */
  private st: LabState = LAB_START;
  private errors = new Map<string, string | Msg>();
  private custom: CustomTask | null = null;
  /** What the saved doodles gave when last read (null: not read yet). */
  private doodles: DoodleNews | null = null;
  private fromDoodles = false;
  private slots: Slot[] = [];
  private firstResult = true;

  get seed(): number { return this.st.lab.seed; }
  set seed(v: number) { this.setAttribute('seed', String(v)); }
  get holdout(): number { return this.st.lab.holdout; }
  set holdout(v: number) { this.setAttribute('holdout', String(v)); }
  get compare(): string { return this.st.compareText; }
  set compare(v: string) { this.setAttribute('compare', v); }
  /** The runs in force (A, then B and C from `compare`), as parsed. */
  get runs(): RunConfig[] { return [this.st.base, ...this.st.extra].map((r) => ({ ...r })); }
  get running(): boolean { return this.heavy?.runner.running ?? false; }
  /** One plain summary per run of the last Train (curves, accuracy, per-class, confusion, timings). */
  getResults(): RunSummary[] { return this.slots.map((s, i) => summary(i, s)); }
  /**
   * Per run of the last Train, where its images came from: positions in the packed digits splits (`train`,
   * `validation` in digits/train; `test` in digits/test), so the sets can be checked disjoint; null for the
   * reader's own classes and for a run that has not loaded its data.
   */
  getSources(): ({ train: number[]; validation: number[]; test: number[] } | null)[] {
    return this.slots.map((s) => (s.data?.sources ? structuredClone(s.data.sources) : null));
  }

  /** The reader's own classes for `target="custom"` (the lab also reads them from the saved doodles itself; the
   *  latest wins). Returns why they cannot be used (also shown in the widget), or null when taken; null clears them. */
  setCustomTarget(task: CustomTask | null): string | null {
    const problem = this.useCustom(task, false);
    return problem && say('en', problem);
  }

  private useCustom(task: CustomTask | null, fromDoodles: boolean): Msg | null {
    const problem = task && customTaskProblem(task);
    if (problem) this.emitError(problem);
    else [this.custom, this.fromDoodles] = [task, fromDoodles && task !== null];
    this.sync();
    return problem;
  }

  /** Queues every run on the engine; resolves with their summaries (cancelled runs included). */
  async train(): Promise<RunSummary[]> {
    const heavy = await this.whenLoaded();
    if (heavy.runner.running) return this.getResults();
    const scope = this.scope;
    // One Job for the whole Train: paused out of view, and an unexpected failure ends in status="error" + Retry.
    const job = new Job<LabProgress>();
    job.on('progress', (p) => this.dispatchEvent(new CustomEvent('fm-progress', { detail: p.payload, bubbles: true, composed: true })));
    const out = await this.jobs.run(job, (j) => heavy.runner.train(j, this.runs, { ...this.st.lab }, this.custom), () => void this.train());
    // A run that failed on a device lost just now is restarted once the new scope is there (onScopeLost).
    this.failedScope = out?.some((r) => r.state === 'error') ? scope : null;
    // Runs that could not run (a file that did not arrive, say) have said why: Retry trains the set-up again.
    if (this.failedScope) this.offerRetry(() => void this.train());
    this.sync(); // marks runs whose set-up changed while they trained
    return out ?? this.getResults();
  }
  pause(): void { this.heavy?.runner.pause(); }
  resume(): void { this.heavy?.runner.resume(); }
  /** Stops every run of this lab now (the step in flight finishes on the device in the background). */
  cancel(): void { this.heavy?.runner.cancel(); }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    // Until the shell's last part, which reads every attribute.
    if (!this.shellDrawn) return;
    this.apply(name as LabAttr, value);
  }

  /** Whether render() has run to its end (the shell is drawn in two parts: FmElement, drawn in idle time). */
  private shellDrawn = false;

  protected *render(): Sliced<void> {
    if (this.shellDrawn) return;
    this.root.innerHTML = SHELL;
    adoptStyles(this.root, css);
    sayForm(this.root, this.language);
    syncButtons(this.root, false, false, this.language);
    bindForm(this.root, {
      run: (i, attr, value) => this.editRun(i, attr, value),
      lab: (attr, value) => this.setAttribute(attr, value),
      action: (name) => {
        if (name === 'train') void this.train();
        else if (name === 'cancel') this.cancel();
        else if (name === 'pause') this.heavy?.runner.paused ? this.resume() : this.pause();
        else this.setRuns([...this.st.extra, { ...this.st.base, ...ADDED[this.st.extra.length] }]);
      },
      remove: (i) => this.setRuns(this.st.extra.filter((_, k) => k !== i - 1)),
    });
    yield;
    for (const n of LAB_ATTRS) if (this.hasAttribute(n)) this.apply(n, this.getAttribute(n), false);
    this.sync();
    this.shellDrawn = true;
  }

  private apply(name: LabAttr, raw: string | null, sync = true): void {
    this.st = withLabAttribute(this.st, name, raw, this.errors);
    const text = this.errorText();
    if (text) this.emitError(this.errors.size === 1 ? [...this.errors.values()][0]! : text);
    else if (this.running) this.showMessage(msg('finetuneLab.settingsChanged'));
    else this.clearMessage();
    if (sync) this.sync();
  }

  private errorText(): string {
    return saySentences(this.language, [...this.errors.values()]);
  }

  /** Every text again in the new language, from what is on screen: no run is touched. */
  protected onLangChange(): void {
    sayForm(this.root, this.language);
    this.sync();
    if (this.errors.size > 1 && this.status !== 'error') this.showMessage(this.errorText(), 'error');
    if (this.heavy) {
      this.heavy.charts.sayLabels(this.language);
      this.heavy.runner.sayAgain();
    } else syncButtons(this.root, false, false, this.language);
  }

  private editRun(i: number, attr: RunAttr, value: string): void {
    if (i === 0) return this.setAttribute(attr, value);
    try {
      const next = this.st.extra.map((r, k) => (k === i - 1 ? { ...r, [RUN_KEYS[attr]]: RUN_PARSE[attr](value) } : r));
      this.setRuns(next);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      this.emitError(msg('finetuneLab.runError', { run: runLabel(i), error: e.said }));
      this.sync();
    }
  }

  private setRuns(extra: RunConfig[]): void {
    const text = formatCompare([this.st.base, ...extra.slice(0, MAX_RUNS - 1)]);
    if (text) this.setAttribute('compare', text);
    else this.removeAttribute('compare');
  }

  private sync(): void {
    const custom = this.runs.filter((r) => r.target === 'custom').map((r) => r.perClass);
    // Until the saved drawings are read (with the heavy part), the note keeps its room, unless a host's classes hide it.
    const note = this.doodles ? (this.fromDoodles || !this.custom ? doodleNote(this.doodles, custom.length ? Math.max(...custom) : null, this.language) : '') : this.custom ? '' : null;
    syncForm(this.root, this.runs, this.st.lab, { classes: this.custom?.classNames.length ?? null, fromDoodles: this.fromDoodles, note }, this.language);
    this.heavy?.runner.markStale(this.runs);
  }

  protected async load(): Promise<Heavy> {
    const doodles = watchDoodles((news) => {
      this.doodles = news;
      // Unusable drawings clear only classes that came from drawings, never a host's setCustomTarget.
      if (news.kind === 'task' || this.fromDoodles) this.useCustom(news.kind === 'task' ? news.task : null, true);
      else this.sync();
    });
    this.onDisconnect(doodles.stop);
    await doodles.first; // so that `ready` knows the reader's classes
    const [engine, runnerMod, chartMod] = await Promise.all([getEngine(), importAgain(() => import('./lab-runner.ts')), importAgain(() => import('./lab-chart.ts'))]);
    const $ = (role: string) => this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    const plot = (role: string) => $(role).querySelector<HTMLElement>('.plot')!;
    const charts = await chartMod.LabCharts.create(plot('loss-chart'), plot('acc-chart'), () => this.language);
    const runner = await runnerMod.createRunner(this, this.root, charts, () => this.language);
    return { engine, runner, charts };
  }

  protected async compute(): Promise<void> {
    const heavy = this.heavy;
    if (!heavy) return;
    if (this.firstResult) {
      this.firstResult = false;
      heavy.charts.sayLabels(this.language); // the language may have changed while the charts were loading
      this.emitResult({ backend: heavy.engine.backend, ms: 0, trained: false, runs: [], fallbackReason: heavy.engine.fallbackReason ?? null });
    } else if (this.restartRuns) {
      // A new engine scope (device lost): the runs stopped there start again on the new backend.
      this.restartRuns = false;
      const { backend, fallbackReason } = heavy.engine;
      this.showMessage(fallbackReason ? msg('finetuneLab.engineChangedWhy', { backend, reason: fallbackReason }) : msg('finetuneLab.engineChanged', { backend }));
      void this.train();
    }
  }

  private restartRuns = false;
  private failedScope: EngineScope | null = null;

  /** Runs in progress on the lost scope — or that already failed there, the device gone first — start again. */
  protected onScopeLost(): void {
    if (this.heavy?.runner.running) {
      this.heavy.runner.cancel();
      this.restartRuns = true;
    } else if (this.failedScope && this.failedScope === this.scope) {
      this.restartRuns = true;
    }
    this.failedScope = null;
  }

  protected teardown(): void {
    super.teardown();
    this.heavy?.runner.dispose();
  }

  /** For the runner: the element's own status, messages and events. */
  report = {
    status: (s: 'running' | 'ready') => this.setStatus(s),
    error: (message: Msg) => this.emitError(message),
    result: (detail: FinetuneLabResult) => this.emitResult(detail),
    buttons: (running: boolean, paused: boolean) => syncButtons(this.root, running, paused, this.language),
    card: (i: number, slot: Slot, detail: boolean) => {
      const host = this.root.querySelector<HTMLElement>('[data-role="results"]')!;
      let card = host.querySelector<HTMLElement>(`[data-run="${i}"]`);
      if (!card) host.append((card = slotCard(i, headingLevelAfter(this))));
      showSlot(card, i, slot, detail, this.language);
    },
    clearCards: (n: number) => {
      for (const c of this.root.querySelectorAll<HTMLElement>('[data-role="results"] > [data-run]')) if (Number(c.dataset.run) >= n) c.remove();
    },
    slots: (slots: Slot[]) => { this.slots = slots; },
  };
}

define('fm-finetune-lab', FinetuneLabElement);
declare global { interface HTMLElementTagNameMap { 'fm-finetune-lab': FinetuneLabElement } }
