/**
 * An embed page shows one widget, known when the book is built: its HTML names the widget's code with
 * `<link rel="modulepreload">`, so the browser fetches the element module and what it imports at once, in parallel
 * with the entry script. Without them each level of imports was found only once the level above had arrived: four
 * or five round trips in a row before the widget could draw (Lighthouse's slow 4G: ~150 ms each).
 * Only the element's static imports: tfjs and the rest of what it loads when it first computes stay lazy.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WIDGETS_DIR } from './bundle.ts';

/** Every `index.html` under `dir` (the versioned embed pages and the legacy ones). */
function embedPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html')).map((f) => join(dir, f));
}

/** The preload links for the page's widget (`data-tag` on its body) and the entry's imports, before `</head>`. */
export function preloadLinks(html: string, chunks: Record<string, string[]>, base: string): string {
  const tag = /<body[^>]*\sdata-tag="(fm-[a-z-]+)"/.exec(html)?.[1];
  if (!tag) return html;
  if (!chunks[tag]) throw new Error(`embed page for ${tag}: no chunks in the widget bundle`);
  const files = [...new Set([...(chunks['feature-maps'] ?? []), ...chunks[tag]])];
  const root = `${base.replace(/\/?$/, '/')}${WIDGETS_DIR}/`;
  const links = files.map((f) => `<link rel="modulepreload" href="${root}${f}">`).join('');
  return html.replace('</head>', `${links}</head>`);
}

export function preloadEmbedPages(siteDir: string, chunks: Record<string, string[]>, base: string): void {
  for (const file of embedPages(join(siteDir, 'embed'))) {
    const html = readFileSync(file, 'utf8');
    const out = preloadLinks(html, chunks, base);
    if (out !== html) writeFileSync(file, out);
  }
}
