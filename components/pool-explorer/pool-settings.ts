/**
 * `<fm-pool-explorer>`'s attributes: defaults and one parser each (shared by the element, the embed page's URL
 * and the MDX shell at build time). Pure: no DOM, no tfjs. The cell is checked against the pooled map's size
 * only once that size is known (in the element), so here it is parsed for form alone.
 */
import { ParamError, parseInteger, parseKeyword, quote } from '@lib/params/index.ts';
import { msg } from '@lib/i18n/index.ts';
import { parseImage } from '@components/conv-playground/settings.ts';
import { parseKernel } from '@lib/conv/kernels.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import type { PoolOp } from '@lib/pool/tf-pool.ts';

export const POOL_KERNELS = ['sobel-x', 'sobel-y', 'laplacian', 'identity'] as const;
export type PoolKernel = (typeof POOL_KERNELS)[number];
export const MODES: readonly PoolOp[] = ['max', 'avg', 'global'];
export const MAX_POOL = 8;

export interface PoolSettings {
  image: string; // a sample name or 'draw'
  kernel: PoolKernel;
  relu: boolean;
  mode: PoolOp;
  size: number;
  stride: number;
  /** The output cell shown, 0-based [row, col]; null: the strongest output. */
  cell: [number, number] | null;
}

export const POOL_DEFAULTS: PoolSettings = { image: 'coins', kernel: 'sobel-x', relu: true, mode: 'max', size: 2, stride: 2, cell: null };
export const POOL_ATTRS = ['image', 'kernel', 'relu', 'mode', 'size', 'stride', 'cell'] as const;
export type PoolAttr = (typeof POOL_ATTRS)[number];

/** "row,col", counted from 1 as readers count. */
export function parseCell(raw: string): [number, number] {
  const m = /^\s*(\d{1,4})\s*,\s*(\d{1,4})\s*$/.exec(raw);
  if (!m) throw new ParamError('cell', msg('poolExplorer.cellForm', { raw: quote(raw) }));
  const [r, c] = [Number(m[1]), Number(m[2])];
  if (r < 1 || c < 1) throw new ParamError('cell', msg('poolExplorer.cellFromOne', { raw: quote(raw) }));
  return [r - 1, c - 1];
}

export const POOL_PARSE: Record<PoolAttr, (raw: string) => Partial<PoolSettings>> = {
  image: (raw) => ({ image: parseImage(raw) }),
  kernel: (raw) => ({ kernel: parseKeyword('kernel', raw, POOL_KERNELS) }),
  relu: (raw) => ({ relu: parseKeyword('relu', raw, ['on', 'off']) === 'on' }),
  mode: (raw) => ({ mode: parseKeyword('mode', raw, MODES) }),
  size: (raw) => ({ size: parseInteger('size', raw, 1, MAX_POOL) }),
  stride: (raw) => ({ stride: parseInteger('stride', raw, 1, MAX_POOL) }),
  cell: (raw) => ({ cell: parseCell(raw) }),
};

/** The attribute text for a setting, as the controls write it back. */
export function attrText(s: PoolSettings, name: PoolAttr): string {
  if (name === 'relu') return s.relu ? 'on' : 'off';
  if (name === 'cell') return s.cell ? `${s.cell[0] + 1},${s.cell[1] + 1}` : '';
  return String(s[name]);
}

/** The edge kernel as a tfjs [3, 3, 1, 1] tensor. */
export function kernelTensor(name: PoolKernel): PlainTensor {
  return { data: Float32Array.from(parseKernel('kernel', name).values), shape: [3, 3, 1, 1] };
}
