/** The words under `<fm-domain-shift>`'s charts: every number the charts show, for readers who cannot see them. */
import { shiftName, shiftWords } from '@lib/shift/transforms.ts';
import type { Pass, ShiftOutcome, ShiftSettings, Slice } from '@lib/shift/run.ts';
import { saySentences, msg, say, type Lang, type Msg } from '@lib/i18n/index.ts';

export interface Gaps { before: number; adabn: number; finetuned: number | null }

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const points = (v: number): Msg => msg('domainShift.points', { sign: v < 0 ? '−' : '+', value: Math.abs(100 * v).toFixed(1) });

/** The summary in `lang`: one sentence per result, joined (Chinese sentences take no space between them). */
export function summaryText(s: ShiftSettings, clean: Pass, o: ShiftOutcome, gaps: Gaps, partial: boolean, lang: Lang): string {
  const shift = shiftWords(s.shift, s.strength), name = shiftName(s.shift);
  const source = clean.evaluation, before = o.before.evaluation, adabn = o.adabn.evaluation, tuned = o.finetuned?.shifted.evaluation;
  const digits = String(source.count);
  const parts: Msg[] = [
    msg('domainShift.sumSource', { digits, source: pct(source.accuracy), shift, before: pct(before.accuracy), diff: points(before.accuracy - source.accuracy) }),
    msg('domainShift.sumAdabn', { images: String(s.images), shift: name, acc: pct(adabn.accuracy), diff: points(adabn.accuracy - before.accuracy) }),
  ];
  if (s.labels > 0) {
    parts.push(partial ? msg('domainShift.sumTuning', { labels: String(s.labels) })
      : tuned ? msg('domainShift.sumTuned', { steps: String(o.finetuneSteps), labels: String(s.labels), shift: name, acc: pct(tuned.accuracy), diff: points(tuned.accuracy - before.accuracy), clean: pct(o.finetuned!.clean.evaluation.accuracy) })
      : msg('domainShift.sumStopped'));
  }
  const g = (v: number) => v.toFixed(2);
  parts.push(gaps.finetuned !== null
    ? msg('domainShift.sumGapsTuned', { digits, before: g(gaps.before), adabn: g(gaps.adabn), tuned: g(gaps.finetuned) })
    : msg('domainShift.sumGaps', { digits, before: g(gaps.before), adabn: g(gaps.adabn) }));
  return saySentences(lang, parts);
}

/** The words beside the first picture: the accuracies on the first batch, said to be partial. */
export function sliceText(s: ShiftSettings, slice: Slice, lang: Lang): string {
  const params = { source: pct(slice.source.accuracy), total: String(slice.total), before: pct(slice.before.accuracy), digits: String(slice.count), shift: shiftWords(s.shift, s.strength) };
  return say(lang, msg(slice.source.count === slice.total ? 'domainShift.sliceAll' : 'domainShift.sliceFirst', params));
}
