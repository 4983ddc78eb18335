/**
 * The loss race: two copies of the same small CNN — same seed, so the same initial weights; same data and
 * the same seeded batch order — trained side by side with the shared Trainer, one on cross-entropy, one on
 * squared error on probabilities. The two loops run concurrently; each keeps its per-step losses on the device
 * and reads them in one go a few times a second (the curves still get every step), yielding to the page
 * between steps, so they interleave on the engine's backend and the page stays responsive. Both loops belong to
 * one Job (src/lib/job): its pause (the reader's, or the widget's out of view) and cancel act within one step. Validation metrics (on images held back from the training split) are measured before
 * training and after every epoch; the test set is measured once, after the last epoch of both networks, and
 * not at all when the race is cancelled. Every tensor the race makes (two models, the data, the optimiser
 * state) is released when `run()` ends.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { buildSmallCnn } from '../models/small-cnn.ts';
import { Trainer } from '../train/trainer.ts';
import { Job, type JobEvents } from '../job/job.ts';
import type { LossKind } from '../train/forward.ts';
import { BATCH_SIZE, RACE_MODEL, raceSteps, type RaceConfig, type RaceModel } from './config.ts';
import { Validator } from './validation.ts';

export type { ValidationPoint, TestResult, RunHistory, RacePhase, RaceState, RaceData, RaceModel, RaceOptions } from './types.ts';
import type { RaceData, RaceOptions, RacePhase, RaceState, TestResult } from './types.ts';

export class LossRace {
  readonly kinds: readonly LossKind[];
  /** Pause, resume and cancel of both loops. */
  readonly job: Job<never>;
  private phase: RacePhase = 'running';
  private started = 0;
  private readonly state: RaceState;
  // No constructor parameter properties: Node's type stripping (scripts/loss-race.mts) rejects them.
  private readonly tf: Tf;
  private readonly data: RaceData;
  private readonly onUpdate: (state: RaceState) => void;

  private readonly model: RaceModel;
  /** Loops that have finished their steps (they hold nothing up). */
  private finished = 0;

  /**
   * `options.kinds` defaults to the race (tests pass ['ce', 'ce'] to show both sides get the same weights and
   * batches); `options.model` to the widget's network (tests use a smaller one on the CPU backend).
   */
  constructor(tf: Tf, data: RaceData, config: RaceConfig, onUpdate: (state: RaceState) => void = () => {}, options: RaceOptions = {}) {
    this.tf = tf;
    this.data = data;
    this.onUpdate = onUpdate;
    this.kinds = options.kinds ?? ['ce', 'mse'];
    this.model = options.model ?? RACE_MODEL;
    const kinds = this.kinds;
    this.job = options.job ?? new Job();
    this.job.on('state', (e) => this.settle(e));
    const { perEpoch, total } = raceSteps(config);
    this.state = {
      config: { ...config }, perEpoch, totalSteps: total, phase: 'running', elapsedMs: 0, imagesPerSecond: 0,
      runs: kinds.map((kind) => ({ kind, train: [], validation: [], test: null, steps: 0 })),
    };
  }

  /** A copy of the histories so far (plain arrays). */
  snapshot(): RaceState {
    const s = this.state;
    return { ...s, config: { ...s.config }, phase: this.phase, runs: s.runs.map((r) => ({ ...r, train: r.train.map((p) => [...p] as [number, number]), validation: r.validation.map((v) => ({ ...v })), test: r.test && { ...r.test } })) };
  }

  /** The reader's pause (`view`: the widget's, out of view, which only `resume('view')` or the reader lifts). */
  pause(reason: 'reader' | 'view' = 'reader'): void {
    if (this.phase === 'running' || this.phase === 'pausing' || this.phase === 'paused') this.job.pause(reason);
  }

  resume(reason: 'reader' | 'view' = 'reader'): void {
    this.job.resume(reason);
  }

  /** Stops both loops before their next step; `run()` then resolves, every tensor released. */
  cancel(): void {
    if (this.phase === 'done' || this.phase === 'cancelled') return;
    this.phase = 'cancelled';
    this.job.cancel();
  }

  async run(): Promise<RaceState> {
    const { tf, data, state } = this;
    const { config, perEpoch } = state;
    this.started = performance.now();
    const models: LayersModel[] = [];
    const validator = new Validator(tf, data.validation, BATCH_SIZE);
    try {
      for (const _ of this.kinds) models.push(buildSmallCnn({ ...this.model, seed: config.seed, name: 'race_cnn' }));
      await this.validate(validator, models, 0);
      this.emit();
      const runs = this.kinds.map((kind, i) => {
        const history = state.runs[i]!;
        const trainer = new Trainer(tf, models[i]!, data.train, {
          job: this.job, epochs: config.epochs, batchSize: BATCH_SIZE, seed: config.seed, learningRate: config.learningRate, loss: kind,
          // Every step's loss, read in one go every few hundred milliseconds (the Trainer's cadence).
          onProgress: (p) => {
            history.train.push(...(p.steps ?? [[p.step, p.loss]]));
            history.steps = p.step;
            this.emit();
          },
          // The steps done, as each is queued (their losses arrive with the next read): a pause or a cancel is
          // measured against the loop's real position, not the last read's.
          onStep: (p) => { history.steps = p.step; },
          onEpochEnd: async (e) => {
            const step = (e + 1) * perEpoch;
            history.validation.push({ step, ...(await validator.measure(models[i]!)) });
            this.emit();
          },
        });
        // If one loop fails, stop the other before the models go.
        return trainer.run().then((result) => {
          // A run stopped between reads: its last steps' losses came back with the result.
          const last = history.train.at(-1)?.[0] ?? 0;
          history.train.push(...result.stepLosses.filter(([step]) => step > last));
          history.steps = result.steps;
          this.finished++;
          this.settle();
        }, (err: unknown) => {
          this.cancel();
          throw err;
        });
      });
      const failed = (await Promise.allSettled(runs)).find((r) => r.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
      if (this.phase !== 'cancelled') await this.test(models);
      if (this.phase !== 'cancelled') this.phase = 'done';
    } catch (err) {
      this.phase = 'cancelled';
      throw err;
    } finally {
      validator.dispose();
      for (const m of models) m.dispose();
    }
    this.emit();
    return this.snapshot();
  }

  /** The phase follows the job: `pausing` once a pause is asked, `paused` once every loop holds (or has finished). */
  private settle(e: Pick<JobEvents<never>['state'], 'reasons' | 'holding'> = { reasons: this.job.paused ? ['reader'] : [], holding: this.job.holding }): void {
    if (this.phase !== 'running' && this.phase !== 'pausing' && this.phase !== 'paused') return;
    const next = e.reasons.length === 0 ? 'running' : e.holding + this.finished >= this.kinds.length ? 'paused' : 'pausing';
    if (next === this.phase) return;
    this.phase = next;
    this.emit();
  }

  /** The test set, once: uploaded only now, measured for each network, released. A cancel skips what is left. */
  private async test(models: LayersModel[]): Promise<void> {
    this.phase = 'testing';
    this.emit();
    const tester = new Validator(this.tf, this.data.test, BATCH_SIZE);
    const results: TestResult[] = [];
    try {
      for (const m of models) {
        if (this.stopped()) return;
        results.push({ ...(await tester.measure(m)), count: tester.count });
      }
    } finally {
      tester.dispose();
    }
    // Both networks' figures, or none: a race cancelled while testing reports no test accuracy.
    if (!this.stopped()) results.forEach((r, i) => (this.state.runs[i]!.test = r));
  }

  private stopped(): boolean {
    return this.phase === 'cancelled';
  }

  private async validate(validator: Validator, models: LayersModel[], step: number): Promise<void> {
    for (const [i, m] of models.entries()) this.state.runs[i]!.validation.push({ step, ...(await validator.measure(m)) });
  }

  private emit(): void {
    const s = this.state;
    s.elapsedMs = performance.now() - this.started;
    const images = s.runs.reduce((n, r) => n + r.steps, 0) * BATCH_SIZE;
    s.imagesPerSecond = s.elapsedMs > 0 ? images / (s.elapsedMs / 1000) : 0;
    this.onUpdate(this.snapshot());
  }
}

