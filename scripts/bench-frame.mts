/**
 * `npm run bench:frame`: what a page's first frame costs, and what a style sheet added to the page would change.
 * Loads the built page (served gzip-compressed, 412 × 823 px as Lighthouse's phone) with and without the CSS given,
 * interleaved, each in a fresh browser context with a trace, and prints per variant the medians of: the longest task
 * that styled or laid out (wall and main-thread ms), the style and layout it ran, and all style and layout over the
 * load. A tool for asking "what if these blocks were skipped, hidden or styled otherwise" before changing the book:
 * the CSS goes into the page's head as it is served, so the build is not touched.
 * Usage: npm run bench:frame -- [--runs 7] [--no-js] [--css "…"] [/chapters/pooling-and-networks/]
 *   --no-js refuses every script in the variant (what the scripts' loading and compiling take from the frame).
 * Build first (`npm run build`).
 */
import { chromium, type Page } from '@playwright/test';
import { startSite } from '../tests/e2e/site-server.ts';
import { median } from './bench/median.mts';
import { traceLoad, type TraceEvent } from './bench/trace-load.mts';

const argv = process.argv.slice(2);
const opt = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const runs = Number(opt('runs') ?? 7);
const css = opt('css') ?? '';
const noJs = argv.includes('--no-js');
const path = argv.find((a, i) => a.startsWith('/') && !['--css', '--runs'].includes(argv[i - 1] ?? '')) ?? '/chapters/pooling-and-networks/';
if (!css && !noJs) console.error('No --css and no --no-js: both variants are the page as built (a measure of the spread).');

process.env.FM_GZIP = '1';
const site = await startSite('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-webgpu'] });
interface Load { wall: number; thread: number; styleLayout: number; all: number }
const loads: Record<'built' | 'variant', Load[]> = { built: [], variant: [] };

const isStyleOrLayout = (e: TraceEvent) => (e.name === 'UpdateLayoutTree' || e.name === 'Layout') && e.ph === 'X';

/** The variant's page: scripts refused (--no-js) and the CSS added to its head as it is served. */
const setup = async (page: Page) => {
  if (noJs) await page.route(/\.m?js(\?.*)?$/, (route) => route.abort());
  if (css) await page.route(`**${path}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('</head>', () => `<style>${css}</style></head>`) });
  });
};
for (let r = 0; r < runs; r++) {
  for (const variant of ['built', 'variant'] as const) {
    const { main } = await traceLoad(browser, site.url.replace(/\/$/, '') + path, {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline', settleMs: 600, setup: variant === 'variant' ? setup : undefined,
    });
    const load: Load = { wall: 0, thread: 0, styleLayout: 0, all: main.filter(isStyleOrLayout).reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0) };
    for (const task of main.filter((e) => e.name === 'RunTask' && e.ph === 'X')) {
      const inside = main.filter((e) => isStyleOrLayout(e) && e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0));
      if (!inside.length || (task.dur ?? 0) / 1000 <= load.wall) continue;
      Object.assign(load, { wall: (task.dur ?? 0) / 1000, thread: (task.tdur ?? 0) / 1000, styleLayout: inside.reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0) });
    }
    loads[variant].push(load);
  }
}
await browser.close();
await site.close();

const row = (name: string, xs: Load[]) => {
  const m = (f: (l: Load) => number) => median(xs.map(f)).toFixed(1);
  return `| ${name} | ${m((l) => l.wall)} | ${m((l) => l.thread)} | ${m((l) => l.styleLayout)} | ${m((l) => l.all)} |`;
};
console.log(`\n${path}, 412 × 823, median of ${runs} loads each, interleaved; ms. Variant: ${[noJs ? 'no scripts' : '', css ? `CSS ${JSON.stringify(css)}` : ''].filter(Boolean).join(', ') || 'the page as built'}\n`);
console.log('| page | longest task that styled or laid out: wall | its main-thread time | its style and layout | all style and layout in the load |');
console.log('|---|---|---|---|---|');
console.log(row('as built', loads.built));
console.log(row('variant', loads.variant));
