/**
 * Parsers for the loss widgets' attributes (shared by attributes, URL queries and MDX props). Each throws a
 * ParamError whose message is shown to the reader as text.
 */
import { ParamError, quote } from '../params/param-error.ts';
import { parseInteger } from '../params/integer.ts';
import { msg } from '../i18n/t.ts';

export const MAX_LOGIT = 1e6;
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 10;
export const MIN_TEMPERATURE = 0.01;
export const MAX_TEMPERATURE = 100;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A finite decimal within [min, max]; `example`, if given, is a value the message suggests. Refusals are catalogue messages. */
export function parseReal(name: string, raw: string, min: number, max: number, example?: string): number {
  const text = raw.trim();
  const range = example === undefined ? msg('params.real.range', { min: String(min), max: String(max) }) : msg('params.real.rangeExample', { min: String(min), max: String(max), example });
  if (!DECIMAL.test(text)) throw new ParamError(name, msg('params.real.notNumber', { name, range, got: quote(raw) }));
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new ParamError(name, msg('params.real.outOfRange', { name, range, got: quote(raw) }));
  return value;
}

/** 3–10 comma-separated logits, each finite with |z| ≤ 10⁶ (NaN, ∞ and words are refused by name). */
export function parseLogits(name: string, raw: string, min = MIN_CLASSES, max = MAX_CLASSES): number[] {
  const parts = raw.split(/[,;\s]+/).filter((s) => s !== '');
  if (parts.length < min || parts.length > max) {
    throw new ParamError(name, msg('softmaxExplorer.logitCount', { name, min: String(min), max: String(max), got: String(parts.length) }));
  }
  return parts.map((part, i) => {
    const text = part.trim();
    if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) {
      throw new ParamError(name, msg('softmaxExplorer.logitNotFinite', { i: String(i), raw: quote(part) }));
    }
    const value = Number(text);
    if (!DECIMAL.test(text)) throw new ParamError(name, msg('softmaxExplorer.logitNaN', { i: String(i), raw: quote(part) }));
    if (Math.abs(value) > MAX_LOGIT) throw new ParamError(name, msg('softmaxExplorer.logitLarge', { i: String(i), raw: quote(part) }));
    return value;
  });
}

/** The temperature T of softmax(z / T): strictly positive. */
export function parseTemperature(name: string, raw: string): number {
  const text = raw.trim();
  if (DECIMAL.test(text) && Number(text) <= 0) {
    throw new ParamError(name, msg('softmaxExplorer.temperatureNotPositive', { name, raw: quote(raw), min: String(MIN_TEMPERATURE), max: String(MAX_TEMPERATURE) }));
  }
  return parseReal(name, raw, MIN_TEMPERATURE, MAX_TEMPERATURE);
}

/** The label-smoothing α, from 0 (one-hot targets) to 1 (uniform targets). */
export function parseSmoothing(name: string, raw: string): number {
  return parseReal(name, raw, 0, 1);
}

/** A class index, 0-based, for `classes` classes. */
export function parseTarget(name: string, raw: string, classes: number): number {
  return parseInteger(name, raw, 0, classes - 1);
}
