/**
 * "Labelled examples per class" for the reader's own classes: a run takes the first `perClass` training images of
 * each class, or all of them when a class has fewer — the reader drew what they drew, so the lab says so rather
 * than refusing. The held-out images are always all used.
 */
import type { CustomTask } from './targets.ts';

export interface ShortClass { name: string; have: number }

/** The training images each class has, in class order. */
export function trainCounts(task: CustomTask): number[] {
  const counts = new Array<number>(task.classNames.length).fill(0);
  for (let i = 0; i < task.train.count; i++) counts[task.train.labels[i]!]!++;
  return counts;
}

/** The task with at most `perClass` training images per class (in their order), and the classes that have fewer. */
export function limitPerClass(task: CustomTask, perClass: number): { task: CustomTask; short: ShortClass[] } {
  const counts = trainCounts(task);
  const short = counts.flatMap((have, k) => (have < perClass ? [{ name: task.classNames[k]!, have }] : []));
  const taken = new Array<number>(counts.length).fill(0);
  const keep: number[] = [];
  for (let i = 0; i < task.train.count; i++) {
    const l = task.train.labels[i]!;
    if (taken[l]! < perClass) { taken[l]!++; keep.push(i); }
  }
  if (keep.length === task.train.count) return { task, short };
  const images = new Uint8Array(keep.length * 784);
  keep.forEach((src, i) => images.set(task.train.images.subarray(src * 784, (src + 1) * 784), i * 784));
  const labels = Uint8Array.from(keep, (src) => task.train.labels[src]!);
  return { task: { ...task, train: { images, labels, count: keep.length } }, short };
}

/** A sentence for the reader when `perClass` asks for more drawings than some classes have; '' otherwise. */
export function shortNote(perClass: number, short: readonly ShortClass[]): string {
  if (short.length === 0) return '';
  const list = short.map((s) => `“${s.name}” has ${s.have}`).join(', ');
  return `You asked for ${perClass} labelled examples per class, but not every class has that many drawings to learn from (${list}): those classes use all they have.`;
}
