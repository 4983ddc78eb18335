/**
 * The language picker keeps the reader's place. Starlight's picker swaps the address's path for the other edition's
 * and keeps its query and fragment; both editions give a section the same id (scripts/markdown/
 * rehype-locale-heading-ids.ts). A reader who scrolled since arriving has no fragment, or an old one: just before the
 * picker navigates, the fragment becomes the section being read (the one "On this page" marks), unless the fragment's
 * own target is still on screen. The other edition then opens at that section.
 */
export function sectionHash(doc: Document, view: { innerHeight: number }): string | null {
  const current = doc.location.hash.slice(1);
  if (current) {
    let target: Element | null = null;
    try {
      target = doc.getElementById(decodeURIComponent(current));
    } catch {
      target = null; // a malformed %-escape in the address
    }
    const top = target?.getBoundingClientRect().top;
    if (top !== undefined && top >= 0 && top < view.innerHeight) return null;
  }
  const marked = doc.querySelector('starlight-toc a[aria-current="true"], mobile-starlight-toc a[aria-current="true"]');
  const hash = marked?.getAttribute('href');
  return hash && hash.startsWith('#') && hash !== '#_top' && hash.slice(1) !== current ? hash : null;
}

/** Runs before the picker's own change handler (a capture listener on its element, an ancestor of the select). */
export function keepSectionOnLanguageChange(): void {
  for (const picker of document.querySelectorAll('starlight-lang-select')) {
    picker.addEventListener('change', () => {
      const hash = sectionHash(document, window);
      if (hash) history.replaceState(history.state, '', hash);
    }, { capture: true });
  }
}
