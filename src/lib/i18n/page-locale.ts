/**
 * A built page's language, for the Astro components: Starlight's locales are `root` (English, at /) and `zh-cn`
 * (at /zh-cn/), and `Astro.currentLocale` names the page's (undefined where no i18n is configured: English).
 */
import { normaliseLang, type Lang } from './locales.ts';

export function pageLang(currentLocale: string | undefined): Lang {
  return normaliseLang(currentLocale);
}

/** The path segment of a locale's pages under the site's base: '' for English, 'zh-cn/' for Chinese. */
export function localePrefix(lang: Lang): string {
  return lang === 'en' ? '' : 'zh-cn/';
}

export { sentenceGap } from './t.ts';

/**
 * A catalogue text as HTML for `set:html`, escaping only what text content needs (&, <, >): Astro's `{text}` also
 * writes ' and " as entities, and an English page must stay byte for byte what it was when the words were typed in.
 */
export function textHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
