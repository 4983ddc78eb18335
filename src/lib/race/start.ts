/**
 * Before a race: where both networks start (they share their initial weights), and the race state that
 * shows it — step 0 only.
 */
import type { Tf } from '../engine/types.ts';
import { buildSmallCnnSliced } from '../models/small-cnn.ts';
import type { ImageSet } from '../train/batches.ts';
import type { LossKind } from '../train/forward.ts';
import { BATCH_SIZE, RACE_MODEL, raceSteps, type RaceConfig } from './config.ts';
import type { RaceModel, RaceState } from './loss-race.ts';
import { Validator, type Metrics } from './validation.ts';
import { runSliced, yieldToPage } from '../schedule/slices.ts';

/**
 * Where both networks start: one copy of the race's CNN at `seed` (both sides build exactly these weights),
 * measured on the validation set. Shown before a race starts; releases everything it made.
 */
export async function startingPoint(tf: Tf, validation: ImageSet, seed: number, net: RaceModel = RACE_MODEL): Promise<Metrics> {
  // Built layer by layer with pauses; building the network and its first pass are tasks of their own.
  const model = await runSliced(buildSmallCnnSliced({ ...net, seed, name: 'race_cnn' }));
  let validator: Validator | null = null;
  try {
    await yieldToPage();
    validator = new Validator(tf, validation, BATCH_SIZE);
    return await validator.measure(model);
  } finally {
    validator?.dispose();
    model.dispose();
  }
}

/** The state a chart shows before a race: both networks at step 0, with the starting point's metrics. */
export function readyState(config: RaceConfig, start: Metrics, kinds: readonly LossKind[] = ['ce', 'mse']): RaceState {
  const { perEpoch, total } = raceSteps(config);
  return {
    config: { ...config }, perEpoch, totalSteps: total, phase: 'ready', elapsedMs: 0, imagesPerSecond: 0,
    runs: kinds.map((kind) => ({ kind, train: [], validation: [{ step: 0, ...start }], test: null, steps: 0 })),
  };
}
