/**
 * The playground's settings, parsed from its attributes with the book's shared parsers (the same ones the
 * MDX shell runs at build time and the embed page feeds from the URL). Pure: no DOM, no tfjs.
 */
import { formatKernel, isScalable, parseKernel, parseKernelSize, PRESETS, type Kernel2D, type PresetName } from '@lib/conv/kernels.ts';
import { parseInteger, parseKeyword, parsePadding, ParamError, quote, type Padding } from '@lib/params/index.ts';
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
  const text = raw.trim().toLowerCase();
  if (text === 'draw' || SAMPLES.some((s) => s.name === text)) return text;
  throw new ParamError('image', `Unknown image ${quote(raw)}. Choose one of: ${SAMPLES.map((s) => s.name).join(', ')}, or draw.`);
}

/** The settings with one attribute changed (an absent attribute means its default); throws ParamError. */
export function withAttribute(s: Settings, name: AttributeName, raw: string | null): Settings {
  const d = defaultSettings();
  const next = { ...s };
  switch (name) {
    case 'image': next.image = raw === null ? d.image : parseImage(raw); break;
    case 'kernel-size': next.kernelSize = raw === null ? d.kernelSize : parseKernelSize('kernel-size', raw); break;
    case 'seed': next.seed = raw === null ? d.seed : parseInteger('seed', raw, 0, 2 ** 31 - 1); break;
    case 'kernel': next.kernelText = raw === null ? d.kernelText : raw; break;
    case 'stride': next.stride = raw === null ? d.stride : parseInteger('stride', raw, 1, 4); break;
    case 'dilation': next.dilation = raw === null ? d.dilation : parseInteger('dilation', raw, 1, 4); break;
    case 'padding': next.padding = raw === null ? d.padding : parsePadding('padding', raw); break;
    case 'color': next.color = raw === null ? d.color : parseKeyword('color', raw, ['gray', 'rgb']); break;
    case 'rgb-mode': next.rgbMode = raw === null ? d.rgbMode : parseKeyword('rgb-mode', raw, ['depthwise', 'full']); break;
  }
  // The kernel depends on its text, the size (scalable presets) and the seed (random).
  if (name === 'kernel' || name === 'kernel-size' || name === 'seed') next.kernel = parseKernel('kernel', next.kernelText, next.kernelSize, next.seed);
  return next;
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
