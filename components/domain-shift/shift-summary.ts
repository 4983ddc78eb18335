/** The words under `<fm-domain-shift>`'s charts: every number the charts show, for readers who cannot see them. */
import { describeShift } from '@lib/shift/transforms.ts';
import type { Pass, ShiftOutcome, ShiftSettings, Slice } from '@lib/shift/run.ts';

export interface Gaps { before: number; adabn: number; finetuned: number | null }

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const points = (v: number) => `${v < 0 ? '−' : '+'}${Math.abs(100 * v).toFixed(1)} points`;

export function summaryText(s: ShiftSettings, clean: Pass, o: ShiftOutcome, gaps: Gaps, partial: boolean): string {
  const words = describeShift(s.shift, s.strength);
  const source = clean.evaluation, before = o.before.evaluation, adabn = o.adabn.evaluation, tuned = o.finetuned?.shifted.evaluation;
  const testCount = source.count;
  const parts = [
    `On ${testCount} clean test digits the model is right ${pct(source.accuracy)} of the time; on the same digits ${words}, ${pct(before.accuracy)} (${points(before.accuracy - source.accuracy)}).`,
    `AdaBN, re-estimating BatchNorm statistics on ${s.images} unlabelled ${s.shift} training digits: ${pct(adabn.accuracy)} (${points(adabn.accuracy - before.accuracy)}).`,
  ];
  if (s.labels > 0) {
    parts.push(partial ? `Fine-tuning the dense layers (hidden and logits) on ${s.labels} labelled digits of each class is running…`
      : tuned ? `Fine-tuning the dense layers (hidden and logits, ${o.finetuneSteps} steps, the convolutions frozen) on ${s.labels} labelled ${s.shift} digits of each class: ${pct(tuned.accuracy)} (${points(tuned.accuracy - before.accuracy)}); on clean digits it is now ${pct(o.finetuned!.clean.evaluation.accuracy)}.`
      : 'Fine-tuning was stopped before it finished.');
  }
  const g = (v: number) => v.toFixed(2);
  parts.push(`In the hidden layer's 64 features of the ${testCount} test digits, the centres of the clean and shifted clouds are ${g(gaps.before)} spreads apart before adaptation, ${g(gaps.adabn)} after AdaBN${gaps.finetuned !== null ? ` and ${g(gaps.finetuned)} after fine-tuning` : ''}.`);
  return parts.join(' ');
}


/** The words beside the first picture: the accuracies on the first batch, said to be partial. */
export function sliceText(s: ShiftSettings, slice: Slice): string {
  const source = slice.source.count === slice.total ? `on all ${slice.total} clean test digits` : `on the first ${slice.count} of ${slice.total} clean test digits`;
  return `So far (partial): the model is right ${pct(slice.source.accuracy)} of the time ${source}, and ${pct(slice.before.accuracy)} on the first ${slice.count} of them ${describeShift(s.shift, s.strength)}. The rest, AdaBN and fine-tuning are computing…`;
}
