/** `<fm-doodle-classes>`'s attributes: defaults and one parser each (also run by the MDX shell at build time). */
import { parseInteger, parseKeyword } from '@lib/params/index.ts';
import { MODEL_NAMES } from '@lib/models/shipped.ts';
import { parseClassList } from '@lib/doodle/classes.ts';

export interface DoodleSettings { source: string; classes: string[]; epochs: number; seed: number }
export const DOODLE_DEFAULTS: DoodleSettings = { source: 'fashion-cnn', classes: ['sun', 'house', 'tree'], epochs: 100, seed: 1 };
export const DOODLE_ATTRS = ['source', 'classes', 'epochs', 'seed'] as const;
export type DoodleAttr = (typeof DOODLE_ATTRS)[number];

export const DOODLE_PARSE: Record<DoodleAttr, (raw: string) => Partial<DoodleSettings>> = {
  source: (raw) => ({ source: parseKeyword('source', raw, MODEL_NAMES) }),
  classes: (raw) => ({ classes: parseClassList(raw) }),
  epochs: (raw) => ({ epochs: parseInteger('epochs', raw, 1, 1000) }),
  seed: (raw) => ({ seed: parseInteger('seed', raw, 0, 999_999) }),
};
