/**
 * Which feature map and pixel the explorer shows in detail. A layer and map come from attributes or clicks
 * and are checked against the model (a refused pair keeps the last good one, with the reader's message);
 * the pixel is kept as a fraction of the map's size, so it stays put when the reader moves to a layer of another
 * resolution; with no pixel chosen yet, the map's strongest response is shown.
 */
import type { PlainTensor } from '../conv/tensor.ts';
import { ParamError, quote } from '../params/index.ts';
import { msg } from '../i18n/t.ts';
import type { LayerSpec } from './layer-spec.ts';
import type { LayerRow } from './layer-table.ts';

export interface MapChoice { layer: string; map: number }
export interface Resolved { choice: MapChoice; index: number; map: number; y: number; x: number; error: ParamError | null }

/** Layers with [h, w, c] outputs, by name, with their number of maps. */
export function mapChoices(layers: readonly LayerSpec[], rows: readonly LayerRow[]): { name: string; index: number; maps: number }[] {
  return layers.flatMap((l, i) => (rows[i]!.outShape.length === 3 ? [{ name: l.name, index: i, maps: rows[i]!.outShape[2]! }] : []));
}

/** Throws a ParamError for the reader when `layer` has no maps or `map` (1-based) is past its last one. */
export function checkChoice(c: MapChoice, choices: ReturnType<typeof mapChoices>): void {
  const hit = choices.find((x) => x.name === c.layer);
  if (!hit) throw new ParamError('layer', msg('networkExplorer.unknownLayer', { layer: quote(c.layer), choices: choices.map((x) => x.name).join(', ') }));
  if (c.map < 1 || c.map > hit.maps) throw new ParamError('map', msg('networkExplorer.mapRange', { maps: hit.maps, layer: c.layer, map: String(c.map) }));
}

/** The pixel of map `map` (0-based) with the largest value (the first one on ties). */
export function strongestPixel(out: PlainTensor, map: number): { y: number; x: number } {
  const [, , w, c] = out.shape as [number, number, number, number];
  let best = 0;
  for (let p = 1; p < out.data.length / c; p++) if (out.data[p * c + map]! > out.data[best * c + map]!) best = p;
  return { y: Math.floor(best / w), x: best % w };
}

/**
 * The map to show: `wanted` if the model has it, else `kept` (the last good one), else the first map layer's
 * map 1. `outputs[i]` is layer i's output; `pixel` the fraction (fy, fx) chosen before, if any.
 */
export function resolveSelection(layers: readonly LayerSpec[], rows: readonly LayerRow[], outputs: readonly PlainTensor[], wanted: MapChoice, kept: MapChoice, pixel: { fy: number; fx: number } | null): Resolved {
  const choices = mapChoices(layers, rows);
  let choice = wanted, error: ParamError | null = null;
  try {
    checkChoice(wanted, choices);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    error = e;
    try { checkChoice(kept, choices); choice = kept; } catch { choice = { layer: choices[0]!.name, map: 1 }; }
  }
  const index = choices.find((x) => x.name === choice.layer)!.index;
  const out = outputs[index]!;
  const [, h, w] = out.shape as [number, number, number, number];
  const map = choice.map - 1;
  const at = pixel ? { y: Math.min(h - 1, Math.floor(pixel.fy * h)), x: Math.min(w - 1, Math.floor(pixel.fx * w)) } : strongestPixel(out, map);
  return { choice, index, map, ...at, error };
}

/** The fraction of a map's size at the centre of pixel (y, x), for `resolveSelection`. */
export function pixelFraction(y: number, x: number, h: number, w: number): { fy: number; fx: number } {
  return { fy: (y + 0.5) / h, fx: (x + 0.5) / w };
}
