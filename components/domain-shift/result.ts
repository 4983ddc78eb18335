/** `<fm-domain-shift>`'s `fm-result` detail (README.md, Events): accuracies on clean and shifted digits, before and after each adaptation. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { ShiftSettings } from '../../src/lib/shift/run.ts';
import type { Gaps } from './shift-summary.ts';

export interface DomainShiftResult extends EngineResult, ShiftSettings {
  /** Accuracy on the clean test digits (the source domain). */
  source: number;
  /** On the shifted digits: as shipped, after AdaBN, after fine-tuning hidden + logits (null with labels = 0). */
  before: number;
  adabn: number;
  finetuned: number | null;
  /** The fine-tuned copy on the clean digits again (null with labels = 0). */
  finetunedClean: number | null;
  finetuneSteps: number;
  /** Distance between the clean and shifted feature clouds in the PCA panels. */
  gaps: Gaps;
}
export type DomainShiftResultEvent = CustomEvent<DomainShiftResult>;
