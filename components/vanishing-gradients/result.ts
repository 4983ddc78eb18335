/** `<fm-vanishing-gradients>`'s `fm-result` detail (README.md, Events): the network in force and its gradient norms. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { NetSpec } from '../../src/lib/nets/plain-net.ts';

export interface VanishingGradientsResult extends EngineResult, NetSpec {
  loss: number;
  /** One Frobenius norm per layer, first layer first. */
  gradNorms: number[];
  /** First layer's norm over the last's. */
  ratio: number;
  /** The plain network's, on the same weights, when `architecture` is `residual`; else null. */
  plainGradNorms: number[] | null;
  plainRatio: number | null;
  /** The layer selected, 1-based. */
  layer: number;
}
export type VanishingGradientsResultEvent = CustomEvent<VanishingGradientsResult>;
