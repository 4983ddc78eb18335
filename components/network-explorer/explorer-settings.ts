/**
 * `<fm-network-explorer>`'s attributes: defaults and one parser each (also run by the MDX shell at build time).
 * What the parsers cannot know without the model — the test set's size, the layer names, a layer's number of
 * maps — is checked once the model has loaded (src/lib/nets/test-images.ts, selection.ts), in the same style.
 * No tfjs here: the model list is repeated from src/lib/models/shipped.ts (a unit test keeps them equal).
 */
import { ParamError, parseKeyword, quote } from '@lib/params/index.ts';
import { msg, type Msg } from '@lib/i18n/index.ts';

export const MODEL_CHOICES = [
  { name: 'fashion-cnn', title: msg('networkExplorer.modelFashion') },
  { name: 'digits04-cnn', title: msg('networkExplorer.modelDigits') },
] as const;

export interface ExplorerSettings { model: string; image: number; layer: string; map: number }
export const EXPLORER_DEFAULTS: ExplorerSettings = { model: 'fashion-cnn', image: 0, layer: 'conv1', map: 1 };
export const EXPLORER_ATTRS = ['model', 'image', 'layer', 'map'] as const;
export type ExplorerAttr = (typeof EXPLORER_ATTRS)[number];

const whole = (name: string, raw: string, what: Msg, min: number): number => {
  const text = raw.trim();
  const value = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min)) throw new ParamError(name, msg('networkExplorer.badNumber', { name, what, min, value: quote(raw) }));
  return value;
};

export const EXPLORER_PARSE: Record<ExplorerAttr, (raw: string) => Partial<ExplorerSettings>> = {
  model: (raw) => ({ model: parseKeyword('model', raw, MODEL_CHOICES.map((m) => m.name)) }),
  image: (raw) => ({ image: whole('image', raw, msg('networkExplorer.aTestImage'), 0) }),
  layer: (raw) => {
    const text = raw.trim().toLowerCase();
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(text)) throw new ParamError('layer', msg('networkExplorer.badLayer', { value: quote(raw) }));
    return { layer: text };
  },
  map: (raw) => ({ map: whole('map', raw, msg('networkExplorer.aMap'), 1) }),
};
