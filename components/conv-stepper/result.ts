/** `<fm-conv-stepper>`'s `fm-result` detail (README.md, Events): the output value just computed and its products. */
import type { ResultDetail } from '../../src/lib/widget/fm-element.ts';

/** One kernel tap of the step: `input` may lie in the padding (`padded: true`, `x: 0`). Rows and columns 0-based. */
export interface StepProduct { kernel: [number, number]; input: [number, number]; padded: boolean; x: number; w: number; product: number }

export interface ConvStepperResult extends ResultDetail {
  backend: 'reference';
  /** The output being computed, 0-based in row-major order. */
  step: number;
  outputIndex: [number, number];
  value: number;
  /** In kernel order; they sum to `value`. */
  products: StepProduct[];
}
export type ConvStepperResultEvent = CustomEvent<ConvStepperResult>;
