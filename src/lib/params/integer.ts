import { ParamError, quote } from './param-error.ts';

/** Parses a whole number within [min, max]; `name` is the attribute or query key, used in the message. */
export function parseInteger(name: string, raw: string, min: number, max: number): number {
  const text = raw.trim();
  if (!/^[+-]?\d+$/.test(text)) {
    throw new ParamError(name, `${name} must be a whole number from ${min} to ${max}; got ${quote(raw)}.`);
  }
  const value = Number(text);
  if (value < min || value > max) {
    throw new ParamError(name, `${name} must be from ${min} to ${max}; got ${value}.`);
  }
  return value;
}
