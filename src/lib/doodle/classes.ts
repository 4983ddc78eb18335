/**
 * The reader's classes: how many, what they may be called, and whether the drawings are enough to train.
 * Every problem is a catalogue message (doodleClasses.*) the widget says in its language; the lists come back empty
 * when all is well.
 */
import { ParamError, quote } from '../params/index.ts';
import { sentenceGap, msg, say } from '../i18n/t.ts';
import type { Lang } from '../i18n/locales.ts';
import type { Msg } from '../i18n/types.ts';

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 5;
/** One drawing per class teaches nothing about variation; two is the least we train on. */
export const MIN_EXAMPLES = 2;
export const MAX_EXAMPLES = 40;
export const MAX_NAME = 24;

/** Sentences said one after another: a space between them in English, none in Chinese (they end in 。). */
export function sentences(lang: Lang, messages: readonly (Msg | string)[]): string {
  return messages.map((m) => say(lang, m)).filter(Boolean).join(sentenceGap(lang));
}

/** Problems with a list of class names (count, blank, too long, duplicates ignoring case and spaces). */
export function nameProblems(names: readonly string[]): Msg[] {
  const out: Msg[] = [];
  if (names.length < MIN_CLASSES) out.push(msg('doodleClasses.tooFew', { min: MIN_CLASSES, count: names.length }));
  if (names.length > MAX_CLASSES) out.push(msg('doodleClasses.tooMany', { max: MAX_CLASSES, count: names.length }));
  const seen = new Map<string, number>();
  names.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '') out.push(msg('doodleClasses.noName', { n: i + 1 }));
    else if (name.length > MAX_NAME) out.push(msg('doodleClasses.longName', { n: i + 1, max: MAX_NAME }));
    const key = name.toLowerCase().replace(/\s+/g, ' ');
    if (name !== '' && seen.has(key)) out.push(msg('doodleClasses.sameName', { a: seen.get(key)! + 1, b: i + 1, name }));
    else seen.set(key, i);
  });
  return out;
}

export interface ClassCount { name: string; count: number }

/** Problems that stop training: the names, then the examples per class. */
export function trainingProblems(classes: readonly ClassCount[]): Msg[] {
  const names = nameProblems(classes.map((c) => c.name));
  if (names.length) return names;
  const total = classes.reduce((s, c) => s + c.count, 0);
  if (total === 0) return [msg('doodleClasses.noDrawings', { min: MIN_EXAMPLES })];
  const only = classes.filter((c) => c.count > 0);
  if (only.length === 1) return [msg('doodleClasses.oneClass', { count: total, name: only[0]!.name.trim(), min: MIN_EXAMPLES })];
  return classes
    .filter((c) => c.count < MIN_EXAMPLES)
    .map((c) => msg(c.count === 0 ? 'doodleClasses.noneIn' : 'doodleClasses.oneIn', { name: c.name.trim(), min: MIN_EXAMPLES }));
}

/**
 * A refused `classes` attribute: `classes "…":` and then each problem. `message` is the English text; `said`, in
 * another language, is `messages` said as sentences (AttributeSettings-style hosts show `messages` one by one).
 */
export class ClassListError extends ParamError {
  readonly messages: readonly Msg[];
  constructor(raw: string, problems: readonly Msg[]) {
    const messages = [msg('doodleClasses.badClasses', { value: quote(raw) }), ...problems];
    super('classes', sentences('en', messages));
    this.messages = messages;
  }
}

/** The `classes` attribute: names separated by commas, e.g. "circle, cross, line". */
export function parseClassList(raw: string): string[] {
  const names = raw.split(',').map((s) => s.trim());
  const problems = nameProblems(names);
  if (problems.length) throw new ClassListError(raw, problems);
  return names;
}

/** A class name ready for display and storage (trimmed, inner spaces collapsed). */
export function cleanName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}
