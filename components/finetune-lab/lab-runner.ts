/**
 * The lab's runs on the engine, loaded with the element's heavy code: one Slot per run, each queued on the
 * page's engine queue; target data and source models fetched once and kept; progress, live curves and result
 * cards reported to the element. Cancel acts for the reader at once (states, buttons, status) while the step
 * already on the device finishes in the background; a new Train queues behind it.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { getEngine } from '@lib/engine/index.ts';
import { getScope, type EngineScope } from '@lib/engine/scope.ts';
import { DATA_BASE, MODELS_BASE } from '@lib/widget/assets.ts';
import { loadShippedModel } from '@lib/models/shipped.ts';
import { LabRun, TaskLoader, engineQueue, describeConfig, describeCurve, describeResult, type EpochPoint, type RunProgress } from '@lib/transfer/index.ts';
import { runLabel, type LabSettings, type RunConfig } from '@lib/transfer/config.ts';
import type { CustomTask, TaskData } from '@lib/transfer/targets.ts';
import { limitPerClass, shortNote, withValidation } from '@lib/transfer/custom.ts';
import { WHERE } from './lab-doodles.ts';
import type { LabCharts } from './lab-chart.ts';
import { summary, type RunSummary, type Slot } from './lab-results.ts';

export interface Report {
  status(s: 'running' | 'ready'): void;
  error(message: string): void;
  result(detail: { backend: string; ms: number; [k: string]: unknown }): void;
  progress(detail: object): void;
  buttons(running: boolean, paused: boolean): void;
  card(i: number, slot: Slot, detail: boolean): void;
  clearCards(n: number): void;
  slots(slots: Slot[]): void;
}

const PHASE_SHARE = { features: [0.05, 0.35], validating: [0.4, 0.4], training: [0.4, 0.55], testing: [0.95, 0.05] } as const;

export class LabRunner {
  running = false;
  paused = false;
  private gen = 0;
  private active = new Set<LabRun>();
  private slots: Slot[] = [];
  /** Source models, per engine scope (a model on a lost device is never used again): the scope disposes them. */
  private sources = new Map<string, { scope: EngineScope; model: Promise<LayersModel> }>();
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

  async train(runs: RunConfig[], lab: LabSettings, custom: CustomTask | null): Promise<RunSummary[]> {
    if (this.running) return this.slots.map((s, i) => summary(i, s));
    const gen = ++this.gen;
    const waiting = engineQueue.length > 0;
    this.running = true;
    this.paused = false;
    this.report.status('running');
    this.report.buttons(true, false);
    this.slots = runs.map((config) => ({ config, state: 'queued', progress: 0, curve: [], note: waiting ? 'Waiting for the engine to finish the step in flight…' : 'Queued.' }));
    this.report.slots(this.slots);
    this.report.clearCards(runs.length);
    this.slots.forEach((s, i) => this.report.card(i, s, true));
    this.drawCharts();
    this.text('live', `Training ${runs.length} run${runs.length > 1 ? 's' : ''}, one after another.`);
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
    if (gen !== this.gen) return;
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
        config: c, seed: lab.seed, data, source,
        onProgress: (p) => this.progress(gen, i, p),
        onEpoch: (point) => {
          if (gen !== this.gen) return;
          slot.curve.push(point);
          this.drawCharts();
          this.text('live', point.valAccuracy === null ? `Run ${runLabel(i)}, epoch ${point.epoch} of ${c.epochs}: training loss ${point.trainLoss?.toFixed(3)}.`
            : `Run ${runLabel(i)}, epoch ${point.epoch} of ${c.epochs}: validation accuracy ${(100 * point.valAccuracy).toFixed(1)}%.`);
        },
      });
      this.active.add(run);
      if (this.paused) run.pause();
      const result = await run.run().finally(() => this.active.delete(run));
      const note = `${result.cancelled ? 'Stopped' : 'Finished'} in ${(result.totalMs / 1000).toFixed(1)} s: ${(result.msPerEpoch / 1000).toFixed(2)} s per epoch, batches of ${result.batchSize}` +
        (result.path === 'features' ? `, after ${(result.featureMs / 1000).toFixed(1)} s computing the frozen layers' features once.` : ', every layer run on every batch.') +
        ` Curves on ${result.counts.validation ? `${result.counts.validation} validation images (never trained on)` : 'the training loss only (no validation set: a class has too few drawings to spare one)'}; test accuracy on ${result.counts.test} test images, measured once after the last epoch.` +
        (own && own.short.length ? ` ${shortNote(c.perClass, own.short)}` : '') +
        (c.perClass <= 2 ? ` With ${c.perClass} example${c.perClass > 1 ? 's' : ''} per class, expect results to change a lot with the seed.` : '');
      set({ state: result.cancelled ? 'cancelled' : 'done', progress: 1, result, note }, true);
      this.text('live', `Run ${runLabel(i)} finished: ${describeResult(result, data.classNames)}`);
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
    this.report.progress({ run: runLabel(i), ...p });
  }

  private drawCharts(): void {
    this.charts.update(this.slots.map((s, run) => ({ run, points: s.curve })), Math.max(1, ...this.slots.map((s) => s.config.epochs)));
  }

  private summarise(): void {
    const lines = this.slots.map((s, i) => `Run ${runLabel(i)} (${describeConfig(s.config)}): ${s.result && s.data ? `${describeResult(s.result, s.data.classNames)} Curve: ${describeCurve(s.curve)}.` : s.note}`);
    this.text('summary', lines.join(' '));
  }

  pause(): void {
    if (!this.running) return;
    this.paused = true;
    for (const r of this.active) r.pause();
    this.report.buttons(true, true);
    this.text('live', 'Paused.');
  }

  resume(): void {
    this.paused = false;
    for (const r of this.active) r.resume();
    if (this.running) this.report.buttons(true, false);
    this.text('live', 'Resumed.');
  }

  cancel(): void {
    if (!this.running) return;
    for (const r of this.active) r.cancel();
    this.slots.forEach((s, i) => {
      if (s.state !== 'queued' && s.state !== 'running') return;
      s.note = s.state === 'running' ? 'Cancelled (the step already on the device finishes in the background).' : 'Cancelled before it started.';
      s.state = 'cancelled';
      this.report.card(i, s, false);
    });
    this.gen++;
    this.running = false;
    this.paused = false;
    this.report.buttons(false, false);
    this.report.status('ready');
    this.summarise();
    this.text('live', 'Training cancelled.');
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
