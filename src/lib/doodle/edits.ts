/**
 * Changes to the reader's classes, as pure functions on the class list: each either does the change or says,
 * in a catalogue message (doodleClasses.*), why not — and none of them drops a drawing the reader did not ask to remove.
 */
import { ParamError } from '../params/index.ts';
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import { MAX_CLASSES, MAX_EXAMPLES, MIN_CLASSES, cleanName } from './classes.ts';
import type { DoodleClass, ModelNote } from './state.ts';
import type { Drawing } from './strokes.ts';

/** "3 drawings", "1 class": a count of the lab's things, in the catalogue's plural forms. */
export const plural = (count: number, w: 'drawing' | 'class'): Msg => msg(w === 'drawing' ? 'doodleClasses.drawings' : 'doodleClasses.classes', { count });

/** Names as a list in running text (`a, b, c` in English, `a、b、c` in Chinese); with `and`, `a and b` (`a和b`). */
export function listOf(items: readonly (string | Msg)[], and = false): Msg | string {
  if (items.length === 0) return '';
  return items.reduce((before, after) => msg(and ? 'doodleClasses.and' : 'doodleClasses.list', { before, after }));
}

/** Class names from the `classes` attribute, by position; refused when it would drop a class with drawings. */
export function withNames(classes: readonly DoodleClass[], names: readonly string[]): DoodleClass[] {
  const lost = classes.slice(names.length).find((c) => c.drawings.length);
  if (lost) throw new ParamError('classes', msg('doodleClasses.dropClass', { name: lost.name, drawings: plural(lost.drawings.length, 'drawing') }));
  return names.map((name, i) => ({ name, drawings: classes[i]?.drawings ?? [] }));
}

/** Adds a drawing to class `i`; returns why not (an empty drawing, a full class), or null when done. */
export function addDrawing(classes: DoodleClass[], i: number, d: Drawing, hasInk: boolean): Msg | null {
  const c = classes[i];
  if (!c) return msg('doodleClasses.noClass', { n: i + 1 });
  if (!hasInk) return msg('doodleClasses.padEmpty');
  if (c.drawings.length >= MAX_EXAMPLES) return msg('doodleClasses.classFull', { name: cleanName(c.name), max: MAX_EXAMPLES });
  c.drawings.push(d);
  return null;
}

/** Removes class `i` only when it is empty and at least MIN_CLASSES remain. */
export function removeClass(classes: DoodleClass[], i: number): Msg | null {
  const c = classes[i];
  if (!c) return msg('doodleClasses.noClass', { n: i + 1 });
  if (c.drawings.length) return msg('doodleClasses.stillHas', { name: cleanName(c.name), drawings: plural(c.drawings.length, 'drawing') });
  if (classes.length <= MIN_CLASSES) return msg('doodleClasses.keepClasses', { min: MIN_CLASSES });
  classes.splice(i, 1);
  return null;
}

/** Appends an empty class named “class k” (k not yet used); returns why not when there are already five. */
export function addClass(classes: DoodleClass[]): Msg | null {
  if (classes.length >= MAX_CLASSES) return msg('doodleClasses.atMost', { max: MAX_CLASSES });
  const names = new Set(classes.map((c) => cleanName(c.name).toLowerCase()));
  let k = classes.length + 1;
  while (names.has(`class ${k}`)) k++;
  classes.push({ name: `class ${k}`, drawings: [] });
  return null;
}

const percent = (a: number | null): Msg | string => (a === null || Number.isNaN(a) ? msg('doodleClasses.unknown') : `${(100 * a).toFixed(0)}%`);

/** One line on the reader's model: where it came from and whether it still matches the classes. */
export function describeModel(m: ModelNote | null, classes: readonly DoodleClass[]): Msg {
  if (!m) return msg('doodleClasses.noModel');
  const same = m.classNames.join('\n') === classes.map((c) => cleanName(c.name)).join('\n');
  // Epochs and seed as typed (no digit grouping: "seed 123456").
  const origin = m.made === 'imported' ? msg('doodleClasses.importedModel')
    : msg('doodleClasses.trainedModel', { source: m.source, epochs: String(m.epochs), seed: String(m.seed), accuracy: percent(m.trainAccuracy) });
  return msg(same ? 'doodleClasses.modelFor' : 'doodleClasses.modelForChanged', { origin, names: listOf(m.classNames) });
}

export { percent };
