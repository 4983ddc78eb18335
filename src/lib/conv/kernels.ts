import { ParamError, quote } from '../params/param-error.ts';
import { MAX_WEIGHT, parseWeight } from '../params/number-cell.ts';
import { lcg } from '../random/lcg.ts';
import { msg, say } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import { formatWeights } from './weight-format.ts';

/** A 2-D kernel as rows of weights (row-major), the form readers type and read. */
export interface Kernel2D { rows: number; cols: number; values: number[] }

export const MIN_KERNEL = 1;
export const MAX_KERNEL = 7;

export const PRESETS = ['identity', 'box-blur', 'gaussian', 'sharpen', 'sobel-x', 'sobel-y', 'laplacian', 'emboss', 'random'] as const;
export type PresetName = (typeof PRESETS)[number];

/** Presets that make sense at any odd size; the others are defined at 3×3 only. */
const SCALABLE: readonly PresetName[] = ['identity', 'box-blur', 'gaussian', 'random'];

const FIXED: Record<string, number[]> = {
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  'sobel-x': [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  'sobel-y': [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  laplacian: [0, 1, 0, 1, -4, 1, 0, 1, 0],
  emboss: [-2, -1, 0, -1, 1, 1, 0, 1, 2],
};

export function isScalable(name: PresetName): boolean {
  return SCALABLE.includes(name);
}

/** Binomial coefficients approximate a Gaussian and sum to a power of two: exact in float32. */
function binomialRow(n: number): number[] {
  const row = [1];
  for (let i = 1; i < n; i++) row.push((row[i - 1]! * (n - i)) / i);
  return row;
}

/** A preset kernel. `size` applies to scalable presets (identity, box blur, Gaussian, random); `seed` to random. */
export function presetKernel(name: PresetName, size = 3, seed = 1): Kernel2D {
  if (!isScalable(name)) return { rows: 3, cols: 3, values: [...FIXED[name]!] };
  const n = size;
  const values = new Array<number>(n * n).fill(0);
  if (name === 'identity') values[Math.floor((n * n) / 2)] = 1;
  if (name === 'box-blur') values.fill(1 / (n * n));
  if (name === 'gaussian') {
    const b = binomialRow(n);
    const sum = b.reduce((a, v) => a + v, 0);
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) values[y * n + x] = (b[y]! * b[x]!) / (sum * sum);
  }
  if (name === 'random') {
    const next = lcg(seed);
    // Rounded to two decimals so the grid shows exactly what is computed.
    for (let i = 0; i < values.length; i++) values[i] = Math.round((next() * 2 - 1) * 100) / 100;
  }
  return { rows: n, cols: n, values };
}

/** Parses "1,0,-1; 2,0,-2; 1,0,-1" (rows split by `;` or new lines, cells by `,` or spaces). */
export function parseKernelRows(name: string, raw: string): Kernel2D {
  const rowTexts = raw.split(/[;\n]/).map((r) => r.trim()).filter((r, i, all) => r !== '' || (i > 0 && i < all.length - 1));
  if (rowTexts.length === 0) throw new ParamError(name, msg('conv.kernelEmpty', { name }));
  const cells = rowTexts.map((r) => r.split(/\s*,\s*|\s+/));
  const rows = cells.length;
  const cols = cells[0]!.length;
  if (rows < MIN_KERNEL || rows > MAX_KERNEL || cols < MIN_KERNEL || cols > MAX_KERNEL) {
    throw new ParamError(name, msg('conv.kernelSize', { name, min: MIN_KERNEL, max: MAX_KERNEL, rows, cols }));
  }
  if (cells.some((r) => r.length !== cols)) {
    throw new ParamError(name, msg('conv.kernelRagged', { name, cols, raw: quote(raw) }));
  }
  const values = cells.flatMap((r, y) => r.map((c, x) => parseWeightSaid(msg('conv.cell', { name, row: y + 1, col: x + 1 }), c)));
  return { rows, cols, values };
}

/** A kernel attribute: a preset name or rows of numbers. */
export function parseKernel(name: string, raw: string, size = 3, seed = 1): Kernel2D {
  const text = raw.trim().toLowerCase();
  if ((PRESETS as readonly string[]).includes(text)) return presetKernel(text as PresetName, size, seed);
  if (/^[a-z][a-z-]*$/.test(text)) {
    throw new ParamError(name, msg('conv.kernelPreset', { raw: quote(raw), presets: PRESETS.join(', ') }));
  }
  return parseKernelRows(name, raw);
}

/**
 * A weight as a reader would type it, and exactly: a short decimal (`0.37`, `0.0625`) when there is one, else
 * a fraction (`1/9`, `3/128`) when a small denominator reproduces the float64 value bit for bit, else the
 * shortest decimal that round-trips.
 * `parseWeight` reads both back to the same number, so grid → attribute → grid never drifts.
 */
export function formatWeight(v: number): string {
  const decimal = String(v);
  if (Number.isInteger(v) || decimal.replace('-', '').length <= 6) return decimal;
  for (let d = 2; d <= 1024; d++) {
    const n = Math.round(v * d);
    if (n / d === v) return `${n}/${d}`;
  }
  return decimal;
}

/** Rows text, every cell in the kernel's one format (see weight-format.ts). */
export function formatKernel(k: Kernel2D): string {
  const cells = formatWeights(k.values);
  const rows: string[] = [];
  for (let y = 0; y < k.rows; y++) rows.push(cells.slice(y * k.cols, (y + 1) * k.cols).join(','));
  return rows.join('; ');
}

/** Validates a kernel size typed into the grid-size control. */
export function parseKernelSize(name: string, raw: string): number {
  const text = raw.trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= MIN_KERNEL && n <= MAX_KERNEL)) {
    throw new ParamError(name, msg('conv.kernelSizeWhole', { name, min: MIN_KERNEL, max: MAX_KERNEL, raw: quote(raw) }));
  }
  return n;
}

/**
 * `parseWeight` for a weight named by a catalogue message (a cell of a kernel): the same rules and the same English,
 * with the refusal as a catalogue message, so a widget shows it in the reader's language.
 */
export function parseWeightSaid(name: Msg, raw: string): number {
  const english = say('en', name);
  try {
    return parseWeight(english, raw);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    const text = raw.trim();
    const fraction = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*\/\s*(\d+\.?\d*)$/.exec(text);
    const value = fraction ? Number(fraction[1]) / Number(fraction[2]) : /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
    const why = text === '' ? msg('conv.weightEmpty', { name })
      : Number.isNaN(value) && !fraction ? msg('conv.weightNaN', { name, raw: quote(raw) })
      : !Number.isFinite(value) ? msg('conv.weightInfinite', { name, raw: quote(raw) })
      : msg('conv.weightLarge', { name, raw: quote(raw), max: String(MAX_WEIGHT) });
    const error = new ParamError(english, why);
    // The catalogue's English must be parseWeight's, word for word; should they ever part, the shared text wins.
    if (error.message !== e.message) throw e;
    throw error;
  }
}
