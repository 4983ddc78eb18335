/**
 * `npm run bench:page` — what a reader's browser pays, measured in one run on this machine:
 *  1. `astro build` wall time;
 *  2. JavaScript (gzip) on Chapter 1 before any widget loads, and after the first playground has run;
 *  3. time from the playground becoming visible (its `fm-start` mark) to its first output (`fm-result` mark),
 *     per backend (webgpu, webgl, cpu — forced with ?backend=), on fresh pages;
 *  4. conv2d time of the playground's default job per backend (the widget's own `ms`, to `await data()`).
 * Medians of REPS runs after one warm-up, with min–max. Uses Debian's Chromium; WebGPU here is SwiftShader.
 *  5. with --lighthouse: Lighthouse's mobile run on every page of the book (scripts/bench/lighthouse.mts), served
 *     gzip-compressed as a real host serves it; --pages "/ /chapters/convolution/" limits it to some pages, and
 *     --before DIR (another build, e.g. of the previous commit) runs each page on both, interleaved, and prints the
 *     two tables and the differences.
 *     --runs N runs Lighthouse N times per page and keeps the median run (by score, then TBT): this machine is noisy.
 * Usage: npm run bench:page [-- --reps 5 --no-build --lighthouse --runs 3 --pages "…" --before DIR --only-lighthouse]
 */
import { spawn, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { lighthouseAll, lighthouseTable } from './bench/lighthouse.mts';

const args = process.argv.slice(2);
const REPS = Number(args[args.indexOf('--reps') + 1] || 5) || 5;
const PORT = 4390;
const BASE = `http://127.0.0.1:${PORT}`;
const BACKENDS = ['webgpu', 'webgl', 'cpu'] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

function build(): number {
  const t0 = performance.now();
  const r = spawnSync('npx', ['astro', 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return (performance.now() - t0) / 1000;
}

async function jsBytes(browser: Browser): Promise<{ before: number; after: number; beforeFiles: number; afterFiles: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const bodies = new Map<string, number>();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') bodies.set(res.url(), gzipSync(await res.body()).length);
  });
  await page.goto(`${BASE}/chapters/convolution/`);
  await page.waitForLoadState('networkidle');
  const sum = () => [...bodies.values()].reduce((a, b) => a + b, 0);
  const before = sum();
  const beforeFiles = bodies.size;
  const pg = page.locator('fm-conv-playground').first();
  await pg.scrollIntoViewIfNeeded();
  await pg.evaluate(async (el) => {
    await customElements.whenDefined(el.localName);
    await (el as HTMLElement & { ready: Promise<void> }).ready;
  });
  await page.waitForLoadState('networkidle');
  const result = { before, after: sum(), beforeFiles, afterFiles: bodies.size };
  await page.close();
  return result;
}

async function firstOutput(browser: Browser, backend: string): Promise<{ ms: number; got: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/embed/conv-playground/?backend=${backend}`);
  const r = await page.evaluate(async () => {
    await customElements.whenDefined('fm-conv-playground'); // `ready` exists only once the element is upgraded
    const el = document.querySelector('fm-conv-playground') as HTMLElement & { ready: Promise<void> };
    await el.ready;
    const start = performance.getEntriesByName('fm-start')[0]!;
    const result = performance.getEntriesByName('fm-result')[0] as PerformanceMark;
    return { ms: result.startTime - start.startTime, got: (result.detail as { backend: string }).backend };
  });
  await context.close();
  return r;
}

async function convTimes(page: Page, reps: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const el = document.querySelector('fm-conv-playground')!;
    const kernel = el.getAttribute('kernel') ?? 'sobel-x';
    const times: number[] = [];
    for (let i = 0; i <= n; i++) {
      const done = new Promise<number>((resolve) => el.addEventListener('fm-result', (e) => resolve((e as CustomEvent).detail.ms), { once: true }));
      // Alternate between two kernels of the same shape, so every run is the same job on warm pipelines.
      el.setAttribute('kernel', i % 2 ? kernel : kernel === 'sobel-y' ? 'sobel-x' : 'sobel-y');
      const ms = await done;
      if (i > 0) times.push(ms);
    }
    el.setAttribute('kernel', kernel);
    return times;
  }, reps);
}

const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** Every page of a build (both editions), without the unversioned embed aliases (the same pages as /embed/v1/…) and the 404s. */
function pagesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .filter((p) => !/^\/embed\/(?!v1\/)[^/]+\/$/.test(p) && !/^\/(zh-cn\/)?404/.test(p))
    .sort();
}

async function lighthouseSection(): Promise<void> {
  const before = option('--before');
  const paths = option('--pages')?.split(/\s+/).filter(Boolean) ?? pagesOf('dist');
  const servers = [spawn(process.execPath, ['scripts/serve.mts', 'dist', String(PORT + 1)], { stdio: 'ignore', env: { ...process.env, FM_GZIP: '1' } })];
  const sites: Record<string, string> = { now: `http://127.0.0.1:${PORT + 1}` };
  if (before) {
    servers.push(spawn(process.execPath, ['scripts/serve.mts', before, String(PORT + 2)], { stdio: 'ignore', env: { ...process.env, FM_GZIP: '1' } }));
    sites.before = `http://127.0.0.1:${PORT + 2}`;
  }
  await new Promise((r) => setTimeout(r, 1500));
  try {
    const t0 = performance.now();
    const runs = Number(option('--runs') ?? 1) || 1;
    const results = await lighthouseAll(sites, paths, runs);
    console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile preset (simulated slow 4G, 4× CPU slowdown), ${runs === 1 ? 'one run per page' : `the median of ${runs} runs per page (by score, then TBT)`}, gzip; ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    for (const [label, rows] of Object.entries(results)) {
      console.log(`\n${label === 'now' ? 'This build' : `Before (${before})`}:\n`);
      console.log(lighthouseTable(rows));
    }
    if (results.before) {
      console.log('\nChange per page (now − before): score, TBT ms, LCP s, elements');
      results.now!.forEach((r, i) => {
        const b = results.before![i]!;
        console.log(`  ${r.path}: ${(r.score - b.score).toFixed(2)}, ${(r.tbt - b.tbt).toFixed(0)}, ${((r.lcp - b.lcp) / 1000).toFixed(1)}, ${r.elements - b.elements}`);
      });
    }
    // A page Lighthouse could not measure (NaN) is a miss, not a pass.
    const misses = results.now!.filter((r) => !(r.score >= 0.95 && r.tbt <= 200 && r.lcp <= 2500 && r.cls <= 0.02));
    console.log(`\nGoal (score ≥ 0.95, TBT ≤ 200 ms, LCP ≤ 2.5 s, CLS ≤ 0.02): ${results.now!.length - misses.length} of ${results.now!.length} pages meet it${misses.length ? `; not yet: ${misses.map((r) => r.path).join(' ')}` : ''}`);
  } finally {
    for (const s of servers) s.kill();
  }
}

const buildSeconds = flag('--no-build') || flag('--only-lighthouse') ? NaN : build();
if (flag('--only-lighthouse')) {
  await lighthouseSection();
  process.exit(0);
}
const server = spawn(process.execPath, ['scripts/serve.mts', 'dist', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-webgpu'],
});
try {
  const bytes = await jsBytes(browser);
  const rows: string[] = [];
  const firsts: Record<string, number[]> = {};
  const convs: Record<string, number[]> = {};
  for (const backend of BACKENDS) {
    await firstOutput(browser, backend); // warm the HTTP and shader caches once, as a returning reader would have
    firsts[backend] = [];
    for (let i = 0; i < REPS; i++) {
      const r = await firstOutput(browser, backend);
      if (r.got !== backend) throw new Error(`asked for ${backend}, widget ran on ${r.got}`);
      firsts[backend]!.push(r.ms);
    }
    const page = await browser.newPage();
    await page.goto(`${BASE}/embed/conv-playground/?backend=${backend}`);
    await page.evaluate(async () => {
      await customElements.whenDefined('fm-conv-playground');
      await (document.querySelector('fm-conv-playground') as HTMLElement & { ready: Promise<void> }).ready;
    });
    const shape = await page.evaluate(async () => {
      const el = document.querySelector('fm-conv-playground') as HTMLElement & { getOutput(): Promise<{ shape: number[] }>; getInput(): Promise<{ shape: number[] }>; getKernel(): Promise<{ shape: number[] }> };
      return `in ${(await el.getInput()).shape.join('×')}, kernel ${(await el.getKernel()).shape.join('×')}, out ${(await el.getOutput()).shape.join('×')}`;
    });
    convs[backend] = await convTimes(page, Math.max(REPS, 7));
    await page.close();
    rows.push(`| ${backend} | ${fmt(firsts[backend]!)} | ${fmt(convs[backend]!)} | ${shape} |`);
  }
  console.log(`\nFeature Maps page benchmark — ${new Date().toISOString()}, Chromium ${browser.version()}, ${REPS} reps, median (min–max)\n`);
  console.log(`astro build: ${Number.isNaN(buildSeconds) ? 'skipped' : `${buildSeconds.toFixed(1)} s`}`);
  console.log(`JS on /chapters/convolution/ (gzip): before any widget ${(bytes.before / 1024).toFixed(1)} KiB in ${bytes.beforeFiles} files; after the first playground ran ${(bytes.after / 1024).toFixed(1)} KiB in ${bytes.afterFiles} files\n`);
  console.log('| backend | visible → first output, ms | conv2d (default job), ms | job |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  const m = (b: string, t: Record<string, number[]>) => median(t[b]!);
  console.log(`\nratios (conv2d): webgl/webgpu ${(m('webgl', convs) / m('webgpu', convs)).toFixed(2)}, cpu/webgpu ${(m('cpu', convs) / m('webgpu', convs)).toFixed(2)}`);
} finally {
  await browser.close();
  server.kill();
}
if (flag('--lighthouse')) await lighthouseSection();
