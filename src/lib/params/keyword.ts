import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import { ParamError, quote } from './param-error.ts';

/** A keyword as typed, in the form the parsers compare: spaces around it dropped, lower case. */
export function keywordText(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Parses one of a fixed set of keywords (case-insensitive), naming the allowed ones when it fails. */
export function parseKeyword<const T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const text = keywordText(raw);
  const hit = allowed.find((k) => k === text);
  if (hit === undefined) {
    throw new ParamError(name, msg('params.keyword.unknown', { name, got: quote(raw), choices: choices(allowed) }));
  }
  return hit;
}

/** The keywords as a list in the reader's language (`a, b, c`; in Chinese `a、b、c`). */
function choices(allowed: readonly string[]): Msg | string {
  return allowed.slice(1).reduce<Msg | string>((before, after) => msg('params.keyword.choices', { before, after }), allowed[0] ?? '');
}
