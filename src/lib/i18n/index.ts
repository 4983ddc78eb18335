/**
 * The book's words in the reader's language (README: "A widget's attributes and styles"). An element resolves its
 * language with `resolveLang(el)`, renders with `t`/`say`, and re-renders when `watchLang` reports a change.
 */
export { LANGS, normaliseLang, langFromQuery, type Lang } from './locales.ts';
export { resolveLang } from './resolve-lang.ts';
export { watchLang, spoken } from './watch-lang.ts';
export { t, msg, say, chain, sentenceGap, saySentences, langLoaded, loadLang } from './t.ts';
export { ReaderError, whyOf } from './reader-error.ts';
export { formatNumber, pluralCategory } from './format.ts';
export type { Arg, Msg, MessageKey, ParamsOf, ParamArgs } from './types.ts';
