/**
 * `npm run bench:catalogue` — what evaluating the widgets' English catalogue costs the main thread, the way the
 * source writes it (31 object literals spread into one table) and the way the bundle ships it (one `JSON.parse` of
 * the merged table, scripts/widgets/bundle.ts: catalogueAsJson). Each form is loaded as a module in a fresh page of
 * Debian's Chromium, RUNS times, alternating, with a 4× slower CPU (DevTools throttling, as Lighthouse's mobile
 * preset assumes); the figure is the time its top-level code takes (performance.now() read as its first and last
 * statements). Prints medians, ranges and the ratio, and checks that both give the same table.
 * Usage: npm run bench:catalogue [-- --runs 9]
 */
import * as esbuild from 'esbuild';
import { chromium } from '@playwright/test';
import { evaluateCatalogue } from './widgets/bundle.ts';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 9) || 9;
const INDEX = 'src/lib/i18n/messages/en/index.ts';
const ORIGIN = 'http://127.0.0.1:1';

const literal = (await esbuild.build({ entryPoints: [INDEX], bundle: true, format: 'esm', minify: true, write: false, logLevel: 'warning' })).outputFiles[0]!.text;
const { table } = await evaluateCatalogue(INDEX);
const json = `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});\n`;
// Timed from inside: the first statement reads the clock, the last one says how long the rest took.
const timed = (code: string) => `const __t0 = performance.now();\n${code.replace(/export\s*\{([^}]*)\};?\s*$/, (all) => `globalThis.__ms = performance.now() - __t0;\n${all}`).replace(/^export default (.*)$/m, 'const __table = $1\nglobalThis.__ms = performance.now() - __t0;\nexport default __table;')}`;
const files: Record<string, string> = { 'literal.js': timed(literal), 'json.js': timed(json) };
if (!Object.values(files).every((f) => f.includes('globalThis.__ms'))) throw new Error('bench-catalogue: could not place the timer in the modules');
const page = (file: string) => `<!doctype html><meta charset="utf-8"><script type="module">const m = await import('./${file}'); window.table = JSON.stringify(m.default); document.title = String(globalThis.__ms);</script>`;

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
const times: Record<string, number[]> = { 'literal.js': [], 'json.js': [] };
const tables = new Set<string>();
try {
  for (let r = 0; r < RUNS; r++) {
    for (const file of Object.keys(files)) {
      const context = await browser.newContext();
      await context.route(`${ORIGIN}/**`, (route) => {
        const name = new URL(route.request().url()).pathname.slice(1);
        if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: page(file) });
        return route.fulfill({ contentType: 'text/javascript', body: files[name] ?? '' });
      });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await tab.goto(`${ORIGIN}/index.html`);
      await tab.waitForFunction(() => document.title !== '');
      tables.add(await tab.evaluate(() => (window as unknown as { table: string }).table));
      const ms = Number(await tab.title());
      times[file]!.push(ms);
      await context.close();
    }
  }
} finally {
  await browser.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const show = (xs: number[]) => `${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
console.log(`English catalogue: ${Object.keys(table).length} messages; ${literal.length} B as literals, ${json.length} B as JSON; ${RUNS} loads each, 4× slower CPU`);
console.log(`  object literals spread into one: ${show(times['literal.js']!)}`);
console.log(`  JSON.parse of the merged table:  ${show(times['json.js']!)}`);
console.log(`  ratio (literals / JSON): ${(median(times['literal.js']!) / median(times['json.js']!)).toFixed(1)}×`);
if (tables.size !== 1) {
  console.error('The two forms gave different tables.');
  process.exit(1);
}
console.log('  both forms give the same table');
