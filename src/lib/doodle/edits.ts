/**
 * Changes to the reader's classes, as pure functions on the class list: each either does the change or says,
 * in a sentence, why not — and none of them drops a drawing the reader did not ask to remove.
 */
import { ParamError } from '../params/index.ts';
import { MAX_CLASSES, MAX_EXAMPLES, MIN_CLASSES, cleanName } from './classes.ts';
import type { DoodleClass, ModelNote } from './state.ts';
import type { Drawing } from './strokes.ts';

export const plural = (n: number, w: string) => `${n} ${n === 1 ? w : w.endsWith('s') ? `${w}es` : `${w}s`}`;

/** Class names from the `classes` attribute, by position; refused when it would drop a class with drawings. */
export function withNames(classes: readonly DoodleClass[], names: readonly string[]): DoodleClass[] {
  const lost = classes.slice(names.length).find((c) => c.drawings.length);
  if (lost) throw new ParamError('classes', `classes: “${lost.name}” has ${plural(lost.drawings.length, 'drawing')}; remove them before dropping the class.`);
  return names.map((name, i) => ({ name, drawings: classes[i]?.drawings ?? [] }));
}

/** Adds a drawing to class `i`; returns why not (an empty drawing, a full class), or null when done. */
export function addDrawing(classes: DoodleClass[], i: number, d: Drawing, hasInk: boolean): string | null {
  const c = classes[i];
  if (!c) return `There is no class ${i + 1}.`;
  if (!hasInk) return 'The pad is empty: draw something, then add it to a class.';
  if (c.drawings.length >= MAX_EXAMPLES) return `“${cleanName(c.name)}” already has ${MAX_EXAMPLES} drawings, the most a class can hold.`;
  c.drawings.push(d);
  return null;
}

/** Removes class `i` only when it is empty and at least MIN_CLASSES remain. */
export function removeClass(classes: DoodleClass[], i: number): string | null {
  const c = classes[i];
  if (!c) return `There is no class ${i + 1}.`;
  if (c.drawings.length) return `“${cleanName(c.name)}” still has ${plural(c.drawings.length, 'drawing')}: remove them first.`;
  if (classes.length <= MIN_CLASSES) return `Keep at least ${MIN_CLASSES} classes.`;
  classes.splice(i, 1);
  return null;
}

/** Appends an empty class named “class k” (k not yet used); returns why not when there are already five. */
export function addClass(classes: DoodleClass[]): string | null {
  if (classes.length >= MAX_CLASSES) return `At most ${MAX_CLASSES} classes.`;
  const names = new Set(classes.map((c) => cleanName(c.name).toLowerCase()));
  let k = classes.length + 1;
  while (names.has(`class ${k}`)) k++;
  classes.push({ name: `class ${k}`, drawings: [] });
  return null;
}

const percent = (a: number | null) => (a === null || Number.isNaN(a) ? 'unknown' : `${(100 * a).toFixed(0)}%`);

/** One line on the reader's model: where it came from and whether it still matches the classes. */
export function describeModel(m: ModelNote | null, classes: readonly DoodleClass[]): string {
  if (!m) return 'No trained model yet.';
  const same = m.classNames.join('\n') === classes.map((c) => cleanName(c.name)).join('\n');
  const origin = m.made === 'imported' ? 'Imported model' : `Model trained from ${m.source} (${m.epochs} epochs, seed ${m.seed}, training accuracy ${percent(m.trainAccuracy)})`;
  return `${origin} for: ${m.classNames.join(', ')}.${same ? '' : ' Your classes have changed since: train again to use them.'}`;
}

export { percent };
