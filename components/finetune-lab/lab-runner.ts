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
import { DATA_BASE, MODELS_BASE } from '@lib/widget/assets.ts';
import { loadShippedModel } from '@lib/models/shipped.ts';
import { LabRun, TaskLoader, engineQueue, describeCancelled, describeConfig, describeCurve, describeResult, type EpochPoint, type RunProgress } from '@lib/transfer/index.ts';
import { count, fixed } from '@lib/transfer/summary.ts';
import { sentenceGap, ReaderError, msg, t, type Lang, type Msg } from '@lib/i18n/index.ts';
import { describeError } from '@lib/widget/fm-element.ts';
import { runLabel, type LabSettings, type RunConfig } from '@lib/transfer/config.ts';
import type { CustomTask, TaskData } from '@lib/transfer/targets.ts';
import { limitPerClass, shortNote, withValidation } from '@lib/transfer/custom.ts';
import { WHERE } from './lab-form.ts';
import type { LabCharts } from './lab-chart.ts';
import { sayIn, summary, type RunSummary, type Said, type Slot } from './lab-results.ts';
import type { FinetuneLabResult } from './result.ts';

export interface Report {
  status(s: 'running' | 'ready'): void;
  error(message: Msg): void;
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

  /** The element's language now. */
  private readonly lang: () => Lang;
  /** What the live line and the summary say, kept to be said again in another language. */
  private readonly said = new Map<string, Said>();

  constructor(report: Report, root: ShadowRoot, charts: LabCharts, lang: () => Lang) {
    this.report = report;
    this.root = root;
    this.charts = charts;
    this.lang = lang;
  }

  private text(role: string, value: Said): void {
    this.said.set(role, value);
    this.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!.textContent = sayIn(this.lang(), value);
  }

  /** The live line, the summary and every card again in the element's language: nothing is recomputed. */
  sayAgain(): void {
    for (const [role, value] of this.said) this.text(role, value);
    this.slots.forEach((s, i) => this.report.card(i, s, true));
    this.report.buttons(this.running, this.paused);
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
    this.slots = runs.map((config) => ({ config, state: 'queued', progress: 0, curve: [], note: msg(waiting ? 'finetuneLab.waitingEngine' : 'finetuneLab.queued') }));
    this.report.slots(this.slots);
    this.report.clearCards(runs.length);
    this.slots.forEach((s, i) => this.report.card(i, s, true));
    this.drawCharts();
    this.text('live', msg('finetuneLab.training', { count: runs.length }));
    this.text('summary', msg('finetuneLab.underWay', { count: runs.length }));
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
      set({ state: 'running', note: msg('finetuneLab.loading') });
      const own = c.target === 'custom' ? limitPerClass(withValidation(custom ?? fail(msg('finetuneLab.needCustom', { where: WHERE }))), c.perClass) : null;
      const data: TaskData = c.target === 'custom' ? own!.task
        : await this.loader.load({ target: c.target, perClass: c.perClass, holdout: lab.holdout, seed: lab.seed }, (p) => set({ progress: 0.05 * (p.loaded / (p.total || 1)) }));
      if (c.source !== 'random') set({ note: msg('finetuneLab.loadingSource', { name: c.source }) });
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
          const at = { run: runLabel(i), epoch: point.epoch, epochs: c.epochs }, { trainLoss, valAccuracy } = point;
          if (!this.shownPaused) this.text('live', valAccuracy === null ? (lang) => t(lang, 'finetuneLab.epochLoss', { ...at, loss: trainLoss === null || trainLoss === undefined ? String(trainLoss) : fixed(lang, trainLoss, 3) })
            : (lang) => t(lang, 'finetuneLab.epochAccuracy', { ...at, accuracy: fixed(lang, 100 * valAccuracy, 1) }));
        },
      });
      const result = await run.run();
      const note = (lang: Lang) => [
        result.path === 'features'
          ? t(lang, 'finetuneLab.finishedFeatures', { total: fixed(lang, result.totalMs / 1000, 1), perEpoch: fixed(lang, result.msPerEpoch / 1000, 2), batch: count(lang, result.batchSize), features: fixed(lang, result.featureMs / 1000, 1) })
          : t(lang, 'finetuneLab.finishedFull', { total: fixed(lang, result.totalMs / 1000, 1), perEpoch: fixed(lang, result.msPerEpoch / 1000, 2), batch: count(lang, result.batchSize) }),
        result.counts.validation ? t(lang, 'finetuneLab.curvesOn', { validation: count(lang, result.counts.validation), test: count(lang, result.counts.test) })
          : t(lang, 'finetuneLab.curvesLoss', { test: count(lang, result.counts.test) }),
        own && own.short.length ? shortNote(c.perClass, own.short, lang) : '',
        c.perClass <= 2 ? t(lang, 'finetuneLab.fewExamples', { count: c.perClass }) : '',
      ].filter(Boolean).join(sentenceGap(lang));
      // After the reader's Cancel (gen moved on) the card and the live line already say so: the step that was on
      // the device finishing in the background changes neither.
      if (gen !== this.gen) return;
      const curve = [...slot.curve], label = runLabel(i);
      const stopped = result.cancelled ? (lang: Lang) => describeCancelled(curve, c.epochs, true, undefined, lang) : null;
      set({ state: stopped ? 'cancelled' : 'done', progress: 1, result, note: stopped ?? note }, true);
      this.text('live', stopped ? (lang) => describeCancelled(curve, c.epochs, true, label, lang) : (lang) => t(lang, 'finetuneLab.runFinished', { run: label, result: describeResult(result, data.classNames, lang) }));
    } catch (err) {
      if (gen !== this.gen) return;
      const error = describeError(err);
      set({ state: 'error', note: msg('finetuneLab.stopped', { error }) });
      this.report.error(msg('finetuneLab.runFailed', { run: runLabel(i), error }));
    }
  }

  private async source(name: string): Promise<LayersModel> {
    const scope = await getScope();
    let entry = this.sources.get(name);
    if (entry?.scope !== scope) {
      const model = loadShippedModel(scope.engine.tf, name, MODELS_BASE).then((m) => scope.own(m)).catch((err: Error) => {
        if (this.sources.get(name)?.model === model) this.sources.delete(name);
        throw new ReaderError(msg('finetuneLab.sourceFailed', { name, error: err.message }));
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
    const { done, total, epoch, epochs, loss } = p;
    slot.note = (lang) => {
      const of = { done: count(lang, done), total: count(lang, total) };
      return p.phase === 'features' ? t(lang, 'finetuneLab.progress.features', of)
        : p.phase === 'training' ? t(lang, 'finetuneLab.progress.training', { ...of, epoch: String(epoch), epochs: String(epochs), loss: loss === undefined || loss === null ? String(loss) : fixed(lang, loss, 3) })
          : p.phase === 'testing' ? t(lang, 'finetuneLab.progress.testing', of)
            : epoch === 0 ? t(lang, 'finetuneLab.progress.validatingBefore', of) : t(lang, 'finetuneLab.progress.validatingEpoch', { ...of, epoch: String(epoch) });
    };
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
    this.text('live', msg(!paused ? 'finetuneLab.resumed' : this.job.pauseReason === 'view' ? 'finetuneLab.pausedOutOfView' : 'finetuneLab.paused'));
  }

  private drawCharts(): void {
    this.charts.update(this.slots.map((s, run) => ({ run, points: s.curve })), Math.max(1, ...this.slots.map((s) => s.config.epochs)));
  }

  private summarise(): void {
    const slots = this.slots.map((s) => ({ ...s, curve: [...s.curve] }));
    this.text('summary', (lang) => slots.map((s, i) => {
      const head = { run: runLabel(i), config: describeConfig(s.config, lang) };
      return s.result && s.data ? t(lang, 'finetuneLab.summaryResult', { ...head, result: describeResult(s.result, s.data.classNames, lang), curve: describeCurve(s.curve, lang) })
        : t(lang, 'finetuneLab.summaryNote', { ...head, note: sayIn(lang, s.note) });
    }).join(sentenceGap(lang)));
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
    const said: Said[] = [];
    this.slots.forEach((s, i) => {
      if (s.state !== 'queued' && s.state !== 'running') return;
      // One sentence on the card and in the live line (the step already on the device finishes in the background).
      const curve = [...s.curve], epochs = s.config.epochs, started = s.state === 'running', run = runLabel(i);
      s.note = (lang) => describeCancelled(curve, epochs, started, undefined, lang);
      said.push((lang) => describeCancelled(curve, epochs, started, run, lang));
      s.state = 'cancelled';
      this.report.card(i, s, false);
    });
    this.gen++;
    this.running = false;
    this.shownPaused = false;
    this.report.buttons(false, false);
    this.report.status('ready');
    this.summarise();
    this.text('live', said.length ? (lang) => said.map((x) => sayIn(lang, x)).join(sentenceGap(lang)) : msg('finetuneLab.cancelledAll'));
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

function fail(message: Msg): never {
  throw new ReaderError(message);
}

export async function createRunner(host: { report: Report }, root: ShadowRoot, charts: LabCharts, lang: () => Lang): Promise<LabRunner> {
  return new LabRunner(host.report, root, charts, lang);
}
