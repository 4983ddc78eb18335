/** `<fm-activation-plot>`'s `fm-result` detail (README.md, Events): each function and its slope at the read-out `x`. */
import type { ResultDetail } from '../../src/lib/widget/fm-element.ts';
import type { ActivationName } from '../../src/lib/activations/functions.ts';

export interface ActivationPlotResult extends ResultDetail {
  backend: 'reference';
  x: number;
  slope: number;
  functions: ActivationName[];
  /** Per function shown: its value `f` and derivative `df` at `x` (float64). */
  values: { name: ActivationName; label: string; f: number; df: number }[];
}
export type ActivationPlotResultEvent = CustomEvent<ActivationPlotResult>;
