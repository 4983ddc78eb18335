/**
 * A stack of sliding-window layers as the receptive-field widget reads and writes it: "conv 3, pool 2,
 * conv 3 d2, conv 7 s2 valid". Each layer is a kernel (window) size k, a stride s, a dilation d and 'same' or
 * 'valid' padding (TensorFlow's rules). Defaults: conv s1 d1 same; pool s = k, d1, valid — as in Keras.
 */
import { ParamError, quote } from '../params/param-error.ts';
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';

export type LayerKind = 'conv' | 'pool';
export type LayerPadding = 'same' | 'valid';
export interface Layer { kind: LayerKind; k: number; s: number; d: number; padding: LayerPadding }

export const LIMITS = { layers: 16, k: 11, s: 4, d: 8, input: [4, 128] as const };

export function defaultLayer(kind: LayerKind, k: number): Layer {
  return kind === 'conv' ? { kind, k, s: 1, d: 1, padding: 'same' } : { kind, k, s: k, d: 1, padding: 'valid' };
}

function bounded(name: Msg, text: string, max: number, where: Msg): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1 || v > max) throw new ParamError('layers', msg('receptiveField.outOfRange', { where, name, max, raw: quote(text) }));
  return v;
}

/** One item such as "conv 3", "conv 3x3 s2 d1 valid", "pool 2 s1"; `n` counts layers from 1 for messages. */
export function parseLayer(raw: string, n: number): Layer {
  const where = msg('receptiveField.where', { n, raw: quote(raw.trim()) });
  const m = /^\s*(conv|pool)\s*(\d+)(?:\s*[x×]\s*(\d+))?((?:\s+\S+)*)\s*$/i.exec(raw);
  if (!m) throw new ParamError('layers', msg('receptiveField.badLayer', { where }));
  if (m[3] !== undefined && m[3] !== m[2]) throw new ParamError('layers', msg('receptiveField.notSquare', { where, k: m[2]! }));
  const kind = m[1]!.toLowerCase() as LayerKind;
  const layer = defaultLayer(kind, bounded(msg('receptiveField.theWindowSize'), m[2]!, LIMITS.k, where));
  for (const token of m[4]!.trim().split(/\s+/).filter(Boolean)) {
    const t = token.toLowerCase();
    const opt = /^([sd])=?(\d+)$/.exec(t);
    if (opt) layer[opt[1] as 's' | 'd'] = bounded(msg(opt[1] === 's' ? 'receptiveField.theStride' : 'receptiveField.theDilation'), opt[2]!, opt[1] === 's' ? LIMITS.s : LIMITS.d, where);
    else if (t === 'same' || t === 'valid') layer.padding = t;
    else throw new ParamError('layers', msg('receptiveField.unknownSetting', { where, token: quote(token) }));
  }
  return layer;
}

/** A whole stack, items split by commas, semicolons or new lines. */
export function parseLayers(raw: string): Layer[] {
  const items = raw.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean);
  if (items.length === 0) throw new ParamError('layers', msg('receptiveField.layersEmpty'));
  if (items.length > LIMITS.layers) throw new ParamError('layers', msg('receptiveField.tooManyLayers', { n: String(items.length), max: LIMITS.layers }));
  return items.map((t, i) => parseLayer(t, i + 1));
}

export function formatLayer(l: Layer): string {
  const d = defaultLayer(l.kind, l.k);
  return [`${l.kind} ${l.k}`, l.s !== d.s ? `s${l.s}` : '', l.d !== 1 ? `d${l.d}` : '', l.padding !== d.padding ? l.padding : ''].filter(Boolean).join(' ');
}

export function formatLayers(layers: readonly Layer[]): string {
  return layers.map(formatLayer).join(', ');
}

/** A preset: its name (the `preset` attribute's value; its title is in the widget's message catalogue), layers and input size. */
export interface Preset { name: string; layers: string; input: number }

export const PRESETS: readonly Preset[] = [
  { name: 'small-cnn', layers: 'conv 3, pool 2, conv 3, pool 2', input: 28 },
  { name: 'vgg', layers: 'conv 3, conv 3, pool 2, conv 3, conv 3, pool 2, conv 3, conv 3, conv 3, pool 2', input: 64 },
  { name: 'resnet-stem', layers: 'conv 7 s2, pool 3 s2 same, conv 3, conv 3', input: 64 },
  { name: 'dilated', layers: 'conv 3, conv 3 d2, conv 3 d4, conv 3 d8', input: 40 },
];
