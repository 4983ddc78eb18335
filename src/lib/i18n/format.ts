/**
 * Number formatting and plural rules, one `Intl` object per locale and options, made on first use and kept:
 * creating an `Intl.NumberFormat` costs tens of milliseconds on a phone, and a widget formats on every frame.
 *
 * The first `Intl` object of a page costs most (ICU's set-up: 13–23 ms for a NumberFormat in Chromium on our
 * machine, ×4 on a phone), and every widget formats numbers as it first renders. So the forms that need no locale
 * data are written directly: a number below 10¹⁵ with at most the fraction-digit and grouping options, which both of
 * the book's languages write with ASCII digits, ',' between groups of three, '.', and '-'; and the plural categories
 * of English and Chinese. A unit test holds each to `Intl` over tens of thousands of values.
 */
import type { Lang } from './locales.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** `n` as the locale writes it (grouping, decimal sign); `options` as for `Intl.NumberFormat`. */
export function formatNumber(lang: Lang, n: number, options?: Intl.NumberFormatOptions): string {
  const plain = plainNumber(n, options);
  if (plain !== null) return plain;
  const id = options ? `${lang} ${JSON.stringify(options)}` : lang;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(lang, options)));
  return format.format(n);
}

/** The plural category of `count` in the locale (`one`/`other` in English; always `other` in Chinese). */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  // CLDR: Chinese has one category; English's `one` is an integer 1 (or −1) with no visible fraction.
  if (lang === 'zh-CN') return 'other';
  if (lang === 'en' && Number.isFinite(count)) return Math.abs(count) === 1 ? 'one' : 'other';
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

/**
 * `n` as `Intl.NumberFormat` writes it in English and in Chinese (zh-CN), when that needs no locale data: finite,
 * |n| < 10¹⁵, not −0, and options that only set the fraction digits and grouping (true or false). Else null.
 */
export function plainNumber(n: number, options?: Intl.NumberFormatOptions): string | null {
  if (!Number.isFinite(n) || Object.is(n, -0)) return null;
  let min = 0, max = 3;
  if (options) {
    for (const key of Object.keys(options)) if (key !== 'minimumFractionDigits' && key !== 'maximumFractionDigits' && key !== 'useGrouping') return null;
    if (options.useGrouping !== undefined && options.useGrouping !== false && options.useGrouping !== true) return null;
    const lo = options.minimumFractionDigits, hi = options.maximumFractionDigits;
    if (lo !== undefined && !(Number.isInteger(lo) && lo >= 0 && lo <= 20)) return null;
    if (hi !== undefined && !(Number.isInteger(hi) && hi >= 0 && hi <= 20)) return null;
    min = lo ?? 0;
    max = hi ?? Math.max(min, 3);
    if (min > max) return null; // Intl throws a RangeError here: let it
  }
  if (Math.abs(n) >= 1e15) return null;
  let text = roundHalfExpand(n, max);
  if (max > min) {
    const point = text.indexOf('.');
    let end = text.length;
    while (end > point + 1 + min && text[end - 1] === '0') end--;
    if (end === point + 1) end = point; // no fraction digits left: no point either
    text = text.slice(0, end);
  }
  if (options?.useGrouping === false) return text;
  // Both languages group the whole part in threes with a comma (1,234.5), from 1,000 on.
  const sign = text[0] === '-' ? 1 : 0;
  const point = text.indexOf('.');
  const whole = point < 0 ? text.length : point;
  for (let at = whole - 3; at > sign; at -= 3) text = `${text.slice(0, at)},${text.slice(at)}`;
  return text;
}

/**
 * `n` with exactly `digits` fraction digits, rounded as `Intl.NumberFormat` rounds: from the shortest decimal that
 * reads back as `n` (what `toExponential()` writes), half away from zero. (`toFixed` rounds the exact binary value
 * instead: 1.005 is 1.00499999999999989…, so it writes 1.00 where Intl writes 1.01.)
 */
function roundHalfExpand(n: number, digits: number): string {
  const [mantissa, exp] = Math.abs(n).toExponential().split('e') as [string, string];
  const ds = mantissa.replace('.', '').split('').map(Number);
  let point = 1 + Number(exp); // digits before the decimal point, in ds
  // Pad so that ds spans from the first whole digit (at least one) to `digits` fraction digits.
  while (point < 1) { ds.unshift(0); point++; }
  while (ds.length < point + digits) ds.push(0);
  const keep = point + digits;
  const up = (ds[keep] ?? 0) >= 5;
  ds.length = keep;
  if (up) {
    let i = keep - 1;
    while (i >= 0 && ds[i] === 9) ds[i--] = 0;
    if (i >= 0) ds[i]!++;
    else { ds.unshift(1); point++; }
  }
  const whole = ds.slice(0, point).join('').replace(/^0+(?=\d)/, '');
  const text = digits > 0 ? `${whole}.${ds.slice(point).join('')}` : whole;
  return n < 0 ? `-${text}` : text;
}
