/** `<fm-activation-maps>`'s attributes: defaults and one parser each (also run by the MDX shell at build time). */
import { ParamError, parseInteger } from '@lib/params/index.ts';
import { msg, whyOf } from '@lib/i18n/index.ts';
import { DEFAULT_SLOPE, type ActivationName } from '@lib/activations/functions.ts';
import { parseActivation, parseSlope } from '@lib/activations/params.ts';
import { MAP_KERNELS } from '@lib/activations/feature-maps.ts';
import { parseImage } from '@components/conv-playground/settings.ts';

export interface MapsSettings { image: string; activation: ActivationName; slope: number; channel: number }
export const MAPS_DEFAULTS: MapsSettings = { image: 'chelsea', activation: 'relu', slope: DEFAULT_SLOPE, channel: 1 };
export const MAPS_ATTRS = ['image', 'activation', 'slope', 'channel'] as const;
export type MapsAttr = (typeof MAPS_ATTRS)[number];

export const MAPS_PARSE: Record<MapsAttr, (raw: string) => Partial<MapsSettings>> = {
  image: (raw) => {
    const image = parseImage(raw);
    if (image === 'draw') throw new ParamError('image', msg('activationMaps.noDrawing'));
    return { image };
  },
  activation: (raw) => ({ activation: parseActivation(raw) }),
  slope: (raw) => ({ slope: parseSlope(raw) }),
  channel: (raw) => {
    try {
      return { channel: parseInteger('channel', raw, 1, MAP_KERNELS.length) };
    } catch (e) {
      throw new ParamError('channel', msg('activationMaps.channelRefused', { why: whyOf(e) ?? (e as Error).message, maps: MAP_KERNELS.map((k, i) => `${i + 1} = ${k}`).join(', ') }));
    }
  },
};
