/** `<fm-feature-reuse>`'s `fm-result` detail (README.md, Events): the probes' accuracies, layer by layer, for both models. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { ReuseSettings } from '../../src/lib/transfer/settings.ts';
import type { LayerScore } from '../../src/lib/transfer/reuse.ts';

export interface FeatureReuseResult extends EngineResult, ReuseSettings {
  /** The probe's test accuracy on raw pixels (the baseline). */
  pixels: number;
  pretrained: LayerScore[];
  random: LayerScore[];
  /** Per model, the first layer's filters' mean correlation between neighbouring weights (near 0: random). */
  smoothness: { pretrained: number; random: number };
}
export type FeatureReuseResultEvent = CustomEvent<FeatureReuseResult>;
