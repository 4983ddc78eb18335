/** The loss race's data and state, as the race reports them (plain objects: they cross to tests and hosts). */
import type { ImageSet } from '../train/batches.ts';
import type { LossKind } from '../train/forward.ts';
import type { Metrics } from './validation.ts';
import type { RaceConfig, RaceModel } from './config.ts';

export type { RaceModel };

export interface ValidationPoint extends Metrics { step: number }

export interface RunHistory {
  kind: LossKind;
  /** Training loss of each batch, in the run's own loss: [step, loss]. */
  train: [number, number][];
  /** Before training (step 0) and after each epoch. */
  validation: ValidationPoint[];
  steps: number;
}

/**
 * `ready`: not started (only the starting point is known). `pausing`: asked to pause, a loop is still finishing
 * its step; `paused`: both loops hold.
 */
export type RacePhase = 'ready' | 'running' | 'pausing' | 'paused' | 'done' | 'cancelled';

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

export interface RaceData { train: ImageSet; validation: ImageSet }

export interface RaceOptions { kinds?: readonly LossKind[]; model?: RaceModel }

