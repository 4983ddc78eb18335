/**
 * The catalogue's types, all derived from the English messages: a key that English lacks, or a placeholder a
 * message does not have, is a compile error at the call site; a locale missing a key fails to compile where
 * its file says `satisfies Translation<…>`.
 */
import type en from './messages/en/index.ts';

/** A message that depends on a count: one text per plural category of the locale (`Intl.PluralRules`). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type RawMessage = string | PluralForms;

export type En = typeof en;
export type MessageKey = keyof En & string;

/** The `{name}` placeholders of a text. */
type Holes<S> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;
/** Those of a message; a plural message always takes `count`, which chooses its form. */
type HolesOf<M> = M extends string ? Holes<M> : 'count' | Holes<M[keyof M]>;

/** A placeholder's value: text, a number (formatted for the locale), or another message rendered in the same language. */
export type Arg = string | number | Msg;
export type ParamsOf<K extends MessageKey> = { [P in HolesOf<En[K]>]: P extends 'count' ? number : Arg };
/**
 * What a call needs after the key: nothing for a message without placeholders, else all of them. A misspelt key
 * makes K the union of all keys; the arguments are then left loose so the error names the key, not the arity.
 */
export type ParamArgs<K extends MessageKey> = true extends IsUnion<K> ? [params?: Record<string, Arg>]
  : [keyof ParamsOf<K>] extends [never] ? [] : [params: ParamsOf<K>];
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * A message chosen but not yet rendered: what a widget stores (its message line, the engine's reasons) so that it
 * can say it again in another language when `lang` changes.
 */
export interface Msg {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, Arg>>;
}
// Msg is one object type, not a union with a member per key: with ~1,000 keys such a union made TypeScript give up
// ("union type too complex", TS2590) wherever a Msg met another type in a conditional. A message's key and
// placeholders are checked where it is made, by `msg(key, params)`.

/** Another locale's version of an English area: the same keys, each a text (or plural forms where English has them). */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : PluralForms };
