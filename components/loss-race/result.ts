/** `<fm-loss-race>`'s `fm-result` detail (README.md, Events): the starting point ('ready') and each finished race ('done'). */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { RaceConfig } from '../../src/lib/race/config.ts';
import type { RaceState } from '../../src/lib/race/loss-race.ts';

export interface LossRaceResult extends EngineResult {
  phase: 'ready' | 'done';
  config: RaceConfig;
  /** At 'done', each run's `test` holds its test figures. */
  runs: RaceState['runs'];
}
export type LossRaceResultEvent = CustomEvent<LossRaceResult>;
