/** `<fm-loss-curves>`'s `fm-result` detail (README.md, Events): each loss and its gradient at the read-out `p`. */
import type { ResultDetail } from '../../src/lib/widget/fm-element.ts';
import type { CurveGradient, CurveLoss } from '../../src/lib/losses/curves.ts';

export interface LossCurvesResult extends ResultDetail {
  backend: 'reference';
  p: number;
  classes: number;
  gradient: CurveGradient;
  values: { loss: CurveLoss; value: number; grad: number }[];
}
export type LossCurvesResultEvent = CustomEvent<LossCurvesResult>;
