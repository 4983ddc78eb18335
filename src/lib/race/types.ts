/** The loss race's data and state, as the race reports them (plain objects: they cross to tests and hosts). */
import type { ImageSet } from '../train/batches.ts';
import type { LossKind } from '../train/forward.ts';
import type { Metrics } from './validation.ts';
import type { Job } from '../job/job.ts';
import type { RaceConfig, RaceModel } from './config.ts';

export type { RaceModel };

export interface ValidationPoint extends Metrics { step: number }
/** The test set's metrics, measured once after the last epoch, on `count` images. */
export interface TestResult extends Metrics { count: number }

export interface RunHistory {
  kind: LossKind;
  /** Training loss of each batch, in the run's own loss: [step, loss]. */
  train: [number, number][];
  /** On the validation set: before training (step 0) and after each epoch. */
  validation: ValidationPoint[];
  /** On the test set, once, after the last epoch; null until then, and for a cancelled race. */
  test: TestResult | null;
  steps: number;
}

/**
 * `ready`: not started (only the starting point is known). `pausing`: asked to pause, a loop is still finishing
 * its step; `paused`: both loops hold. `testing`: both loops have finished; the test set is being measured.
 */
export type RacePhase = 'ready' | 'running' | 'pausing' | 'paused' | 'testing' | 'done' | 'cancelled';

export interface RaceState {
  config: RaceConfig;
  perEpoch: number;
  totalSteps: number;
  runs: RunHistory[];
  phase: RacePhase;
  elapsedMs: number;
  /** Images per second over both networks together. */
  imagesPerSecond: number;
}

/** Training images; validation images (disjoint from them, for the curves); test images (measured once, at the end). */
export interface RaceData { train: ImageSet; validation: ImageSet; test: ImageSet }

/** `job`: the Job both loops belong to (a widget runs it, pausing it out of view); default: the race's own. */
export interface RaceOptions { kinds?: readonly LossKind[]; model?: RaceModel; job?: Job<never> }

