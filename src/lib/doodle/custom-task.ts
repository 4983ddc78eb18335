/**
 * The reader's saved doodle classes as a task for the fine-tuning lab (`CustomTask`): every drawing rasterised and
 * MNIST-preprocessed exactly as `<fm-doodle-classes>` does (28×28, 0–255), and each class split in drawing order —
 * the last quarter of its drawings (at least one) held out to test, the rest the labelled examples. Held-out
 * drawings are never trained on, so the lab's accuracy says how well the classes generalise, not how well they
 * were memorised. A set that cannot be split gives one sentence saying why (the lab shows it as is).
 */
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import type { CustomTask } from '../transfer/targets.ts';
import { cleanName } from './classes.ts';
import { parseState, type DoodleState } from './state.ts';
import type { Drawing } from './strokes.ts';
import { mnistOf } from '../stroke-pad/image.ts';

/** One drawing to train on and one to test on is the least that means anything. */
export const MIN_DRAWINGS = 2;

/** How many of a class's `n` drawings are held out: one in four, at least one. */
export const heldOutOf = (n: number) => Math.max(1, Math.round(n / 4));

/** The 28×28 image the doodle widget makes of a drawing; null when it has no ink. */
export const doodleImage = (d: Drawing): Uint8Array | null => mnistOf(d);

export interface DoodleSplit { name: string; train: number; test: number }
export type DoodleTask = { ok: true; task: CustomTask; split: DoodleSplit[] } | { ok: false; problem: Msg };

/** The lab's task from a doodle state, or why there is none. */
export function doodleTask(state: DoodleState): DoodleTask {
  const refuse = (problem: Msg): DoodleTask => ({ ok: false, problem });
  const names = state.classes.map((c) => cleanName(c.name));
  if (names.length < 2) return refuse(msg(names.length === 1 ? 'doodleTask.oneClass' : 'doodleTask.noClasses'));
  const unnamed = names.findIndex((n) => n === '');
  if (unnamed >= 0) return refuse(msg('doodleTask.unnamed', { n: String(unnamed + 1) }));
  const twice = names.findIndex((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i);
  if (twice >= 0) return refuse(msg('doodleTask.twice', { name: names[twice]! }));
  // Drawings without ink cannot be added in the widget; a damaged record could still hold one, so it is skipped.
  const images = state.classes.map((c) => c.drawings.map(doodleImage).filter((im): im is Uint8Array => im !== null));
  const short = images.findIndex((list) => list.length < MIN_DRAWINGS);
  if (short >= 0) {
    const n = images[short]!.length;
    return refuse(msg(n === 0 ? 'doodleTask.noDrawings' : 'doodleTask.oneDrawing', { name: names[short]!, min: String(MIN_DRAWINGS) }));
  }
  const split = images.map((list, k) => ({ name: names[k]!, test: heldOutOf(list.length), train: list.length - heldOutOf(list.length) }));
  const pack = (part: 'train' | 'test') => {
    const count = split.reduce((s, c) => s + c[part], 0);
    const out = new Uint8Array(count * 784);
    const labels = new Uint8Array(count);
    let i = 0;
    images.forEach((list, k) => {
      const from = part === 'train' ? 0 : split[k]!.train;
      for (const im of list.slice(from, from + split[k]![part])) { out.set(im, i * 784); labels[i++] = k; }
    });
    return { images: out, labels, count };
  };
  return { ok: true, task: { classNames: names, train: pack('train'), test: pack('test') }, split };
}

/**
 * Of the saved records (one per doodle widget), the one saved last that holds any drawing, parsed; null when no
 * record has a drawing (a widget saves its empty preset classes as soon as it opens). Damaged records are skipped.
 */
export function latestDoodles(records: readonly { key: string; value: unknown }[]): { key: string; state: DoodleState } | null {
  let best: { key: string; state: DoodleState; saved: number } | null = null;
  for (const { key, value } of records) {
    let state: DoodleState;
    try { state = parseState(value); } catch { continue; }
    if (!state.classes.some((c) => c.drawings.length > 0)) continue;
    const saved = typeof (value as { saved?: unknown }).saved === 'number' ? (value as { saved: number }).saved : 0;
    if (!best || saved >= best.saved) best = { key, state, saved };
  }
  return best && { key: best.key, state: best.state };
}
