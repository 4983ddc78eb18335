/**
 * The book's catalogue, bound: `t(lang, key, params)` for a text now, `msg(key, params)` for a message to keep and
 * render later (`say(lang, m)`) — in whatever language the element speaks by then.
 */
import en from './messages/en/index.ts';
import { bindCatalogues, pageAsksForChinese } from './bind.ts';
import type { MessageKey, Msg } from './types.ts';
import type { Lang } from './locales.ts';

/**
 * English is the source and always here. The Chinese catalogue is a chunk of its own (~28 KB gzipped, as much as
 * the English), fetched only where Chinese is asked for: an English page does not download and evaluate it.
 */
const book = bindCatalogues<MessageKey>(en, () => import('./messages/zh-cn/index.ts'));

export const t = book.t;
export const msg = book.msg;
export const say = book.say;
export const langLoaded = book.langLoaded;
export const loadLang = book.loadLang;

// Where the page asks for Chinese, and always outside a browser (the build renders both editions, tests read both),
// the catalogue arrives before any module that imports this one runs (top-level await), so their synchronous
// t() calls have it. A language asked for later (a `lang` changed on a live widget) is fetched then: watchLang
// tells the element once the catalogue is here, and the element keeps its old language until then.
if (pageAsksForChinese()) await loadLang('zh-CN');

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
