/**
 * The language picker keeps the reader's place. Starlight's picker swaps the address's path for the other edition's
 * and keeps its query and fragment; both editions give a section the same id (scripts/markdown/
 * rehype-locale-heading-ids.ts). A fragment the reader arrived with (or followed) stands while they have not scrolled
 * since — the page may still be settling onto it. Once they scroll on by themselves (wheel, touch, keys), or when the
 * address has no fragment, the fragment becomes the section being read (the one "On this page" marks) just before the
 * picker navigates, and the other edition opens at that section.
 */
export function sectionHash(doc: Document, readerScrolled: boolean): string | null {
  const current = doc.location.hash.slice(1);
  if (current && !readerScrolled) return null;
  const marked = doc.querySelector('starlight-toc a[aria-current="true"], mobile-starlight-toc a[aria-current="true"]');
  const hash = marked?.getAttribute('href');
  return hash && hash.startsWith('#') && hash !== '#_top' && hash.slice(1) !== current ? hash : null;
}

const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']);

/** Runs before the picker's own change handler (a capture listener on its element, an ancestor of the select). */
export function keepSectionOnLanguageChange(): void {
  let scrolled = false;
  const mark = () => (scrolled = true);
  window.addEventListener('wheel', mark, { passive: true });
  window.addEventListener('touchmove', mark, { passive: true });
  window.addEventListener('keydown', (e: KeyboardEvent) => SCROLL_KEYS.has(e.key) && !(e.target instanceof HTMLSelectElement) && mark());
  window.addEventListener('hashchange', () => (scrolled = false));
  for (const picker of document.querySelectorAll('starlight-lang-select')) {
    picker.addEventListener('change', () => {
      const hash = sectionHash(document, scrolled);
      if (hash) history.replaceState(history.state, '', hash);
    }, { capture: true });
  }
}
