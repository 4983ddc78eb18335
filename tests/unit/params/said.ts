/** What a parser's refusal says to a reader in `lang` (the ParamError's catalogue message, rendered). */
import { expect } from 'vitest';
import { say, whyOf } from '../../../src/lib/i18n/index.ts';
import type { Lang } from '../../../src/lib/i18n/locales.ts';
import { ParamError } from '../../../src/lib/params/param-error.ts';

export function saidIn(lang: string, parse: () => unknown): string {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(ParamError);
    const why = whyOf(e);
    expect(why, 'a catalogue message, not a plain string').not.toBeNull();
    expect((e as ParamError).message, 'the English text stays the error message').toBe(say('en', why!));
    return say(lang as Lang, (e as ParamError).said);
  }
  throw new Error('the value was accepted');
}
