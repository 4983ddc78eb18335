/**
 * Marks the chapters the reader has read in the sidebar (a ✓ and, for screen readers, " (read)"), and records
 * this chapter as read once its Summary heading comes into view (src/lib/progress/read-chapters.ts says why).
 * Starlight's sidebar is static HTML, so the marks are added here after load, from localStorage only. The
 * screen-reader words follow the page's language, and are said again if it changes.
 */
import { t, watchLang, resolveLang } from '@lib/i18n/page.ts';
import { parseReadSet, READ_KEY, withRead } from '@lib/progress/read-chapters.ts';
import { pageKey } from '@lib/progress/record.ts';
import { progressStorage, store } from './storage.ts';

const storage = progressStorage();

function mark(read: Set<string>): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
    if (!read.has(pageKey(new URL(link.href).pathname)) || link.querySelector('.fm-read-mark')) continue;
    const tick = document.createElement('span');
    tick.className = 'fm-read-mark';
    tick.setAttribute('aria-hidden', 'true');
    tick.textContent = ' ✓';
    const text = document.createElement('span');
    text.className = 'sr-only fm-read-words';
    text.textContent = t(resolveLang(link), 'progress.read');
    // Inside the link's label span, so the text stays on the link's one line and its name reads "… (read)".
    (link.querySelector('span') ?? link).append(tick, text);
  }
}

mark(parseReadSet(storage?.getItem(READ_KEY) ?? null));
watchLang(document.documentElement, (lang) => {
  for (const words of document.querySelectorAll<HTMLElement>('nav.sidebar .fm-read-words')) words.textContent = t(lang, 'progress.read');
});

const summary = document.getElementById('summary');
if (storage && summary && document.querySelector('.fm-chapter-intro')) {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    const value = withRead(storage.getItem(READ_KEY), location.pathname);
    store(storage, READ_KEY, value);
    mark(parseReadSet(value));
  });
  observer.observe(summary);
}
