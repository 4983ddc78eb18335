import { msg } from '../i18n/t.ts';
import { ParamError, quote } from './param-error.ts';

/** Largest magnitude a kernel weight may have: beyond it float32 products overflow on real images. */
export const MAX_WEIGHT = 1e6;

/** Parses one kernel weight: a finite decimal (fractions like `1/9` allowed) with |w| ≤ MAX_WEIGHT. */
export function parseWeight(name: string, raw: string): number {
  const text = raw.trim();
  if (text === '') throw new ParamError(name, msg('params.weight.empty', { name }));
  const fraction = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*\/\s*(\d+\.?\d*)$/.exec(text);
  let value: number;
  if (fraction) {
    value = Number(fraction[1]) / Number(fraction[2]);
  } else if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) {
    value = Number(text);
  } else {
    throw new ParamError(name, msg('params.weight.notNumber', { name, got: quote(raw) }));
  }
  if (!Number.isFinite(value)) throw new ParamError(name, msg('params.weight.notFinite', { name, got: quote(raw) }));
  if (Math.abs(value) > MAX_WEIGHT) {
    // The limit as one would type it into a cell (1000000), not grouped for the locale.
    throw new ParamError(name, msg('params.weight.tooLarge', { name, got: quote(raw), max: String(MAX_WEIGHT) }));
  }
  return value;
}
