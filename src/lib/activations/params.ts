/** Parsers for the activation widgets' attributes (shared by attributes, URL queries and MDX props). */
import { ParamError, parseKeyword, quote } from '../params/index.ts';
import { msg } from '../i18n/t.ts';
import { ACTIVATIONS, type ActivationName } from './functions.ts';

export const MAX_SLOPE = 1;

/** Leaky ReLU's slope: a finite number in [0, 1] (above 1 the "leak" would be steeper than the identity side). */
export function parseSlope(raw: string): number {
  const text = raw.trim();
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw new ParamError('slope', msg('activations.slopeNotNumber', { max: MAX_SLOPE, raw: quote(raw) }));
  if (value < 0 || value > MAX_SLOPE) throw new ParamError('slope', msg('activations.slopeOutOfRange', { max: MAX_SLOPE, value: String(value) }));
  return value;
}

export function parseActivation(raw: string, allowed: readonly ActivationName[] = ACTIVATIONS, name = 'activation'): ActivationName {
  return parseKeyword(name, raw, allowed);
}

/** A comma-separated list of activation names, at least one, no repeats kept. */
export function parseActivationList(raw: string, name = 'functions'): ActivationName[] {
  const parts = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new ParamError(name, msg('activations.listEmpty', { name, allowed: ACTIVATIONS.join(', ') }));
  return [...new Set(parts.map((p) => parseKeyword('activation', p, ACTIVATIONS)))];
}
