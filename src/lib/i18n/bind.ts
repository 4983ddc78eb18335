/**
 * A catalogue bound to the functions that speak it: `t(lang, key, params)` for a text now, `msg(key, params)` for a
 * message to keep and render later (`say(lang, m)`), and the fetching of the Chinese catalogue, a chunk of its own
 * fetched only where Chinese is asked for. Two bindings exist: the whole book's (t.ts: every widget's words, for the
 * widgets and the build) and the page's (page.ts: the words of a chapter's own controls, for the pages' scripts),
 * so that a page's scripts do not download every widget's words in two languages.
 */
import { langFromQuery, normaliseLang, type Lang } from './locales.ts';
import { createRenderer, type Catalogues } from './translate.ts';
import type { MessageKey, Msg, ParamArgs } from './types.ts';

type Table = Catalogues['en'];

export interface Binding<K extends MessageKey> {
  t<Key extends K>(lang: Lang, key: Key, ...params: ParamArgs<NoInfer<Key>>): string;
  msg<Key extends K>(key: Key, ...params: ParamArgs<NoInfer<Key>>): Msg;
  say(lang: Lang, message: Msg | string): string;
  /** Whether `lang`'s catalogue is here (English always is). */
  langLoaded(lang: Lang): boolean;
  /** Fetches `lang`'s catalogue once; a failed fetch is tried again on the next call. */
  loadLang(lang: Lang): Promise<void>;
}

/** English is here from the start; `loadZh` fetches the Chinese catalogue (a dynamic import: a chunk of its own). */
export function bindCatalogues<K extends MessageKey>(en: Table, loadZh: () => Promise<{ default: Table }>): Binding<K> {
  const catalogues: Partial<Catalogues> & Pick<Catalogues, 'en'> = { en };
  let loadingZh: Promise<void> | null = null;
  // Strict everywhere but a production build (Vite sets PROD; Node scripts have no import.meta.env and are strict).
  const render = createRenderer(catalogues, !import.meta.env?.PROD);
  return {
    t: (lang, key, ...params) => render(lang, key, params[0]),
    msg: (key, ...params) => ({ key, params: params[0] }) as Msg,
    say: (lang, message) => (typeof message === 'string' ? message : render(lang, message.key, message.params)),
    langLoaded: (lang) => catalogues[lang] !== undefined,
    loadLang: (lang) => {
      if (catalogues[lang]) return Promise.resolve();
      return (loadingZh ??= loadZh().then(
        (m) => { catalogues['zh-CN'] = m.default; },
        (err: unknown) => { loadingZh = null; throw err; },
      ));
    },
  };
}

/**
 * Whether the page asks for Chinese as a binding's module first runs: its `<html lang>`, an embed page's `?lang=`,
 * or the `lang` of (or around) a widget not yet defined. Not any other `lang` on the page (the language picker's
 * options). Always true outside a browser: the build renders both editions, and tests read both.
 */
export function pageAsksForChinese(): boolean {
  if (typeof document === 'undefined') return true;
  const zh = (raw: string | null) => normaliseLang(raw) === 'zh-CN';
  if (zh(document.documentElement.getAttribute('lang')) || langFromQuery(location.search) === 'zh-CN') return true;
  for (const el of document.querySelectorAll('[lang]')) {
    if (zh(el.getAttribute('lang')) && (el.matches(':not(:defined)') || el.querySelector(':not(:defined)'))) return true;
  }
  return false;
}
