/**
 * The playground's settings, parsed from its attributes with the book's shared parsers (the same ones the
 * MDX shell runs at build time and the embed page feeds from the URL). Pure: no DOM, no tfjs.
 */
import { formatKernel, isScalable, parseKernel, parseKernelSize, PRESETS, type Kernel2D, type PresetName } from '@lib/conv/kernels.ts';
import { keywordText, MAX_EXPLICIT_PADDING, parseInteger, parseKeyword, parsePadding, ParamError, quote, type Padding } from '@lib/params/index.ts';
import { msg, type Msg } from '@lib/i18n/index.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import manifest from '../../public/samples/manifest.json';

export interface Sample { name: string; title: string; file: string; width: number; height: number; licence: string; credit: string; alt: string }
export const SAMPLES: readonly Sample[] = manifest.samples;
export const DEFAULT_IMAGE = 'chelsea';

export interface Settings {
  image: string; // a sample name or 'draw'
  kernelText: string;
  kernel: Kernel2D;
  kernelSize: number;
  stride: number;
  padding: Padding;
  dilation: number;
  color: 'gray' | 'rgb';
  rgbMode: 'depthwise' | 'full';
  seed: number;
}

export const ATTRIBUTES = ['image', 'kernel', 'kernel-size', 'stride', 'padding', 'dilation', 'color', 'rgb-mode', 'seed'] as const;
export type AttributeName = (typeof ATTRIBUTES)[number];

export function defaultSettings(): Settings {
  return {
    image: DEFAULT_IMAGE, kernelText: 'sobel-x', kernel: parseKernel('kernel', 'sobel-x'), kernelSize: 3,
    stride: 1, padding: 'valid', dilation: 1, color: 'gray', rgbMode: 'depthwise', seed: 1,
  };
}

export function parseImage(raw: string): string {
  const text = keywordText(raw);
  if (text === 'draw' || SAMPLES.some((s) => s.name === text)) return text;
  throw new ParamError('image', msg('convPlayground.unknownImage', { raw: quote(raw), samples: SAMPLES.map((s) => s.name).join(', ') }));
}

/**
 * The shared parsers (src/lib/params) with their messages from the catalogue: the same checks and the same English,
 * and the attribute named in the reader's language (`stride` → 步幅（stride）).
 */
type Named = 'kernel' | 'kernel-size' | 'seed' | 'stride' | 'dilation' | 'padding' | 'color' | 'rgb-mode';
const named = (name: Named): Msg => msg(`convPlayground.attr.${name}`);
const WHOLE = /^[+-]?\d+$/;

export function integer(name: Named, raw: string, min: number, max: number): number {
  try {
    return parseInteger(name, raw, min, max);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    const text = raw.trim();
    const range = { name: named(name), min: String(min), max: String(max) };
    throw new ParamError(name, WHOLE.test(text) ? msg('convPlayground.outOfRange', { ...range, value: String(Number(text)) }) : msg('convPlayground.notWhole', { ...range, raw: quote(raw) }));
  }
}

function keyword<const T extends string>(name: Named, raw: string, allowed: readonly T[]): T {
  try {
    return parseKeyword(name, raw, allowed);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    throw new ParamError(name, msg('convPlayground.unknownKeyword', { name: named(name), raw: quote(raw), allowed: allowed.join(', ') }));
  }
}

function padding(raw: string): Padding {
  const text = keywordText(raw);
  if (WHOLE.test(text)) return integer('padding', text, 0, MAX_EXPLICIT_PADDING);
  try {
    return parsePadding('padding', raw);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    throw new ParamError('padding', msg('convPlayground.badPadding', { name: named('padding'), max: String(MAX_EXPLICIT_PADDING), raw: quote(raw) }));
  }
}

/** A catalogue message from src/lib/conv with its `{name}` (an attribute's identifier) said in the reader's language. */
export function renamed(said: string | Msg, name: Msg): string | Msg {
  if (typeof said === 'string' || !said.params || !('name' in said.params)) return said;
  const inner = (said.params as { name: unknown }).name;
  // A cell's name (conv.cell) holds the attribute's: rename inside it.
  const named = typeof inner === 'object' && inner !== null ? renamed(inner as Msg, name) : name;
  return { ...said, params: { ...said.params, name: named } } as Msg;
}

function kernel(text: string, size: number, seed: number): Kernel2D {
  try {
    return parseKernel('kernel', text, size, seed);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    throw new ParamError('kernel', renamed(e.said, named('kernel')));
  }
}

/** The settings with one attribute changed (an absent attribute means its default); throws ParamError. */
export function withAttribute(s: Settings, name: AttributeName, raw: string | null): Settings {
  const d = defaultSettings();
  const next = { ...s };
  switch (name) {
    case 'image': next.image = raw === null ? d.image : parseImage(raw); break;
    case 'kernel-size': next.kernelSize = raw === null ? d.kernelSize : kernelSize(raw); break;
    case 'seed': next.seed = raw === null ? d.seed : integer('seed', raw, 0, 2 ** 31 - 1); break;
    case 'kernel': next.kernelText = raw === null ? d.kernelText : raw; break;
    case 'stride': next.stride = raw === null ? d.stride : integer('stride', raw, 1, 4); break;
    case 'dilation': next.dilation = raw === null ? d.dilation : integer('dilation', raw, 1, 4); break;
    case 'padding': next.padding = raw === null ? d.padding : padding(raw); break;
    case 'color': next.color = raw === null ? d.color : keyword('color', raw, ['gray', 'rgb']); break;
    case 'rgb-mode': next.rgbMode = raw === null ? d.rgbMode : keyword('rgb-mode', raw, ['depthwise', 'full']); break;
  }
  // The kernel depends on its text, the size (scalable presets) and the seed (random).
  if (name === 'kernel' || name === 'kernel-size' || name === 'seed') next.kernel = kernel(next.kernelText, next.kernelSize, next.seed);
  return next;
}

function kernelSize(raw: string): number {
  try {
    return parseKernelSize('kernel-size', raw);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    throw new ParamError('kernel-size', renamed(e.said, named('kernel-size')));
  }
}

/** The preset the kernel text names, or null for typed rows. */
export function presetOf(s: Settings): PresetName | null {
  const t = s.kernelText.trim().toLowerCase();
  return (PRESETS as readonly string[]).includes(t) ? (t as PresetName) : null;
}

/** A kernel resized to n×n around its centre (cropped, or zero-padded), as rows text. */
export function resizedKernelText(k: Kernel2D, n: number): string {
  const values: number[] = [];
  const oy = Math.floor((k.rows - n) / 2);
  const ox = Math.floor((k.cols - n) / 2);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const sy = y + oy, sx = x + ox;
    values.push(sy >= 0 && sy < k.rows && sx >= 0 && sx < k.cols ? k.values[sy * k.cols + sx]! : 0);
  }
  return formatKernel({ rows: n, cols: n, values });
}

export function sizeApplies(s: Settings): boolean {
  const p = presetOf(s);
  return p !== null && isScalable(p);
}

/**
 * The tfjs kernel: gray [kh, kw, 1, 1]; RGB full [kh, kw, 3, 1] (the same 2-D kernel on R, G and B, summed);
 * RGB depthwise [kh, kw, 3, 1] used by depthwiseConv2d (each channel filtered on its own).
 */
export function kernelTensor(k: Kernel2D, color: Settings['color']): PlainTensor {
  const cin = color === 'gray' ? 1 : 3;
  const data = new Float32Array(k.rows * k.cols * cin);
  for (let i = 0; i < k.rows * k.cols; i++) for (let c = 0; c < cin; c++) data[i * cin + c] = k.values[i]!;
  return { data, shape: [k.rows, k.cols, cin, 1] };
}

export function convOp(s: Pick<Settings, 'color' | 'rgbMode'>): 'conv2d' | 'depthwise' {
  return s.color === 'rgb' && s.rgbMode === 'depthwise' ? 'depthwise' : 'conv2d';
}
