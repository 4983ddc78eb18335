import { ParamError, quote } from './param-error.ts';

/** Parses one of a fixed set of keywords (case-insensitive), naming the allowed ones when it fails. */
export function parseKeyword<const T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const text = raw.trim().toLowerCase();
  const hit = allowed.find((k) => k === text);
  if (hit === undefined) {
    throw new ParamError(name, `Unknown ${name} ${quote(raw)}. Choose one of: ${allowed.join(', ')}.`);
  }
  return hit;
}
