/**
 * The lab's runs on the engine, loaded with the element's heavy code: one Slot per run, each queued on the
 * page's engine queue; target data and source models fetched once and kept; progress, live curves and result
 * cards reported to the element. One Train is one Job (src/lib/job) shared by its runs: its pause (the reader's,
 * or the element's when out of view) and cancel act on the run in progress and on those queued. Cancel acts for
 * the reader at once (states, buttons, status) while the step already on the device finishes in the background;
 * a new Train queues behind it.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { getEngine } from '@lib/engine/index.ts';
import { getScope, type EngineScope } from '@lib/engine/scope.ts';
import type { Job, JobEvents } from '@lib/job/job.ts';
import { pausedText } from '@lib/widget/widget-jobs.ts';
import { DATA_BASE, MODELS_BASE } from '@lib/widget/assets.ts';
import { loadShippedModel } from '@lib/models/shipped.ts';
import { LabRun, TaskLoader, engineQueue, describeCancelled, describeConfig, describeCurve, describeResult, type EpochPoint, type RunProgress } from '@lib/transfer/index.ts';
import { runLabel, type LabSettings, type RunConfig } from '@lib/transfer/config.ts';
import type { CustomTask, TaskData } from '@lib/transfer/targets.ts';
import { limitPerClass, shortNote, withValidation } from '@lib/transfer/custom.ts';
import { WHERE } from './lab-form.ts';
import type { LabCharts } from './lab-chart.ts';
import { summary, type RunSummary, type Slot } from './lab-results.ts';
import type { FinetuneLabResult } from './result.ts';

export interface Report {
  status(s: 'running' | 'ready'): void;
  error(message: string): void;
  result(detail: FinetuneLabResult): void;
  buttons(running: boolean, paused: boolean): void;
  card(i: number, slot: Slot, detail: boolean): void;
  clearCards(n: number): void;
  slots(slots: Slot[]): void;
}

const PHASE_SHARE = { features: [0.05, 0.35], validating: [0.4, 0.4], training: [0.4, 0.55], testing: [0.95, 0.05] } as const;

/** The payload of the lab's progress events (and of `fm-progress`). */
export type LabProgress = RunProgress & { run: string };

export class LabRunner {
  running = false;
  private gen = 0;
  private job: Job<LabProgress> | null = null;
  private slots: Slot[] = [];
  /** Source models, per engine scope (a model on a lost device is never used again): the scope disposes them. */
  private sources = new Map<string, { scope: EngineScope; model: Promise<LayersModel> }>();
  private shownPaused = false;
  private loader = new TaskLoader(DATA_BASE);
  private report: Report;
  private charts: LabCharts;
  private root: ShadowRoot;

  constructor(report: Report, root: ShadowRoot, charts: LabCharts) {
    this.report = report;
    this.root = root;
    this.charts = charts;
  }

  private text(role: string, value: string): void {
    this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!.textContent = value;
  }

  get paused(): boolean {
    return this.running && (this.job?.paused ?? false);
  }

  /** Trains every run as `job` (the caller runs the job: WidgetJobs pauses it out of view and reports failures). */
  async train(job: Job<LabProgress>, runs: RunConfig[], lab: LabSettings, custom: CustomTask | null): Promise<RunSummary[]> {
    if (this.running) return this.slots.map((s, i) => summary(i, s));
    const gen = ++this.gen;
    this.job = job;
    this.shownPaused = false;
    const off = job.on('state', (e) => this.onState(gen, e));
    try {
      const out = this.trainAll(gen, runs, lab, custom);
      // A Train started out of view begins paused: say so once the buttons are up.
      this.onState(gen, { state: job.state, reasons: [], holding: job.holding });
      return await out;
    } finally {
      off();
      if (gen === this.gen) this.running = false;
    }
  }

  private async trainAll(gen: number, runs: RunConfig[], lab: LabSettings, custom: CustomTask | null): Promise<RunSummary[]> {
    const waiting = engineQueue.length > 0;
    this.running = true;
    this.report.status('running');
    this.report.buttons(true, false);
    this.slots = runs.map((config) => ({ config, state: 'queued', progress: 0, curve: [], note: waiting ? 'Waiting for the engine to finish the step in flight…' : 'Queued.' }));
    this.report.slots(this.slots);
    this.report.clearCards(runs.length);
    this.slots.forEach((s, i) => this.report.card(i, s, true));
    this.drawCharts();
    this.text('live', `Training ${runs.length} run${runs.length > 1 ? 's' : ''}, one after another.`);
    this.text('summary', `Training is under way (${runs.length} run${runs.length > 1 ? 's' : ''}): the results appear here when the last run finishes.`);
    const t0 = performance.now();
    await Promise.all(runs.map((_, i) => engineQueue.enqueue(() => this.runSlot(gen, i, lab, custom))));
    const out = this.slots.map((s, i) => summary(i, s));
    if (gen !== this.gen) return out;
    this.running = false;
    this.report.buttons(false, false);
    this.summarise();
    const engine = await getEngine();
    this.report.result({ backend: engine.backend, ms: performance.now() - t0, trained: true, runs: out, fallbackReason: engine.fallbackReason ?? null });
    return out;
  }

  private async runSlot(gen: number, i: number, lab: LabSettings, custom: CustomTask | null): Promise<void> {
    const job = this.job!;
    if (gen !== this.gen || !(await job.checkpoint())) return; // a paused Train starts no queued run
    const slot = this.slots[i]!;
    const set = (patch: Partial<Slot>, detail = false) => {
      if (gen !== this.gen) return;
      Object.assign(slot, patch);
      this.report.card(i, slot, detail);
    };
    const c = slot.config;
    try {
      set({ state: 'running', note: 'Loading the labelled examples, the validation and the test images…' });
      const own = c.target === 'custom' ? limitPerClass(withValidation(custom ?? fail(`target "custom" needs your own classes: draw at least 2 classes, 2 drawings each, in ${WHERE} first.`)), c.perClass) : null;
      const data: TaskData = c.target === 'custom' ? own!.task
        : await this.loader.load({ target: c.target, perClass: c.perClass, holdout: lab.holdout, seed: lab.seed }, (p) => set({ progress: 0.05 * (p.loaded / (p.total || 1)) }));
      if (c.source !== 'random') set({ note: `Loading the source model ${c.source}…` });
      const source = c.source === 'random' ? null : await this.source(c.source);
      const { tf } = await getEngine();
      if (gen !== this.gen) return;
      slot.data = data;
      const run = new LabRun(tf, {
        config: c, seed: lab.seed, data, source, job,
        onProgress: (p) => this.progress(gen, i, p),
        onEpoch: (point) => {
          if (gen !== this.gen) return;
          slot.curve.push(point);
          this.drawCharts();
          // While paused the live line keeps saying so (an epoch in flight when the pause came still ends).
          if (!this.shownPaused) this.text('live', point.valAccuracy === null ? `Run ${runLabel(i)}, epoch ${point.epoch} of ${c.epochs}: training loss ${point.trainLoss?.toFixed(3)}.`
            : `Run ${runLabel(i)}, epoch ${point.epoch} of ${c.epochs}: validation accuracy ${(100 * point.valAccuracy).toFixed(1)}%.`);
        },
      });
      const result = await run.run();
      const note = `Finished in ${(result.totalMs / 1000).toFixed(1)} s: ${(result.msPerEpoch / 1000).toFixed(2)} s per epoch, batches of ${result.batchSize}` +
        (result.path === 'features' ? `, after ${(result.featureMs / 1000).toFixed(1)} s computing the frozen layers' features once.` : ', every layer run on every batch.') +
        ` Curves on ${result.counts.validation ? `${result.counts.validation} validation images (never trained on)` : 'the training loss only (no validation set: a class has too few drawings to spare one)'}; test accuracy on ${result.counts.test} test images, measured once after the last epoch.` +
        (own && own.short.length ? ` ${shortNote(c.perClass, own.short)}` : '') +
        (c.perClass <= 2 ? ` With ${c.perClass} example${c.perClass > 1 ? 's' : ''} per class, expect results to change a lot with the seed.` : '');
      // After the reader's Cancel (gen moved on) the card and the live line already say so: the step that was on
      // the device finishing in the background changes neither.
      if (gen !== this.gen) return;
      const stopped = result.cancelled ? describeCancelled(slot.curve, c.epochs, true) : null;
      set({ state: stopped ? 'cancelled' : 'done', progress: 1, result, note: stopped ?? note }, true);
      this.text('live', stopped ? describeCancelled(slot.curve, c.epochs, true, runLabel(i)) : `Run ${runLabel(i)} finished: ${describeResult(result, data.classNames)}`);
    } catch (err) {
      if (gen !== this.gen) return;
      const message = (err as Error).message;
      set({ state: 'error', note: `This run stopped: ${message}` });
      this.report.error(`Run ${runLabel(i)} could not run: ${message}`);
    }
  }

  private async source(name: string): Promise<LayersModel> {
    const scope = await getScope();
    let entry = this.sources.get(name);
    if (entry?.scope !== scope) {
      const model = loadShippedModel(scope.engine.tf, name, MODELS_BASE).then((m) => scope.own(m)).catch((err: Error) => {
        if (this.sources.get(name)?.model === model) this.sources.delete(name);
        throw new Error(`the source model ${name} could not be loaded (${err.message})`);
      });
      this.sources.set(name, (entry = { scope, model }));
    }
    return entry.model;
  }

  private progress(gen: number, i: number, p: RunProgress): void {
    if (gen !== this.gen) return;
    const slot = this.slots[i]!;
    const [from, share] = PHASE_SHARE[p.phase];
    slot.progress = p.phase === 'validating' ? slot.progress : from + share * (p.done / (p.total || 1));
    slot.note = p.phase === 'features' ? `Computing the frozen layers' features once: ${p.done} of ${p.total} images…`
      : p.phase === 'training' ? `Epoch ${p.epoch} of ${p.epochs}: step ${p.done} of ${p.total}, training loss ${p.loss?.toFixed(3)}`
        : p.phase === 'testing' ? `Trained: measuring the test images, once: ${p.done} of ${p.total}…`
          : `Evaluating the validation images (${p.epoch === 0 ? 'before training' : `epoch ${p.epoch}`}): ${p.done} of ${p.total}…`;
    this.report.card(i, slot, false);
    this.job?.progress(p.phase, p.done, p.total, { run: runLabel(i), ...p });
  }

  /** Buttons and the live line follow the job's pauses, whoever asked for them. */
  private onState(gen: number, e: JobEvents<LabProgress>['state']): void {
    if (gen !== this.gen || !this.running || !this.job) return;
    const paused = e.state === 'paused';
    if (paused === this.shownPaused) return;
    this.shownPaused = paused;
    this.report.buttons(true, paused);
    this.text('live', paused ? `${pausedText(this.job)}.` : 'Resumed.');
  }

  private drawCharts(): void {
    this.charts.update(this.slots.map((s, run) => ({ run, points: s.curve })), Math.max(1, ...this.slots.map((s) => s.config.epochs)));
  }

  private summarise(): void {
    const lines = this.slots.map((s, i) => `Run ${runLabel(i)} (${describeConfig(s.config)}): ${s.result && s.data ? `${describeResult(s.result, s.data.classNames)} Curve: ${describeCurve(s.curve)}.` : s.note}`);
    this.text('summary', lines.join(' '));
  }

  pause(): void {
    if (this.running) this.job?.pause();
  }

  resume(): void {
    if (this.running) this.job?.resume();
  }

  cancel(): void {
    if (!this.running) return;
    this.job?.cancel();
    const said: string[] = [];
    this.slots.forEach((s, i) => {
      if (s.state !== 'queued' && s.state !== 'running') return;
      // One sentence on the card and in the live line (the step already on the device finishes in the background).
      s.note = describeCancelled(s.curve, s.config.epochs, s.state === 'running');
      said.push(describeCancelled(s.curve, s.config.epochs, s.state === 'running', runLabel(i)));
      s.state = 'cancelled';
      this.report.card(i, s, false);
    });
    this.gen++;
    this.running = false;
    this.shownPaused = false;
    this.report.buttons(false, false);
    this.report.status('ready');
    this.summarise();
    this.text('live', said.join(' ') || 'Training cancelled.');
  }

  /** Marks finished runs whose set-up the reader has changed since. */
  markStale(runs: RunConfig[]): void {
    this.slots.forEach((s, i) => {
      const stale = s.state !== 'queued' && s.state !== 'running' && JSON.stringify(s.config) !== JSON.stringify(runs[i]);
      if (stale !== Boolean(s.stale)) this.report.card(i, Object.assign(s, { stale }), false);
    });
  }

  dispose(): void {
    this.cancel();
    for (const { scope, model } of this.sources.values()) void model.then((m) => scope.release(m), () => undefined);
    this.sources.clear();
  }
}

function fail(message: string): never {
  throw new Error(message);
}

export async function createRunner(host: { report: Report }, root: ShadowRoot, charts: LabCharts): Promise<LabRunner> {
  return new LabRunner(host.report, root, charts);
}
