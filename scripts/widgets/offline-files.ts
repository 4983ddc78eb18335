/**
 * Build step (integration.ts, after the widget bundle): writes `offline.json` (page path → the
 * files it needs offline and their size, from page-files.ts) and the service worker `sw.js`, both at the base.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { pageFiles, type PageFiles } from '../../src/lib/offline/page-files.ts';

export async function writeOfflineFiles(dir: string, base: string): Promise<void> {
  const site = new Map<string, number>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, file);
    if (statSync(path).isFile()) site.set(file.split('\\').join('/'), statSync(path).size);
  }
  const chunks = JSON.parse(readFileSync(join(dir, 'widgets/v1/chunks.json'), 'utf8')) as Record<string, string[]>;
  const pages: Record<string, PageFiles> = {};
  for (const file of site.keys()) {
    if (!file.endsWith('index.html') || file.startsWith('embed/')) continue;
    const pagePath = file.slice(0, -'index.html'.length);
    pages[pagePath] = pageFiles(pagePath, readFileSync(join(dir, file), 'utf8'), base, site, chunks, (css) => readFileSync(join(dir, css), 'utf8'));
  }
  writeFileSync(join(dir, 'offline.json'), JSON.stringify(pages));
  await esbuild.build({ entryPoints: ['src/lib/offline/sw.ts'], outfile: join(dir, 'sw.js'), bundle: true, format: 'iife', minify: true, target: 'es2022', logLevel: 'warning' });
}
