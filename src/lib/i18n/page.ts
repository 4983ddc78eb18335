/**
 * The page's words, for the scripts of the book's pages (not the widgets): the chapter's answer boxes and progress
 * line, the print and offline controls, the figures' share controls and the code listings' copy buttons. Those used
 * the whole catalogue (t.ts), every widget's words included: 97 KB on every chapter, and 94 KB more on a Chinese one,
 * besides the copy the widgets load for themselves. This binding holds two areas of it (messages/page/en.ts), and
 * its keys are the only ones these scripts can name (a widget's key here is a compile error).
 * The same API as index.ts: `resolveLang(el)`, `t`/`say`, and `watchLang` to re-render when the language changes.
 */
import en from './messages/page/en.ts';
import { bindCatalogues, pageAsksForChinese } from './bind.ts';
import { createLangWatch } from './lang-watch.ts';

export type PageKey = keyof typeof en & string;

const page = bindCatalogues<PageKey>(en, () => import('./messages/page/zh-cn.ts'));

export const t = page.t;
export const msg = page.msg;
export const say = page.say;
export const { watchLang, spoken } = createLangWatch(page);

// As in t.ts: on a Chinese page the Chinese words are here before the scripts that import this module run.
if (pageAsksForChinese()) await page.loadLang('zh-CN');

export { resolveLang } from './resolve-lang.ts';
export type { Lang } from './locales.ts';
export type { Msg } from './types.ts';
