/**
 * What the widget saves: the reader's classes with their drawings, and a note on the trained model (its weights
 * live in tfjs's own IndexedDB store). Stored as plain JSON with each stroke as a flat [x0, y0, x1, y1, …] list.
 * `parseState` checks everything it reads, so a damaged or foreign record gives a message, never a crash.
 */
import { MAX_CLASSES, MAX_EXAMPLES, MAX_NAME } from './classes.ts';
import { PAD_SIZE, type Drawing } from './strokes.ts';
import { msg } from '../i18n/t.ts';
import { ReaderError } from '../i18n/reader-error.ts';
import type { Msg } from '../i18n/types.ts';

export const STATE_VERSION = 1;
const MAX_STROKES = 200;
const MAX_POINTS = 4000;

export interface DoodleClass { name: string; drawings: Drawing[] }

/** The trained model's facts: the class names it outputs, in order, and how it was made. */
export interface ModelNote {
  classNames: string[];
  source: string;
  epochs: number;
  seed: number;
  trainAccuracy: number | null;
  /** ISO time, or 'imported'. */
  made: string;
}

export interface DoodleState { classes: DoodleClass[]; model: ModelNote | null }

export interface StoredState {
  version: number;
  classes: { name: string; drawings: number[][][] }[];
  model: ModelNote | null;
  /** When it was written (ms since 1970); absent in records written before this field existed. */
  saved?: number;
}

export function serialise(state: DoodleState): StoredState {
  return {
    version: STATE_VERSION,
    classes: state.classes.map((c) => ({ name: c.name, drawings: c.drawings.map((d) => d.map((s) => s.flatMap((p) => [p[0], p[1]]))) })),
    model: state.model ? { ...state.model, classNames: [...state.model.classNames] } : null,
  };
}

/** A saved record that cannot be read: `why` says what is wrong, in the reader's language (`message` in English). */
export class StateError extends ReaderError {
  constructor(why: Msg) {
    super(msg('doodleClasses.state', { why }));
    this.name = 'StateError';
  }
}

export function parseState(raw: unknown): DoodleState {
  const bad = (why: Msg): never => { throw new StateError(why); };
  if (!isObject(raw)) return bad(msg('doodleClasses.state.notObject'));
  if (raw.version !== STATE_VERSION) bad(msg('doodleClasses.state.version', { got: String(raw.version), expected: String(STATE_VERSION) }));
  if (!Array.isArray(raw.classes) || raw.classes.length > MAX_CLASSES) bad(msg('doodleClasses.state.classes'));
  const classes = (raw.classes as unknown[]).map((c, i): DoodleClass => {
    if (!isObject(c) || typeof c.name !== 'string' || c.name.length > MAX_NAME + 8) return bad(msg('doodleClasses.state.name', { n: i + 1 }));
    if (!Array.isArray(c.drawings) || c.drawings.length > MAX_EXAMPLES) return bad(msg('doodleClasses.state.drawings', { n: i + 1, max: MAX_EXAMPLES }));
    return { name: c.name, drawings: (c.drawings as unknown[]).map((d, j) => drawing(d, () => bad(msg('doodleClasses.state.drawing', { j: j + 1, n: i + 1 })))) };
  });
  return { classes, model: raw.model === null || raw.model === undefined ? null : modelNote(raw.model, bad) };
}

function drawing(raw: unknown, bad: () => never): Drawing {
  if (!Array.isArray(raw) || raw.length > MAX_STROKES) bad();
  let points = 0;
  return (raw as unknown[]).map((s) => {
    if (!Array.isArray(s) || s.length % 2 !== 0) bad();
    const flat = s as unknown[];
    points += flat.length / 2;
    if (points > MAX_POINTS) bad();
    const out: [number, number][] = [];
    for (let i = 0; i < flat.length; i += 2) {
      const x = flat[i], y = flat[i + 1];
      if (!inPad(x) || !inPad(y)) bad();
      out.push([x as number, y as number]);
    }
    return out;
  });
}

function modelNote(raw: unknown, bad: (why: Msg) => never): ModelNote {
  if (!isObject(raw)) return bad(msg('doodleClasses.state.note'));
  const { classNames, source, epochs, seed, trainAccuracy, made } = raw;
  if (!Array.isArray(classNames) || classNames.length < 2 || classNames.length > MAX_CLASSES || !classNames.every((n) => typeof n === 'string')) bad(msg('doodleClasses.state.noteNames'));
  if (typeof source !== 'string' || typeof made !== 'string' || typeof epochs !== 'number' || typeof seed !== 'number') bad(msg('doodleClasses.state.noteIncomplete'));
  if (trainAccuracy !== null && typeof trainAccuracy !== 'number') bad(msg('doodleClasses.state.noteAccuracy'));
  return { classNames: [...(classNames as string[])], source: source as string, epochs: epochs as number, seed: seed as number, trainAccuracy: trainAccuracy as number | null, made: made as string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const inPad = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= PAD_SIZE;
