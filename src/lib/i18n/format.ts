/**
 * Number formatting and plural rules, one `Intl` object per locale and options, made on first use and kept:
 * creating an `Intl.NumberFormat` costs tens of milliseconds on a phone, and a widget formats on every frame.
 */
import type { Lang } from './locales.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** `n` as the locale writes it (grouping, decimal sign); `options` as for `Intl.NumberFormat`. */
export function formatNumber(lang: Lang, n: number, options?: Intl.NumberFormatOptions): string {
  const id = options ? `${lang} ${JSON.stringify(options)}` : lang;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(lang, options)));
  return format.format(n);
}

/** The plural category of `count` in the locale (`one`/`other` in English; always `other` in Chinese). */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}
