import { msg } from '../i18n/t.ts';
import { ParamError, quote } from './param-error.ts';

/** Parses a whole number within [min, max]; `name` is the attribute or query key, used in the message. */
export function parseInteger(name: string, raw: string, min: number, max: number): number {
  const text = raw.trim();
  // Limits as one types them (a seed's 2147483647, not 2,147,483,647): given as text, not formatted per locale.
  if (!/^[+-]?\d+$/.test(text)) {
    throw new ParamError(name, msg('params.integer.notWhole', { name, min: String(min), max: String(max), got: quote(raw) }));
  }
  const value = Number(text);
  if (value < min || value > max) {
    throw new ParamError(name, msg('params.integer.outOfRange', { name, min: String(min), max: String(max), got: String(value) }));
  }
  return value;
}
