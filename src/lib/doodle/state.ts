/**
 * What the widget saves: the reader's classes with their drawings, and a note on the trained model (its weights
 * live in tfjs's own IndexedDB store). Stored as plain JSON with each stroke as a flat [x0, y0, x1, y1, …] list.
 * `parseState` checks everything it reads, so a damaged or foreign record gives a message, never a crash.
 */
import { MAX_CLASSES, MAX_EXAMPLES, MAX_NAME } from './classes.ts';
import { PAD_SIZE, type Drawing } from './strokes.ts';

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

export class StateError extends Error {}

export function parseState(raw: unknown): DoodleState {
  const bad = (why: string): never => { throw new StateError(`The saved drawings could not be read (${why}).`); };
  if (!isObject(raw)) return bad('not an object');
  if (raw.version !== STATE_VERSION) bad(`version ${String(raw.version)}, expected ${STATE_VERSION}`);
  if (!Array.isArray(raw.classes) || raw.classes.length > MAX_CLASSES) bad('no list of at most 5 classes');
  const classes = (raw.classes as unknown[]).map((c, i): DoodleClass => {
    if (!isObject(c) || typeof c.name !== 'string' || c.name.length > MAX_NAME + 8) return bad(`class ${i + 1} has no usable name`);
    if (!Array.isArray(c.drawings) || c.drawings.length > MAX_EXAMPLES) return bad(`class ${i + 1} has no list of at most ${MAX_EXAMPLES} drawings`);
    return { name: c.name, drawings: (c.drawings as unknown[]).map((d, j) => drawing(d, () => bad(`drawing ${j + 1} of class ${i + 1} is damaged`))) };
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

function modelNote(raw: unknown, bad: (why: string) => never): ModelNote {
  if (!isObject(raw)) return bad('the model note is not an object');
  const { classNames, source, epochs, seed, trainAccuracy, made } = raw;
  if (!Array.isArray(classNames) || classNames.length < 2 || classNames.length > MAX_CLASSES || !classNames.every((n) => typeof n === 'string')) bad('the model note has no class names');
  if (typeof source !== 'string' || typeof made !== 'string' || typeof epochs !== 'number' || typeof seed !== 'number') bad('the model note is incomplete');
  if (trainAccuracy !== null && typeof trainAccuracy !== 'number') bad('the model note has no accuracy');
  return { classNames: [...(classNames as string[])], source: source as string, epochs: epochs as number, seed: seed as number, trainAccuracy: trainAccuracy as number | null, made: made as string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const inPad = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= PAD_SIZE;
