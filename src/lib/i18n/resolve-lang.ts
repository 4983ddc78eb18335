/**
 * An element's language, as HTML inherits it — its own `lang`, else the nearest ancestor's — except that the walk
 * goes on from a shadow root to its host: the device badge inside a widget's shadow tree speaks the page's language.
 * Written against the few node fields it reads, so the unit tests run it on plain objects without a DOM.
 */
import { normaliseLang, type Lang } from './locales.ts';

/** The parts of a DOM node the walk reads (an Element, a ShadowRoot — a fragment with a `host` —, a Document). */
export interface LangNode {
  readonly nodeType: number;
  readonly parentNode: LangNode | null;
  readonly host?: unknown;
  getAttribute?(name: string): string | null;
}

const FRAGMENT = 11;

/** The node the language is inherited from: a shadow root's host (tested by node type: `<a>` has a `host` too). */
function up(node: LangNode): LangNode | null {
  return node.nodeType === FRAGMENT && node.host ? (node.host as LangNode) : node.parentNode;
}

export function resolveLang(el: LangNode): Lang {
  return normaliseLang(rawLang(el));
}

/**
 * The nearest non-empty `lang` on the way up, else the document's. An empty `lang=""` is skipped rather than
 * read as "unknown" (HTML's meaning): for a widget, unknown and English are the same answer, and skipping lets an
 * empty attribute left by a template inherit the page's language.
 */
export function rawLang(el: LangNode): string | null {
  for (let node: LangNode | null = el; node; node = up(node)) {
    const lang = node.getAttribute?.('lang');
    if (lang && lang.trim()) return lang;
  }
  // A detached element (or one in a fragment not yet inserted) has no ancestors to ask: the document decides.
  return typeof document === 'undefined' ? null : document.documentElement?.lang || null;
}
