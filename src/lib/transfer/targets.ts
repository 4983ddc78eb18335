/**
 * Target tasks of the lab and the images a run gets: a seeded, stratified pick of `perClass` labelled images per
 * class from a pool of the digits train split (each class's pool shuffled with its own seeded stream and the
 * first `perClass` taken, so 5 examples are a subset of 10 for the same seed); a validation set from the same
 * shuffles' other end (the last `validation` of each class: never one of the labelled picks); test images from
 * the test split; labels renumbered 0…k−1. A reader's own classes (<fm-doodle-classes>) arrive as a CustomTask.
 */
import { msg, say, type Msg } from '../i18n/index.ts';
import { lcg } from '../random/lcg.ts';
import type { ImageSet } from '../train/batches.ts';
import type { TargetId } from './config.ts';

export interface TargetTask { id: TargetId; title: string; dataset: 'digits'; classes: number[]; classNames: string[] }

const digits = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
export const TARGET_TASKS: Record<Exclude<TargetId, 'custom'>, TargetTask> = {
  'digits-5-9': { id: 'digits-5-9', title: 'Digits 5–9', dataset: 'digits', classes: digits(5, 9), classNames: digits(5, 9).map(String) },
  'digits-0-9': { id: 'digits-0-9', title: 'All digits 0–9', dataset: 'digits', classes: digits(0, 9), classNames: digits(0, 9).map(String) },
};

/**
 * Images and labels of a task as the lab trains on them: labels 0…k−1, pixels 0–255 (28×28). `train`: the
 * labelled examples; `validation`: images of the same source, never trained on, for the per-epoch curves (null
 * when a reader's classes have too few drawings to spare one); `test`: measured once, after the last epoch.
 * `sources` (digits targets): where each image sits in the packed digits split it came from — `train` and
 * `validation` in digits/train, `test` in digits/test — so the sets can be checked disjoint.
 */
export interface TaskData {
  classNames: string[]; train: ImageSet; validation: ImageSet | null; test: ImageSet;
  sources?: { train: number[]; validation: number[]; test: number[] };
}

/** The hook for a reader's own classes: any 28×28 images with labels 0…k−1 (k = classNames.length, 2–10). */
export interface CustomTask { classNames: string[]; train: ImageSet; test: ImageSet }

/** Each class's pool indices, shuffled with the class's own seeded stream. */
function shuffledByClass(labels: ArrayLike<number>, classes: readonly number[], want: number, seed: number): number[][] {
  return classes.map((c, k) => {
    const idx: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === c) idx.push(i);
    if (idx.length < want) throw new Error(`class ${c} has ${idx.length} images in the pool, fewer than ${want}`);
    const next = lcg(seed * 1009 + k + 1);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const swap = idx[i]!; // not a destructuring swap: that allocates an array per step (3–10× slower here)
      idx[i] = idx[j]!;
      idx[j] = swap;
    }
    return idx;
  });
}

/** Per-class lists of equal length, interleaved by rank (class a, class b, …, then the second of each). */
function byRank(lists: number[][], n: number): Int32Array {
  const out = new Int32Array(lists.length * n);
  for (let r = 0, o = 0; r < n; r++) for (const l of lists) out[o++] = l[r]!;
  return out;
}

/** Indices into `labels` (a pool): `perClass` of each of `classes`, seeded, interleaved by class. */
export function pickPerClass(labels: ArrayLike<number>, classes: readonly number[], perClass: number, seed: number): Int32Array {
  return byRank(shuffledByClass(labels, classes, perClass, seed).map((l) => l.slice(0, perClass)), perClass);
}

/**
 * The validation images of a pool: the last `validation` of each class's shuffle — the end that `pickPerClass`
 * (same seed) never reaches while `perClass + validation` fit in the class — so they are disjoint from the
 * labelled picks, and the same whatever `perClass` is. Throws when a class cannot give both.
 */
export function pickValidation(labels: ArrayLike<number>, classes: readonly number[], perClass: number, validation: number, seed: number): Int32Array {
  return byRank(shuffledByClass(labels, classes, perClass + validation, seed).map((l) => l.slice(l.length - validation)), validation);
}

/** The images at `indices` of a slice, labels mapped through `classes` (source label → its position). */
export function subset(images: Uint8Array, labels: ArrayLike<number>, indices: ArrayLike<number>, classes: readonly number[], px = 784): ImageSet {
  const out = new Uint8Array(indices.length * px);
  const y = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i]!;
    out.set(images.subarray(k * px, (k + 1) * px), i * px);
    y[i] = classes.indexOf(labels[k]!);
  }
  return { images: out, labels: y, count: indices.length };
}

/** Indices of the images whose label is one of `classes`, in order. */
export function ofClasses(labels: ArrayLike<number>, classes: readonly number[]): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) if (classes.includes(labels[i]!)) out.push(i);
  return Int32Array.from(out);
}

/** Why a custom task cannot be trained (a message for the reader, in English), or null when it can. */
export function checkCustomTask(task: CustomTask): string | null {
  const problem = customTaskProblem(task);
  return problem && say('en', problem);
}

/** Why a custom task cannot be trained, as a catalogue message (said in the reader's language), or null when it can. */
export function customTaskProblem(task: CustomTask): Msg | null {
  const k = task.classNames.length;
  if (k < 2 || k > 10) return msg('finetuneLab.custom.classCount', { classes: k });
  for (const [name, set] of [['training', task.train], ['test', task.test]] as const) {
    const which = msg(name === 'training' ? 'finetuneLab.set.training' : 'finetuneLab.set.test');
    if (set.images.length !== set.count * 784 || set.labels.length !== set.count) return msg('finetuneLab.custom.shape', { set: which, images: String(set.count) });
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < set.count; i++) {
      const l = set.labels[i]!;
      if (!(l >= 0 && l < k)) return msg('finetuneLab.custom.label', { set: which, label: String(l), max: k - 1 });
      counts[l]!++;
    }
    const empty = counts.findIndex((n) => n === 0);
    if (empty >= 0) return msg('finetuneLab.custom.empty', { name: String(task.classNames[empty]), set: which });
  }
  return null;
}
