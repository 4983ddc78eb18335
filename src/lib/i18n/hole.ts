/**
 * A sentence with a link (or other markup) inside it, from one catalogue message: render it with `{link: HOLE}`
 * and split it around the hole, so the words on either side stay one translatable sentence (word order differs
 * between languages: "From {link}, …" is "出自{link}——…") and nothing is inserted as HTML.
 */
export const HOLE = '\u0000';

/** The text before and after the hole (`after` is empty when the message ends with it). */
export function aroundHole(text: string): [before: string, after: string] {
  const at = text.indexOf(HOLE);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + HOLE.length)];
}
