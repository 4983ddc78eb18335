/** `<fm-network-explorer>`'s `fm-result` detail (README.md, Events): the input, the prediction and every class's probability. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';

export interface NetworkExplorerResult extends EngineResult {
  model: string;
  source: 'test' | 'draw';
  /** The test image's number and label; null for a drawing. */
  image: number | null;
  label: number | null;
  predicted: number;
  probabilities: number[];
}
export type NetworkExplorerResultEvent = CustomEvent<NetworkExplorerResult>;
