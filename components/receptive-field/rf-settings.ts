/**
 * `<fm-receptive-field>`'s attributes: one parser each, shared by the element, the embed page's URL and the MDX
 * shell at build time. Pure: no DOM. `layer` and `unit` are checked for form here and against the stack's
 * sizes in the element, once those are known.
 */
import { ParamError, parseInteger, parseKeyword, quote } from '@lib/params/index.ts';
import { msg } from '@lib/i18n/index.ts';
import { LIMITS, parseLayers, PRESETS, type Layer, type Preset } from '@lib/receptive-field/layers.ts';

export const RF_ATTRS = ['preset', 'layers', 'input-size', 'layer', 'unit'] as const;
export type RfAttr = (typeof RF_ATTRS)[number];
export const DEFAULT_PRESET: Preset = PRESETS[0]!;

export function parsePreset(raw: string): Preset {
  const name = parseKeyword('preset', raw, PRESETS.map((p) => p.name));
  return PRESETS.find((p) => p.name === name)!;
}

export function parseInputSize(raw: string): number {
  return parseInteger('input-size', raw, LIMITS.input[0], LIMITS.input[1]);
}

/** The layer whose unit is picked, counted from 1 (0 would be the input itself, which has no field to show). */
export function parseLayerIndex(raw: string): number {
  return parseInteger('layer', raw, 1, LIMITS.layers);
}

/** "row,col", counted from 1 as readers count; returned 0-based. */
export function parseUnit(raw: string): [number, number] {
  const m = /^\s*(\d{1,4})\s*,\s*(\d{1,4})\s*$/.exec(raw);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new ParamError('unit', msg('receptiveField.badUnit', { raw: quote(raw) }));
  return [Number(m[1]) - 1, Number(m[2]) - 1];
}

export const RF_PARSE: Record<RfAttr, (raw: string) => Preset | Layer[] | number | [number, number]> = {
  preset: parsePreset,
  layers: parseLayers,
  'input-size': parseInputSize,
  layer: parseLayerIndex,
  unit: parseUnit,
};
