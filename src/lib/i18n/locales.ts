/**
 * The languages the book speaks, and the one normaliser every source of a language goes through (a `lang`
 * attribute, `<html lang>`, an embed page's `?lang=`, Astro's locale). Anything it does not recognise is English,
 * silently: a host page with `lang="fr"` or a typo in a URL must still get a working widget, not an error.
 */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

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
