import { ParamError, quote } from './param-error.ts';

/** Largest magnitude a kernel weight may have: beyond it float32 products overflow on real images. */
export const MAX_WEIGHT = 1e6;

/** Parses one kernel weight: a finite decimal (fractions like `1/9` allowed) with |w| ≤ MAX_WEIGHT. */
export function parseWeight(name: string, raw: string): number {
  const text = raw.trim();
  if (text === '') throw new ParamError(name, `${name} is empty; type a number such as 0, 1 or -0.5.`);
  const fraction = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*\/\s*(\d+\.?\d*)$/.exec(text);
  let value: number;
  if (fraction) {
    value = Number(fraction[1]) / Number(fraction[2]);
  } else if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) {
    value = Number(text);
  } else {
    throw new ParamError(name, `${name} must be a number; got ${quote(raw)}.`);
  }
  if (!Number.isFinite(value)) throw new ParamError(name, `${name} must be a finite number; got ${quote(raw)}.`);
  if (Math.abs(value) > MAX_WEIGHT) {
    throw new ParamError(name, `${name} is too large (${quote(raw)}); keep weights between -${MAX_WEIGHT} and ${MAX_WEIGHT}.`);
  }
  return value;
}
