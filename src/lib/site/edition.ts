/**
 * The two editions' addresses: English at the site's root, Simplified Chinese under `zh-cn/` (Starlight's locales,
 * astro.config.mjs). Pages outside the content collection (src/pages/) use these to link within their own edition.
 */
import type { Lang } from '../i18n/locales.ts';

/** The folder of an edition's pages: `/` (or the site's base) for English, `/zh-cn/` for Chinese. */
export function editionBase(lang: Lang, base: string): string {
  const root = base.replace(/\/?$/, '/');
  return lang === 'zh-CN' ? `${root}zh-cn/` : root;
}

/** The prefix of an edition's content ids (`chapters/x` in English, `zh-cn/chapters/x` in Chinese). */
export function editionIdPrefix(lang: Lang): string {
  return lang === 'zh-CN' ? 'zh-cn/' : '';
}
