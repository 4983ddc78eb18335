/**
 * The files a page needs to be read and run offline, worked out at build time from its HTML: the page itself,
 * its stylesheets and scripts (the fonts those stylesheets name, the chunks those scripts import), the widget entry, each element's chunks
 * (chunks.json from scripts/widgets/bundle.ts) and each element's data (widget-assets.ts).
 */
import { WIDGET_ASSETS } from './widget-assets.ts';

export interface PageFiles { files: string[]; bytes: number }

/**
 * `site`: every built file, path relative to the site root → size in bytes. Paths returned are relative too.
 * `textOf` reads a built file (a stylesheet, for its fonts; a page script, for its imports).
 */
export function pageFiles(pagePath: string, html: string, base: string, site: ReadonlyMap<string, number>, chunks: Record<string, string[]>, textOf: (file: string) => string): PageFiles {
  const want = new Set<string>([`${pagePath}index.html`]);
  // The page is cached under the address a reader opens (its folder), not its file name.
  const page = `${pagePath}index.html`;
  const underBase = (url: string) => (url.startsWith(base) ? url.slice(base.length) : null);
  for (const m of html.matchAll(/\s(?:href|src)="([^"#?]+)"/g)) {
    const file = underBase(m[1]!);
    if (file && /\.(css|js|svg|png|woff2?)$/.test(file) && site.has(file)) want.add(file);
  }
  for (const file of [...want].filter((f) => f.endsWith('.css'))) {
    for (const m of textOf(file).matchAll(/url\(["']?([^"')]+\.woff2)["']?\)/g)) {
      const font = underBase(new URL(m[1]!, `http://x${base}${file}`).pathname);
      if (font && site.has(font)) want.add(font);
    }
  }
  // A page script's static imports (Vite's shared chunks: the message catalogue, the progress storage) load with it;
  // one missing from the cache makes the script fail offline, with every control it draws.
  const scripts = [...want].filter((f) => f.startsWith('_astro/') && f.endsWith('.js'));
  for (let i = 0; i < scripts.length; i++) {
    const file = scripts[i]!;
    for (const m of textOf(file).matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      const dep = underBase(new URL(m[1]!, `http://x${base}${file}`).pathname);
      if (dep && site.has(dep) && !want.has(dep)) {
        want.add(dep);
        scripts.push(dep);
      }
    }
  }
  for (const tag of new Set([...html.matchAll(/<(fm-[a-z-]+)/g)].map((m) => m[1]!))) {
    for (const chunk of chunks[tag] ?? []) want.add(`widgets/v1/${chunk}`);
    for (const prefix of WIDGET_ASSETS[tag] ?? []) for (const file of site.keys()) if (file.startsWith(prefix)) want.add(file);
  }
  const files = [...want].filter((f) => site.has(f)).sort();
  const bytes = files.reduce((sum, f) => sum + site.get(f)!, 0);
  return { files: files.map((f) => (f === page ? pagePath : f)), bytes };
}
