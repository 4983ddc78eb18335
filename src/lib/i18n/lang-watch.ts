/**
 * The machinery of watchLang, for one catalogue binding (bind.ts; the book's in watch-lang.ts, the page's in page.ts):
 * telling elements that their language changed, so they re-render their texts without recomputing. One observer
 * per binding watches `lang` attributes on the whole document and in every shadow root above a watched element
 * (an ancestor's change re-resolves the element too); elements are re-resolved only when some `lang` changed.
 * Not observed: `xml:lang`, and an element moved under another language (it is reconnected, and resolves again).
 */
import type { Lang } from './locales.ts';
import { resolveLang } from './resolve-lang.ts';
import type { Binding } from './bind.ts';
import type { MessageKey } from './types.ts';

export interface LangWatch {
  /** Calls `onChange` with the element's new language whenever it changes; returns the function that stops it. */
  watchLang(el: Element, onChange: (lang: Lang) => void): () => void;
  /** The language an element asking for `lang` speaks now: `lang` once its catalogue is here, English until then. */
  spoken(lang: Lang): Lang;
}

/** watchLang and spoken over `catalogue`'s languages (an element is told of Chinese once that catalogue is here). */
export function createLangWatch({ langLoaded, loadLang }: Pick<Binding<MessageKey>, 'langLoaded' | 'loadLang'>): LangWatch {
  interface Watcher { el: Element; lang: Lang; onChange(lang: Lang): void }

  const watchers = new Set<Watcher>();
  let observer: MutationObserver | null = null;
  const OPTIONS: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };

  /** Calls `onChange` with the element's new language whenever it changes; returns the function that stops it. */
  function watchLang(el: Element, onChange: (lang: Lang) => void): () => void {
    // An element whose language's catalogue is still on its way speaks English (what t() gives it) until it is here.
    const asked = resolveLang(el);
    const watcher: Watcher = { el, lang: spoken(asked), onChange };
    watchers.add(watcher);
    if (watcher.lang !== asked) recheckWhenLoaded(watcher, asked);
    observer ??= new MutationObserver(recheck);
    // Observing a node again with the same options changes nothing, so each element may ask for its own roots.
    observer.observe(document.documentElement, OPTIONS);
    for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) observer.observe(root, OPTIONS);
    return () => {
      watchers.delete(watcher);
      if (watchers.size === 0) {
        observer?.disconnect();
        observer = null;
      }
    };
  }

  function recheck(): void {
    for (const w of watchers) {
      const lang = resolveLang(w.el);
      if (lang === w.lang) continue;
      // A language whose catalogue is not here yet is fetched first; the element keeps its language until then
      // (and a change back meanwhile wins: it is told only if the language is still the one asked for).
      if (langLoaded(lang)) {
        w.lang = lang;
        tell(w, lang);
      } else recheckWhenLoaded(w, lang);
    }
  }

  /** The language an element asking for `lang` speaks now: `lang` once its catalogue is here, English until then. */
  function spoken(lang: Lang): Lang {
    return langLoaded(lang) ? lang : 'en';
  }

  /** Fetches `lang`'s catalogue, then tells the element, if it still asks for that language. */
  function recheckWhenLoaded(w: Watcher, lang: Lang): void {
    loadLang(lang).then(() => {
      if (!watchers.has(w) || resolveLang(w.el) !== lang || w.lang === lang) return;
      w.lang = lang;
      tell(w, lang);
    }, (err: unknown) => setTimeout(() => { throw err; }));
  }

  function tell(w: Watcher, lang: Lang): void {
    try {
      w.onChange(lang);
    } catch (err) {
      // One element's failure must not keep the others in the old language; it is still reported.
      setTimeout(() => { throw err; });
    }
  }

  return { watchLang, spoken };
}
