/**
 * A chapter figure's state as text: the "Link to this figure" hash (`#pg-edges?kernel=sobel-y&image=brick`) and
 * the sessionStorage entry that carries it across a reload. Pure: the embed control does the DOM work. Only the
 * widget's spec attributes pass, as text the widget then validates exactly as it validates any attribute; a
 * malformed hash or stored entry reads as nothing at all, never as an error.
 */

/** `[attribute, value]` in the widget's spec order. */
export type FigureState = [string, string][];

/** Longest value kept (the embed page's cap too): a hand-typed kernel fits easily, a pasted book does not. */
export const MAX_VALUE = 500;
const ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Keeps the allowed attributes, in `allowed`'s order, the first value of each, capped. */
export function pickAllowed(allowed: readonly string[], pairs: Iterable<readonly [string, string]>): FigureState {
  const given = new Map<string, string>();
  for (const [name, value] of pairs) if (!given.has(name)) given.set(name, value);
  return allowed.flatMap((name) => {
    const v = given.get(name);
    return v === undefined ? [] : [[name, v.slice(0, MAX_VALUE)] as [string, string]];
  });
}

/** `#id?query` → the figure id and its query pairs; null for anything else (a heading's plain `#anchor` included). */
export function parseFigureHash(hash: string): { id: string; pairs: [string, string][] } | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = text.indexOf('?');
  if (q < 0) return null;
  let id: string;
  try {
    id = decodeURIComponent(text.slice(0, q));
  } catch {
    return null;
  }
  if (!ID.test(id)) return null;
  return { id, pairs: [...new URLSearchParams(text.slice(q + 1))] };
}

/** The hash that opens figure `id` in `state`; just the anchor when the state is empty. */
export function figureHash(id: string, state: FigureState): string {
  const q = new URLSearchParams(state).toString();
  return q ? `#${id}?${q}` : `#${id}`;
}

/** One entry per page and figure: two chapters may reuse an id, and `pathname` already includes the site's base. */
export function storageKey(pathname: string, id: string): string {
  return `fm-figure:${pathname}#${id}`;
}

export function serialiseState(state: FigureState): string {
  return JSON.stringify(state);
}

/** A stored entry back to state, through the same filter as a link; null when absent or not ours. */
export function parseStoredState(text: string | null, allowed: readonly string[]): FigureState | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  const pairs = data.filter((p): p is [string, string] =>
    Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');
  return pickAllowed(allowed, pairs);
}

/** The attribute writes that turn `current` into `target`: null removes (back to the widget's default). */
export function stateChanges(allowed: readonly string[], current: FigureState, target: FigureState): [string, string | null][] {
  const now = new Map(current);
  const want = new Map(target);
  return allowed.flatMap((name): [string, string | null][] => {
    const w = want.get(name) ?? null;
    return (now.get(name) ?? null) === w ? [] : [[name, w]];
  });
}
