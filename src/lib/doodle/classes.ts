/**
 * The reader's classes: how many, what they may be called, and whether the drawings are enough to train.
 * Every problem is a sentence the widget shows as is; the lists come back empty when all is well.
 */
import { ParamError, quote } from '../params/index.ts';

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 5;
/** One drawing per class teaches nothing about variation; two is the least we train on. */
export const MIN_EXAMPLES = 2;
export const MAX_EXAMPLES = 40;
export const MAX_NAME = 24;

const show = (name: string) => `“${name}”`;

/** Problems with a list of class names (count, blank, too long, duplicates ignoring case and spaces). */
export function nameProblems(names: readonly string[]): string[] {
  const out: string[] = [];
  if (names.length < MIN_CLASSES) out.push(`Name at least ${MIN_CLASSES} classes (there ${names.length === 1 ? 'is 1' : `are ${names.length}`}).`);
  if (names.length > MAX_CLASSES) out.push(`Use at most ${MAX_CLASSES} classes (there are ${names.length}).`);
  const seen = new Map<string, number>();
  names.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '') out.push(`Class ${i + 1} has no name.`);
    else if (name.length > MAX_NAME) out.push(`Class ${i + 1}'s name is longer than ${MAX_NAME} characters.`);
    const key = name.toLowerCase().replace(/\s+/g, ' ');
    if (name !== '' && seen.has(key)) out.push(`Classes ${seen.get(key)! + 1} and ${i + 1} are both called ${show(name)}: give each class its own name.`);
    else seen.set(key, i);
  });
  return out;
}

export interface ClassCount { name: string; count: number }

/** Problems that stop training: the names, then the examples per class. */
export function trainingProblems(classes: readonly ClassCount[]): string[] {
  const names = nameProblems(classes.map((c) => c.name));
  if (names.length) return names;
  const total = classes.reduce((s, c) => s + c.count, 0);
  if (total === 0) return [`There are no drawings yet: draw at least ${MIN_EXAMPLES} examples of each class.`];
  const only = classes.filter((c) => c.count > 0);
  if (only.length === 1) {
    const where = total === 1 ? `The only drawing is in ${show(only[0]!.name.trim())}` : `All ${total} drawings are in ${show(only[0]!.name.trim())}`;
    return [`${where}: a classifier needs examples of at least two classes to tell them apart. Draw ${MIN_EXAMPLES} or more of each of the others.`];
  }
  return classes
    .filter((c) => c.count < MIN_EXAMPLES)
    .map((c) => `${show(c.name.trim())} has ${c.count === 0 ? 'no drawings' : 'only 1 drawing'}: draw at least ${MIN_EXAMPLES} examples of each class.`);
}

/** The `classes` attribute: names separated by commas, e.g. "circle, cross, line". */
export function parseClassList(raw: string): string[] {
  const names = raw.split(',').map((s) => s.trim());
  const problems = nameProblems(names);
  if (problems.length) throw new ParamError('classes', `classes ${quote(raw)}: ${problems.join(' ')}`);
  return names;
}

/** A class name ready for display and storage (trimmed, inner spaces collapsed). */
export function cleanName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}
