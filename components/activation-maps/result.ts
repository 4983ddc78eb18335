/** `<fm-activation-maps>`'s `fm-result` detail (README.md, Events): the settings, the maps' shape and their zeros. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { MapsSettings } from './maps-settings.ts';

export interface ActivationMapsResult extends EngineResult, MapsSettings {
  /** The feature maps' shape, [1, h, w, 4]. */
  shape: number[];
  /** Per channel, the share of exact zeros before and after the activation. */
  zerosBefore: number[];
  zerosAfter: number[];
}
export type ActivationMapsResultEvent = CustomEvent<ActivationMapsResult>;
