/** `<fm-softmax-explorer>`'s `fm-result` detail (README.md, Events): the settings and what the engine computed. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { ExplorerSettings } from './explorer-settings.ts';

export interface SoftmaxExplorerResult extends EngineResult, ExplorerSettings {
  probabilities: number[];
  loss: number;
  /** The loss's gradient with respect to each logit. */
  gradient: number[];
}
export type SoftmaxExplorerResultEvent = CustomEvent<SoftmaxExplorerResult>;
