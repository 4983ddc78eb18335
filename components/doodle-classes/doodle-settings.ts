/**
 * `<fm-doodle-classes>`'s attributes: defaults and one parser each (also run by the MDX shell at build time). Refusals
 * are catalogue messages (doodleClasses.*): the English is params' (parseInteger, parseKeyword) word for word.
 */
import { ParamError, quote } from '@lib/params/index.ts';
import { msg } from '@lib/i18n/index.ts';
import { MODEL_NAMES } from '@lib/models/shipped.ts';
import { parseClassList } from '@lib/doodle/classes.ts';

export interface DoodleSettings { source: string; classes: string[]; epochs: number; seed: number }
export const DOODLE_DEFAULTS: DoodleSettings = { source: 'fashion-cnn', classes: ['sun', 'house', 'tree'], epochs: 100, seed: 1 };
export const DOODLE_ATTRS = ['source', 'classes', 'epochs', 'seed'] as const;
export type DoodleAttr = (typeof DOODLE_ATTRS)[number];

/** A whole number within [min, max] (bounds written as they are: "999999", not "999,999"). */
function whole(name: string, raw: string, min: number, max: number): number {
  const text = raw.trim();
  if (!/^[+-]?\d+$/.test(text)) throw new ParamError(name, msg('doodleClasses.badNumber', { name, min: String(min), max: String(max), value: quote(raw) }));
  const value = Number(text);
  if (value < min || value > max) throw new ParamError(name, msg('doodleClasses.outOfRange', { name, min: String(min), max: String(max), value: String(value) }));
  return value;
}

export const DOODLE_PARSE: Record<DoodleAttr, (raw: string) => Partial<DoodleSettings>> = {
  source: (raw) => {
    const hit = MODEL_NAMES.find((k) => k === raw.trim().toLowerCase());
    if (hit === undefined) throw new ParamError('source', msg('doodleClasses.unknownSource', { value: quote(raw), choices: MODEL_NAMES.join(', ') }));
    return { source: hit };
  },
  classes: (raw) => ({ classes: parseClassList(raw) }),
  epochs: (raw) => ({ epochs: whole('epochs', raw, 1, 1000) }),
  seed: (raw) => ({ seed: whole('seed', raw, 0, 999_999) }),
};
