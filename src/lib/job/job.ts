/**
 * One piece of long work (a training run, a race, a probe): start, pause, resume and cancel, checked by the work
 * itself between steps (`checkpoint()`), typed progress events, and the tensors and models it owns released when it
 * ends — done, cancelled or failed. Pauses have a reason: the reader's (`reader`), which only the reader lifts, and
 * the widget's being out of view (`view`), lifted when it is back; so a reader who paused is never resumed by a tab
 * coming back. Pure TypeScript: no DOM, no tfjs (src/lib/widget/widget-jobs.ts ties a Job to an element).
 */
export type JobState = 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';
export type PauseReason = 'reader' | 'view';

export interface JobProgress<P> {
  phase: string;
  step: number;
  total: number;
  payload: P;
}

export interface JobEvents<P> {
  progress: JobProgress<P>;
  /** After every change of state and of the pause reasons, and whenever a loop starts or stops holding. */
  state: { state: JobState; reasons: PauseReason[]; holding: number };
}

/** What a loop inside a job needs of it, whatever the job's progress payload. */
export type JobControl = Pick<Job<never>, 'pause' | 'resume' | 'cancel' | 'checkpoint' | 'cancelled' | 'paused' | 'own'>;

type Listener<T> = (value: T) => void;
/** Anything with a dispose(): tensors, models, optimisers. */
export interface Disposable { dispose(): void }

export class Job<P = unknown> {
  private current: JobState = 'idle';
  private readonly reasons = new Set<PauseReason>();
  private wake: (() => void)[] = [];
  private held = 0;
  private owned: Disposable[] = [];
  private readonly listeners: { [K in keyof JobEvents<P>]: Set<Listener<JobEvents<P>[K]>> } = { progress: new Set(), state: new Set() };

  get state(): JobState { return this.current; }
  get cancelled(): boolean { return this.current === 'cancelled'; }
  /** True while a pause is asked for (the loops hold at their next checkpoint). */
  get paused(): boolean { return this.reasons.size > 0 && !this.ended(); }
  /** Why the job is paused: the reader's pause wins in a status line. */
  get pauseReason(): PauseReason | null { return this.reasons.has('reader') ? 'reader' : this.reasons.has('view') ? 'view' : null; }
  /** How many loops are holding at a checkpoint now. */
  get holding(): number { return this.held; }

  on<K extends keyof JobEvents<P>>(event: K, fn: Listener<JobEvents<P>[K]>): () => void {
    this.listeners[event].add(fn);
    return () => this.listeners[event].delete(fn);
  }

  /**
   * Runs `work` as this job (once): it resolves with the work's value (a cancelled work returns what it has; the
   * state says `cancelled`), or `undefined` when cancelled before it started; a failure rejects (state `error`,
   * unless it was cancelled). Whatever the job owns is released either way.
   */
  async run<T>(work: (job: this) => Promise<T>): Promise<T | undefined> {
    if (this.cancelled) return undefined; // cancelled before it started: nothing to do
    if (this.current !== 'idle') throw new Error(`a job runs once (this one is ${this.current})`);
    this.set(this.reasons.size ? 'paused' : 'running');
    try {
      const value = await work(this);
      if (!this.cancelled) this.set('done');
      return value;
    } catch (err) {
      // A failure is reported even when the work cancelled itself on the way out (one loop failing stops the other).
      if (!this.cancelled) this.set('error');
      throw err;
    } finally {
      this.release();
    }
  }

  /** Registers something to dispose when the job ends; returns it. */
  own<T extends Disposable>(thing: T): T {
    if (this.ended()) thing.dispose();
    else this.owned.push(thing);
    return thing;
  }

  pause(reason: PauseReason = 'reader'): void {
    if (this.ended() || this.reasons.has(reason)) return;
    this.reasons.add(reason);
    if (this.current === 'running') this.set('paused');
    else this.emitState();
  }

  /** Lifts a pause. The reader's resume lifts every reason (the reader asked to go on); `view` lifts only its own. */
  resume(reason: PauseReason = 'reader'): void {
    if (reason === 'reader') this.reasons.clear();
    else this.reasons.delete(reason);
    if (this.reasons.size) return this.emitState();
    if (this.current === 'paused') this.set('running');
    this.wakeAll();
  }

  /** Stops the work at its next checkpoint (within one step); what it owns is released when `run` ends. */
  cancel(): void {
    if (this.ended()) return;
    this.reasons.clear();
    this.set('cancelled');
    this.wakeAll();
  }

  /** Between steps: waits while paused; false once cancelled (the loop then stops). */
  async checkpoint(): Promise<boolean> {
    if (this.reasons.size && !this.ended()) {
      this.held++;
      this.emitState();
      while (this.reasons.size && !this.ended()) await new Promise<void>((r) => this.wake.push(r));
      this.held--;
      this.emitState();
    }
    return !this.cancelled;
  }

  progress(phase: string, step: number, total: number, payload: P): void {
    for (const fn of this.listeners.progress) fn({ phase, step, total, payload });
  }

  private ended(): boolean {
    return this.current === 'done' || this.current === 'cancelled' || this.current === 'error';
  }

  private set(state: JobState): void {
    this.current = state;
    this.emitState();
  }

  private emitState(): void {
    const e = { state: this.current, reasons: [...this.reasons], holding: this.held };
    for (const fn of this.listeners.state) fn(e);
  }

  private wakeAll(): void {
    for (const wake of this.wake.splice(0)) wake();
  }

  private release(): void {
    for (const thing of this.owned.splice(0).reverse()) thing.dispose();
  }
}
