import { msg } from '../i18n/t.ts';
import { parseInteger } from './integer.ts';
import { keywordText } from './keyword.ts';
import { ParamError, quote } from './param-error.ts';

/** `valid` (no padding), `same` (tfjs/TensorFlow rule), or an explicit number of zero rows/columns on every side. */
export type Padding = 'valid' | 'same' | number;

export const MAX_EXPLICIT_PADDING = 8;

export function parsePadding(name: string, raw: string): Padding {
  const text = keywordText(raw);
  if (text === 'valid' || text === 'same') return text;
  if (/^[+-]?\d+$/.test(text)) return parseInteger(name, text, 0, MAX_EXPLICIT_PADDING);
  throw new ParamError(name, msg('params.padding.invalid', { name, max: String(MAX_EXPLICIT_PADDING), got: quote(raw) }));
}

export function formatPadding(p: Padding): string {
  return String(p);
}
