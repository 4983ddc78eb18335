/**
 * The state behind `<fm-doodle-classes>`, without the view: the reader's classes and drawings (saved to IndexedDB
 * after every change, in order), the note on the trained model, and the one training run at a time: a Job
 * (src/lib/job) the element runs, so it pauses out of view, stops on cancel, and a failure is reported once.
 * Each action answers with catalogue messages for the reader (doodleClasses.*); the element only shows things.
 */
import { msg, type Msg } from '@lib/i18n/index.ts';
import { ReaderError } from '@lib/i18n/reader-error.ts';
import { cleanName, trainingProblems } from '@lib/doodle/classes.ts';
import { parseState, serialise, type DoodleState, type ModelNote } from '@lib/doodle/state.ts';
import { loadRecord, saveRecord } from '@lib/doodle/store.ts';
import type { PickedFile } from '@lib/doodle/model-files.ts';
import type { Job } from '@lib/job/job.ts';
import type { DoodleSession } from './doodle-session.ts';

/** Why a run stopped early: "Training {why}." */
export type StopWhy = 'cancelled' | 'stopped' | 'source' | 'backend';
export interface Run { job: Job; why: StopWhy; done: Promise<unknown> }
export type TrainOutcome =
  | { kind: 'refused' | 'cancelled'; text: Msg[] }
  | { kind: 'trained'; accuracy: number; losses: [number, number][]; ms: number };

export class DoodleLab {
  state: DoodleState;
  run: Run | null = null;
  readonly key: string;
  private saving: Promise<void> = Promise.resolve();
  private restored = false;
  private onSaveError: (message: Msg) => void;

  constructor(key: string, preset: string[], onSaveError: (message: Msg) => void) {
    this.key = key;
    this.state = { classes: preset.map((name) => ({ name, drawings: [] })), model: null };
    this.onSaveError = onSaveError;
  }

  get names(): string[] { return this.state.classes.map((c) => cleanName(c.name)); }
  counts() { return this.state.classes.map((c) => ({ name: c.name, count: c.drawings.length })); }
  whenSaved(): Promise<void> { return this.saving; }

  /** Reads the saved record; true when there was one. A damaged one throws a message (the preset stays). */
  async restore(): Promise<boolean> {
    try {
      const raw = await loadRecord(this.key);
      if (raw === undefined) return false;
      this.state = parseState(raw);
      return true;
    } finally {
      this.restored = true;
    }
  }

  /** Queues a save of the current state (nothing is written before the saved record was read). */
  save(): void {
    if (!this.restored) return;
    const record = { ...serialise(this.state), saved: Date.now() };
    this.saving = this.saving.then(() => saveRecord(this.key, record)).catch((err) => this.onSaveError(msg('doodleClasses.notSaved', { error: (err as Error).message })));
  }

  stop(why: StopWhy): void {
    if (this.run && !this.run.job.cancelled) { this.run.job.cancel(); this.run.why = why; }
  }

  /** Stops the run (the element left the page) and disposes `session` once the run has let go of it. */
  stopThen(session: { dispose(): void } | undefined): void {
    this.stop('stopped');
    void (this.run?.done ?? Promise.resolve()).then(() => session?.dispose());
  }

  /** Trains a new head on the drawings as they are now, as `job`; the model note changes only when it succeeds. */
  async train(session: DoodleSession, job: Job, o: { epochs: number; seed: number; source: string }, onProgress: (epoch: number, epochs: number, loss: number) => void, onStart: () => void): Promise<TrainOutcome> {
    if (this.run) return { kind: 'refused', text: [msg('doodleClasses.alreadyTraining')] };
    if (!session.sourceName) return { kind: 'refused', text: [msg('doodleClasses.notLoaded')] };
    const problems = trainingProblems(this.counts());
    if (problems.length) return { kind: 'refused', text: problems };
    const names = this.names;
    const run: Run = { job, why: 'cancelled', done: Promise.resolve() };
    this.run = run;
    onStart();
    const work = session.train(this.state.classes.map((c) => [...c.drawings]), {
      epochs: o.epochs, seed: o.seed, job, onProgress: (p) => onProgress(p.epoch, p.epochs, p.loss),
    });
    run.done = work.catch(() => undefined);
    try {
      const r = await work;
      if (r.cancelled) return { kind: 'cancelled', text: [msg(this.state.model ? 'doodleClasses.stoppedKeptModel' : 'doodleClasses.stoppedKept', { why: msg(`doodleClasses.why.${run.why}`) })] };
      this.state.model = { classNames: names, source: o.source, epochs: o.epochs, seed: o.seed, trainAccuracy: r.accuracy, made: new Date().toISOString() };
      this.save();
      return { kind: 'trained', accuracy: r.accuracy, losses: r.losses, ms: r.ms };
    } finally {
      this.run = null;
    }
  }

  /** Replaces the model with the picked files'; throws a message naming the file when they are not a usable model. */
  async importFiles(session: DoodleSession, files: PickedFile[]): Promise<ModelNote> {
    if (this.run) throw new ReaderError(msg('doodleClasses.importWhileTraining'));
    const classNames = await session.importFiles(files);
    this.state.model = { classNames, source: 'imported', epochs: 0, seed: 0, trainAccuracy: null, made: 'imported' };
    this.save();
    return this.state.model;
  }
}
