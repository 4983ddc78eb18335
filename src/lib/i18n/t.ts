/**
 * The book's catalogue, bound: `t(lang, key, params)` for a text now, `msg(key, params)` for a message to keep and
 * render later (`say(lang, m)`) — in whatever language the element speaks by then.
 */
import en from './messages/en/index.ts';
import { langFromQuery, normaliseLang, type Lang } from './locales.ts';
import { createRenderer, type Catalogues } from './translate.ts';
import type { MessageKey, Msg, ParamArgs } from './types.ts';

/**
 * English is the source and always here. The Chinese catalogue is a chunk of its own (~28 KB gzipped, as much as
 * the English), fetched only where Chinese is asked for: an English page no longer downloads and evaluates it.
 */
const catalogues: Partial<Catalogues> & Pick<Catalogues, 'en'> = { en };
let loadingZh: Promise<void> | null = null;

/** Whether `lang`'s catalogue is here (English always is). */
export function langLoaded(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

/** Fetches `lang`'s catalogue once; a failed fetch is tried again on the next call. */
export function loadLang(lang: Lang): Promise<void> {
  if (catalogues[lang]) return Promise.resolve();
  return (loadingZh ??= import('./messages/zh-cn/index.ts').then(
    (m) => { catalogues['zh-CN'] = m.default; },
    (err: unknown) => { loadingZh = null; throw err; },
  ));
}

/**
 * Whether the page asks for Chinese as this module first runs: its `<html lang>`, an embed page's `?lang=`, or the
 * `lang` of (or around) a widget not yet defined. Not any other `lang` on the page (the language picker's options).
 */
function pageAsksForChinese(): boolean {
  const zh = (raw: string | null) => normaliseLang(raw) === 'zh-CN';
  if (zh(document.documentElement.getAttribute('lang')) || langFromQuery(location.search) === 'zh-CN') return true;
  for (const el of document.querySelectorAll('[lang]')) {
    if (zh(el.getAttribute('lang')) && (el.matches(':not(:defined)') || el.querySelector(':not(:defined)'))) return true;
  }
  return false;
}

// Where the page asks for Chinese, and always outside a browser (the build renders both editions, tests read both),
// the catalogue arrives before any module that imports this one runs (top-level await), so their synchronous
// t() calls have it. A language asked for later (a `lang` changed on a live widget) is fetched then: watchLang
// tells the element once the catalogue is here, and the element keeps its old language until then.
if (typeof document === 'undefined' || pageAsksForChinese()) await loadLang('zh-CN');

// Strict everywhere but a production build (Vite sets PROD; Node scripts have no import.meta.env and are strict).
const render = createRenderer(catalogues, !import.meta.env?.PROD);

export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamArgs<NoInfer<K>>): string {
  return render(lang, key, params[0]);
}

export function msg<K extends MessageKey>(key: K, ...params: ParamArgs<NoInfer<K>>): Msg {
  return { key, params: params[0] } as Msg;
}

export function say(lang: Lang, message: Msg | string): string {
  return typeof message === 'string' ? message : render(lang, message.key, message.params);
}

/** `messages` joined as one clause: `a; then b; then c` (the engine's steps), or `a; b; c` with `'engine.steps.and'`. */
export function chain(messages: readonly Msg[], key: 'engine.steps.then' | 'engine.steps.and' = 'engine.steps.then'): Msg | null {
  if (messages.length === 0) return null;
  return messages.reduce((before, after) => msg(key, { before, after }));
}

/** What goes between two sentences: a space in English; nothing in Chinese, whose sentences end in 。. */
export function sentenceGap(lang: Lang): string {
  return lang === 'zh-CN' ? '' : ' ';
}

/** Messages (or texts) said one after another in `lang`, joined by `sentenceGap`. */
export function saySentences(lang: Lang, messages: readonly (Msg | string)[]): string {
  return messages.map((m) => say(lang, m)).join(sentenceGap(lang));
}
