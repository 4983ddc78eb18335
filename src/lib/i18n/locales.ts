/**
 * The languages the book speaks, and the one normaliser every source of a language goes through (a `lang`
 * attribute, `<html lang>`, an embed page's `?lang=`, Astro's locale). Anything it does not recognise is English,
 * silently: a host page with `lang="fr"` or a typo in a URL must still get a working widget, not an error.
 */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** Common Chinese tags, answered as `Intl.Locale(tag).maximize()` answers them (unit-tested against it). */
const SIMPLIFIED = new Set(['zh', 'zh-cn', 'zh-sg', 'zh-my', 'zh-hans', 'zh-hans-cn', 'zh-hans-sg']);
const TRADITIONAL = new Set(['zh-tw', 'zh-hk', 'zh-mo', 'zh-hant', 'zh-hant-tw', 'zh-hant-hk', 'zh-hant-mo']);

/** Parsing a tag costs an `Intl.Locale` (and its likely-subtags data); a page has only a handful of distinct tags. */
const memo = new Map<string, Lang>();
const MEMO_LIMIT = 32;

/**
 * `zh`, `zh-CN`, `zh-Hans`, `zh-Hans-CN`, `zh-SG` (any Chinese written in Simplified characters) → `zh-CN`;
 * `en`, `en-GB`, … → `en`; everything else → `en`. Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant`) is not
 * offered yet, so it gets the book's source language rather than a script its reader did not ask for.
 */
export function normaliseLang(raw: string | null | undefined): Lang {
  const tag = (raw ?? '').trim().replace(/_/g, '-');
  if (!tag) return 'en';
  let lang = memo.get(tag);
  if (!lang) {
    lang = parse(tag);
    if (memo.size >= MEMO_LIMIT) memo.clear(); // a URL can carry any string: keep the memo bounded
    memo.set(tag, lang);
  }
  return lang;
}

function parse(tag: string): Lang {
  // Only Chinese can be anything but English: any other language (and a malformed tag) is 'en' without asking Intl,
  // whose first use costs a page ~5–10 ms here (×4 on a phone); so do the common Chinese tags.
  const lower = tag.toLowerCase();
  const primary = /^[a-z]+/.exec(lower)?.[0];
  if (primary !== 'zh' && primary !== 'cmn' && primary !== 'und') return 'en'; // und-Hans, und-CN: Chinese too
  if (SIMPLIFIED.has(lower)) return 'zh-CN';
  if (TRADITIONAL.has(lower)) return 'en';
  try {
    // maximize() fills in the likely script: zh → zh-Hans-CN, zh-TW → zh-Hant-TW, zh-SG → zh-Hans-SG.
    const locale = new Intl.Locale(tag).maximize();
    if (locale.language === 'zh' && locale.script === 'Hans') return 'zh-CN';
  } catch {
    // Not a well-formed language tag (RangeError): English, as for any language we do not have.
  }
  return 'en';
}

/**
 * The language an embed page's query asks for (`?lang=zh-CN`), normalised like an attribute; null when the query
 * has no `lang`, so the page keeps its own default.
 */
export function langFromQuery(query: string | URLSearchParams): Lang | null {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  return params.has('lang') ? normaliseLang(params.get('lang')) : null;
}
