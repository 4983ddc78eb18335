/**
 * The book's catalogue, bound: `t(lang, key, params)` for a text now, `msg(key, params)` for a message to keep and
 * render later (`say(lang, m)`) — in whatever language the element speaks by then.
 */
import en from './messages/en/index.ts';
import zhCN from './messages/zh-cn/index.ts';
import type { Lang } from './locales.ts';
import { createRenderer } from './translate.ts';
import type { MessageKey, Msg, ParamArgs } from './types.ts';

// Strict everywhere but a production build (Vite sets PROD; Node scripts have no import.meta.env and are strict).
const render = createRenderer({ en, 'zh-CN': zhCN }, !import.meta.env?.PROD);

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
