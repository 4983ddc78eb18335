/**
 * Every link on every built page leads somewhere: an internal `href` (a page, a file) exists in dist/, and its
 * `#fragment` names an element of the page it points to — in both editions, so a Chinese page's link to a section
 * (ids shared with the English, scripts/markdown/rehype-locale-heading-ids.ts) or to another Chinese page holds.
 * Files, not a browser, so it runs once (in the `page` project).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { test, expect } from '@playwright/test';

const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
const ids = new Map<string, Set<string>>();
const idsOf = (file: string) => {
  let set = ids.get(file);
  if (!set) ids.set(file, (set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))));
  return set;
};
/** The built file an address is served from (a folder's index.html), or null. */
function fileOf(path: string): string | null {
  const file = `dist${decodeURIComponent(path)}`;
  if (!existsSync(file)) return null;
  return statSync(file).isDirectory() ? (existsSync(`${file}/index.html`) ? `${file}/index.html` : null) : file;
}

test('every internal link and fragment on every page of both editions resolves', { tag: '@page' }, () => {
  expect(pages.filter((p) => p.startsWith('zh-cn/')).length).toBeGreaterThanOrEqual(12);
  const broken: string[] = [];
  for (const page of pages) {
    const html = readFileSync(`dist/${page}`, 'utf8');
    const here = `/${page.replace(/index\.html$/, '')}`;
    for (const [, href] of html.matchAll(/<a\s[^>]*\bhref="([^"]+)"/g)) {
      const url = new URL(href!.replace(/&amp;/g, '&'), `http://book${here}`);
      if (url.host !== 'book') continue; // another site (references)
      const file = fileOf(url.pathname);
      if (!file) {
        broken.push(`${here}: ${href}`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && id !== '_top' && file.endsWith('.html') && !idsOf(file).has(id)) broken.push(`${here}: ${href} (no #${id})`);
    }
  }
  expect(broken).toEqual([]);
});
