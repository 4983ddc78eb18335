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
