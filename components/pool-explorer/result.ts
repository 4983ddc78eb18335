/** `<fm-pool-explorer>`'s `fm-result` detail (README.md, Events): the set-up, and the pooled cell shown with its window. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { PoolSettings } from './pool-settings.ts';

/** The window read from the engine's feature map; rows and columns 0-based in the whole map. */
export interface PoolResultWindow { top: number; left: number; rows: number; cols: number; max: number; argmax: [number, number]; ties: number; mean: number }

export interface PoolExplorerResult extends EngineResult, Omit<PoolSettings, 'cell'> {
  mapShape: number[];
  outShape: number[];
  /** The pooled cell shown, 0-based [row, col]. */
  cell: [number, number];
  /** The engine's pooled value at `cell`. */
  value: number;
  window: PoolResultWindow;
}
export type PoolExplorerResultEvent = CustomEvent<PoolExplorerResult>;
