/**
 * The reader's own classes as a lab task. Validation: a class's training drawings give their last quarter
 * (rounded down, at least one) to a validation set — in drawing order, as the doodle split holds out the last
 * quarter of all drawings to test — when every class has at least 2 training drawings; otherwise a class would be
 * left with nothing to learn from or nothing to validate on, so the task has no validation set and the curves
 * show the training loss only. "Labelled examples per class" then takes the first `perClass` of the remaining
 * training images of each class, or all of them when a class has fewer — the reader drew what they drew, so the
 * lab says so rather than refusing. The test images are always all used, once, after the last epoch.
 */
import { t, type Lang } from '../i18n/index.ts';
import { count } from './summary.ts';
import type { ImageSet } from '../train/batches.ts';
import type { CustomTask, TaskData } from './targets.ts';

export interface ShortClass { name: string; have: number }

/** Validation drawings a class with `n` training drawings gives: a quarter, rounded down, at least one; 0 below 2. */
export const validationOf = (n: number) => (n < 2 ? 0 : Math.max(1, Math.floor(n / 4)));

/** The training images each class has, in class order. */
export function trainCounts(task: { classNames: string[]; train: ImageSet }): number[] {
  const counts = new Array<number>(task.classNames.length).fill(0);
  for (let i = 0; i < task.train.count; i++) counts[task.train.labels[i]!]!++;
  return counts;
}

/** The images of `set` at `indices`, in that order. */
function pick(set: ImageSet, indices: readonly number[]): ImageSet {
  const images = new Uint8Array(indices.length * 784);
  indices.forEach((src, i) => images.set(set.images.subarray(src * 784, (src + 1) * 784), i * 784));
  return { images, labels: Uint8Array.from(indices, (src) => set.labels[src]!), count: indices.length };
}

/** The task with its validation set carved from the end of each class's training drawings (see the header). */
export function withValidation(task: CustomTask): TaskData {
  const counts = trainCounts(task);
  if (counts.some((n) => validationOf(n) === 0)) return { ...task, validation: null };
  const seen = new Array<number>(counts.length).fill(0);
  const train: number[] = [];
  const validation: number[] = [];
  for (let i = 0; i < task.train.count; i++) {
    const l = task.train.labels[i]!;
    (seen[l]!++ < counts[l]! - validationOf(counts[l]!) ? train : validation).push(i);
  }
  return { ...task, train: pick(task.train, train), validation: pick(task.train, validation) };
}

/** The task with at most `perClass` training images per class (in their order), and the classes that have fewer. */
export function limitPerClass<T extends { classNames: string[]; train: ImageSet }>(task: T, perClass: number): { task: T; short: ShortClass[] } {
  const counts = trainCounts(task);
  const short = counts.flatMap((have, k) => (have < perClass ? [{ name: task.classNames[k]!, have }] : []));
  const taken = new Array<number>(counts.length).fill(0);
  const keep: number[] = [];
  for (let i = 0; i < task.train.count; i++) {
    const l = task.train.labels[i]!;
    if (taken[l]! < perClass) { taken[l]!++; keep.push(i); }
  }
  if (keep.length === task.train.count) return { task, short };
  return { task: { ...task, train: pick(task.train, keep) }, short };
}

/** A sentence for the reader when `perClass` asks for more drawings than some classes have; '' otherwise. */
export function shortNote(perClass: number, short: readonly ShortClass[], lang: Lang = 'en'): string {
  if (short.length === 0) return '';
  const list = short.map((s) => t(lang, 'finetuneLab.shortClass', { name: s.name, have: count(lang, s.have) })).reduce((before, after) => t(lang, 'finetuneLab.and', { before, after }));
  return t(lang, 'finetuneLab.short', { perClass: count(lang, perClass), list });
}
