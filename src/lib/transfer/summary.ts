/**
 * Words for the lab's results — the text alternative of its charts and matrices — and the images behind a
 * confusion-matrix cell.
 */
import type { RunConfig } from './config.ts';
import type { EpochPoint, RunResult } from './run.ts';
import { formatNumber, msg, t, type Lang, type MessageKey } from '../i18n/index.ts';

export const SOURCE_TITLES: Record<RunConfig['source'], string> = {
  'digits04-cnn': 'digits 0–4 CNN', 'fashion-cnn': 'Fashion-MNIST CNN', random: 'random initialisation',
};
export const FREEZE_TITLES: Record<RunConfig['freeze'], string> = {
  none: 'nothing frozen (full fine-tuning)', conv1: 'block 1 frozen', conv2: 'both conv blocks frozen', hidden: 'whole base frozen (new head only)',
};
export const TARGET_TITLES: Record<RunConfig['target'], string> = {
  'digits-5-9': 'digits 5–9', 'digits-0-9': 'all digits 0–9', custom: 'your own classes',
};

export const SOURCE_KEYS = { 'digits04-cnn': 'finetuneLab.source.digits04', 'fashion-cnn': 'finetuneLab.source.fashion', random: 'finetuneLab.source.random' } as const satisfies Record<RunConfig['source'], MessageKey>;
export const FREEZE_KEYS = { none: 'finetuneLab.freeze.none', conv1: 'finetuneLab.freeze.conv1', conv2: 'finetuneLab.freeze.conv2', hidden: 'finetuneLab.freeze.hidden' } as const satisfies Record<RunConfig['freeze'], MessageKey>;
export const TARGET_KEYS = { 'digits-5-9': 'finetuneLab.target.digits59', 'digits-0-9': 'finetuneLab.target.digits09', custom: 'finetuneLab.target.custom' } as const satisfies Record<RunConfig['target'], MessageKey>;

/** `v` with `digits` decimals, as `toFixed` writes it (no grouping), in the locale's digits. */
export const fixed = (lang: Lang, v: number, digits: number) =>
  Number.isFinite(v) ? formatNumber(lang, v, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }) : String(v);
/** A count as the lab has always written it: no grouping (1500 images, not 1,500). */
export const count = (lang: Lang, n: number) => formatNumber(lang, n, { useGrouping: false });
export const pct = (x: number, lang: Lang = 'en') => (Number.isFinite(x) ? `${fixed(lang, 100 * x, 1)}%` : '–');

/** Test-image indices whose true class is `t` and predicted class `p`. */
export function cellImages(pred: ArrayLike<number>, labels: ArrayLike<number>, t: number, p: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < pred.length; i++) if (labels[i] === t && pred[i] === p) out.push(i);
  return out;
}

/** One line naming a run's set-up, in `lang`. */
export function describeConfig(c: RunConfig, lang: Lang = 'en'): string {
  return t(lang, c.augment ? 'finetuneLab.configShifted' : 'finetuneLab.config', {
    source: msg(SOURCE_KEYS[c.source]), target: msg(TARGET_KEYS[c.target]), perClass: count(lang, c.perClass), freeze: msg(FREEZE_KEYS[c.freeze]),
    lr: String(c.lr), headLr: String(c.headLr), count: c.epochs,
  });
}

/** The curve in words: validation accuracy before training, at the end, and its best epoch (a validation choice). */
export function describeCurve(curve: readonly EpochPoint[], lang: Lang = 'en'): string {
  const last = curve.at(-1);
  if (!last) return t(lang, 'finetuneLab.curve.none');
  const loss = last.trainLoss === null ? null : fixed(lang, last.trainLoss, 3);
  const measured = curve.filter((p) => p.valAccuracy !== null);
  if (measured.length === 0) return loss === null ? t(lang, 'finetuneLab.curve.noValidation') : t(lang, 'finetuneLab.curve.noValidationLoss', { loss, epoch: last.epoch });
  const first = measured[0]!;
  const end = measured.at(-1)!;
  const best = measured.reduce((b, p) => (p.valAccuracy! > b.valAccuracy! ? p : b), first);
  const figures = { first: pct(first.valAccuracy!, lang), end: pct(end.valAccuracy!, lang), epoch: end.epoch, valLoss: fixed(lang, end.valLoss!, 3), best: pct(best.valAccuracy!, lang), bestEpoch: best.epoch };
  return loss === null ? t(lang, 'finetuneLab.curve', figures) : t(lang, 'finetuneLab.curveLoss', { ...figures, loss });
}

/** The test result: accuracy (measured once, after training), the weakest class and the most frequent confusion. */
export function describeResult(r: RunResult, classNames: readonly string[], lang: Lang = 'en'): string {
  if (r.pred.length === 0) return t(lang, r.cancelled ? 'finetuneLab.result.cancelled' : 'finetuneLab.result.none');
  let worst = 0;
  r.perClass.forEach((a, c) => { if (a < r.perClass[worst]!) worst = c; });
  let most: [number, number, number] = [0, 0, 0];
  r.confusion.forEach((row, t) => row.forEach((n, p) => { if (t !== p && n > most[2]) most = [t, p, n]; }));
  const figures = {
    accuracy: pct(r.accuracy, lang), right: count(lang, Math.round(r.accuracy * r.pred.length)), images: count(lang, r.pred.length),
    weakest: String(classNames[worst]), weakestAccuracy: pct(r.perClass[worst]!, lang),
  };
  return most[2] > 0
    ? t(lang, 'finetuneLab.result.mistake', { ...figures, truth: String(classNames[most[0]]), predicted: String(classNames[most[1]]), times: count(lang, most[2]) })
    : t(lang, 'finetuneLab.result.perfect', figures);
}

/**
 * A cancelled run in words, the same on its card and in the live line (with `run`, "Run B cancelled …"; without,
 * "Cancelled …"): the last finished epoch and its validation figure; the test images are never measured.
 */
export function describeCancelled(curve: readonly EpochPoint[], epochs: number, started: boolean, run?: string, lang: Lang = 'en'): string {
  if (!started) return run ? t(lang, 'finetuneLab.cancelled.beforeStartRun', { run }) : t(lang, 'finetuneLab.cancelled.beforeStart');
  const last = curve.filter((p) => p.epoch > 0).at(-1);
  if (!last) return run ? t(lang, 'finetuneLab.cancelled.beforeEpochRun', { run }) : t(lang, 'finetuneLab.cancelled.beforeEpoch');
  const figure = last.valAccuracy !== null ? msg('finetuneLab.figure.accuracy', { value: pct(last.valAccuracy, lang) })
    : msg('finetuneLab.figure.loss', { value: last.trainLoss === null || last.trainLoss === undefined ? '–' : fixed(lang, last.trainLoss, 3) });
  return run ? t(lang, 'finetuneLab.cancelled.afterRun', { run, epoch: last.epoch, epochs, figure }) : t(lang, 'finetuneLab.cancelled.after', { epoch: last.epoch, epochs, figure });
}
