/**
 * Words for the lab's results — the text alternative of its charts and matrices — and the images behind a
 * confusion-matrix cell.
 */
import type { RunConfig } from './config.ts';
import type { EpochPoint, RunResult } from './run.ts';

export const SOURCE_TITLES: Record<RunConfig['source'], string> = {
  'digits04-cnn': 'digits 0–4 CNN', 'fashion-cnn': 'Fashion-MNIST CNN', random: 'random initialisation',
};
export const FREEZE_TITLES: Record<RunConfig['freeze'], string> = {
  none: 'nothing frozen (full fine-tuning)', conv1: 'block 1 frozen', conv2: 'both conv blocks frozen', hidden: 'whole base frozen (new head only)',
};
export const TARGET_TITLES: Record<RunConfig['target'], string> = {
  'digits-5-9': 'digits 5–9', 'digits-0-9': 'all digits 0–9', custom: 'your own classes',
};

export const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');

/** Test-image indices whose true class is `t` and predicted class `p`. */
export function cellImages(pred: ArrayLike<number>, labels: ArrayLike<number>, t: number, p: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < pred.length; i++) if (labels[i] === t && pred[i] === p) out.push(i);
  return out;
}

/** One line naming a run's set-up. */
export function describeConfig(c: RunConfig): string {
  return `${SOURCE_TITLES[c.source]} → ${TARGET_TITLES[c.target]}, ${c.perClass} per class, ${FREEZE_TITLES[c.freeze]}, learning rate ${c.lr} (head ×${c.headLr}), ${c.epochs} epoch${c.epochs === 1 ? '' : 's'}${c.augment ? ', shifted copies' : ''}`;
}

/** The curve in words: validation accuracy before training, at the end, and its best epoch (a validation choice). */
export function describeCurve(curve: readonly EpochPoint[]): string {
  const last = curve.at(-1);
  if (!last) return 'No validation point yet.';
  const training = last.trainLoss === null ? '' : `training loss ${last.trainLoss.toFixed(3)}`;
  const measured = curve.filter((p) => p.valAccuracy !== null);
  if (measured.length === 0) return `no validation set (a class has too few drawings to spare one)${training ? `; ${training} after epoch ${last.epoch}` : ''}`;
  const first = measured[0]!;
  const end = measured.at(-1)!;
  const best = measured.reduce((b, p) => (p.valAccuracy! > b.valAccuracy! ? p : b), first);
  return `validation accuracy ${pct(first.valAccuracy!)} before training, ${pct(end.valAccuracy!)} after epoch ${end.epoch}${training ? `, ${training}` : ''}, validation loss ${end.valLoss!.toFixed(3)}; best ${pct(best.valAccuracy!)} at epoch ${best.epoch}`;
}

/** The test result: accuracy (measured once, after training), the weakest class and the most frequent confusion. */
export function describeResult(r: RunResult, classNames: readonly string[]): string {
  if (r.pred.length === 0) return r.cancelled ? 'Cancelled before the end: the test images were not measured.' : 'No result.';
  let worst = 0;
  r.perClass.forEach((a, c) => { if (a < r.perClass[worst]!) worst = c; });
  let most: [number, number, number] = [0, 0, 0];
  r.confusion.forEach((row, t) => row.forEach((n, p) => { if (t !== p && n > most[2]) most = [t, p, n]; }));
  const conf = most[2] > 0 ? ` Most frequent mistake: ${classNames[most[0]]} taken for ${classNames[most[1]]} (${most[2]}×).` : ' No mistakes.';
  return `Test accuracy ${pct(r.accuracy)}: ${Math.round(r.accuracy * r.pred.length)} of ${r.pred.length} test images right, measured once after the last epoch; weakest class ${classNames[worst]} (${pct(r.perClass[worst]!)}).${conf}`;
}

/**
 * A cancelled run in words, the same on its card and in the live line (with `run`, "Run B cancelled …"; without,
 * "Cancelled …"): the last finished epoch and its validation figure; the test images are never measured.
 */
export function describeCancelled(curve: readonly EpochPoint[], epochs: number, started: boolean, run?: string): string {
  const who = run ? `Run ${run} cancelled` : 'Cancelled';
  if (!started) return `${who} before it started.`;
  const last = curve.filter((p) => p.epoch > 0).at(-1);
  if (!last) return `${who} before its first epoch ended: the test images were not measured.`;
  const figure = last.valAccuracy !== null ? `validation accuracy ${pct(last.valAccuracy)}` : `training loss ${last.trainLoss?.toFixed(3) ?? '–'}`;
  return `${who} after epoch ${last.epoch} of ${epochs}: ${figure}; the test images were not measured.`;
}
