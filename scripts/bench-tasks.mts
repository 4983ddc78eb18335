/**
 * `npm run bench:tasks` — how long the book's own scripts hold the main thread in one go while a page loads.
 * Lighthouse's mobile preset counts a task as long when it would take over 50 ms on a phone it simulates as 4× slower
 * than the machine it runs on: a task with over 12.5 ms of script here. Lighthouse's own figures move a lot between
 * runs on this 2-core machine (its CPU benchmark index ranged 1,700–2,800 within one run), so this measures the
 * script inside each task directly: each page is loaded in a fresh context of Debian's Chromium (412 × 823, no
 * throttling), traced from navigation to 2.5 s after the load event, and for every main-thread task the script it
 * ran (the outermost script events in it: module evaluation, callbacks, microtasks, idle callbacks) is summed.
 * Per page and build, medians over the runs: tasks with over 12.5 ms of script, the longest such stretch, and all
 * script time. With --before DIR the builds are interleaved (one load of each in turn) and the ratios printed.
 * Usage: npm run bench:tasks [-- --pages "/ /chapters/convolution/" --runs 7 --before DIR]
 */
import { chromium, type Browser } from '@playwright/test';
import { startSite } from '../tests/e2e/site-server.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs') ?? 7) || 7;
const PAGES = (option('--pages') ?? '/ /chapters/convolution/ /zh-cn/chapters/convolution/ /chapters/pooling-and-networks/ /chapters/transfer-learning/ /embed/v1/network-explorer/').split(/\s+/).filter(Boolean);
const BEFORE = option('--before');
/** Lighthouse's 50 ms on its simulated phone, 4× slower than this machine. */
const LONG_MS = 50 / 4;
const SCRIPT = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'RunMicrotasks', 'FireIdleCallback', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.callFunction']);

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number }
interface Load { long: number; longest: number; total: number }

async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(2500);
    await cdp.send('Tracing.end');
    await complete;
    const parse = events.find((e) => e.name === 'ParseHTML');
    if (!parse) throw new Error(`bench-tasks: no HTML parsed for ${url}`);
    const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
    const tasks = main.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
    const scripts = main.filter((e) => SCRIPT.has(e.name)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const outer: TraceEvent[] = [];
    let end = -Infinity;
    for (const e of scripts) if (e.ts >= end) { outer.push(e); end = e.ts + e.dur!; }
    const result: Load = { long: 0, longest: 0, total: 0 };
    let i = 0;
    for (const task of tasks) {
      while (i < outer.length && outer[i]!.ts < task.ts) i++;
      let ms = 0;
      for (let j = i; j < outer.length && outer[j]!.ts < task.ts + task.dur!; j++) ms += outer[j]!.dur! / 1000;
      result.total += ms;
      if (ms > LONG_MS) result.long++;
      result.longest = Math.max(result.longest, ms);
    }
    return result;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.env.FM_GZIP = '1'; // served compressed, as a real host serves it (the servers inherit it)
const servers = [await startSite('dist'), ...(BEFORE ? [await startSite(BEFORE)] : [])];
const sites: Record<string, string> = { now: servers[0]!.url.replace(/\/$/, '') };
if (BEFORE) sites.before = servers[1]!.url.replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  console.log(`Script per main-thread task while a page loads (to 2.5 s after load), Chromium ${browser.version()}, 412 × 823, no throttling; median of ${RUNS} loads${BEFORE ? `, interleaved with ${BEFORE}` : ''}`);
  console.log(`"long": tasks with over ${LONG_MS} ms of script (over 50 ms on Lighthouse's 4× slower phone)\n`);
  console.log(`| page | build | long tasks | longest, ms | all script, ms |`);
  console.log('| --- | --- | --- | --- | --- |');
  const ratios: string[] = [];
  for (const path of PAGES) {
    const got: Record<string, Load[]> = Object.fromEntries(Object.keys(sites).map((k) => [k, []]));
    for (let r = 0; r < RUNS; r++) for (const [label, origin] of Object.entries(sites)) got[label]!.push(await load(browser, origin + path));
    const med = (label: string) => ({ long: median(got[label]!.map((l) => l.long)), longest: median(got[label]!.map((l) => l.longest)), total: median(got[label]!.map((l) => l.total)) });
    for (const label of Object.keys(sites).reverse()) {
      const m = med(label);
      const range = (k: keyof Load) => `${Math.min(...got[label]!.map((l) => l[k])).toFixed(0)}–${Math.max(...got[label]!.map((l) => l[k])).toFixed(0)}`;
      console.log(`| ${path} | ${label} | ${m.long} (${range('long')}) | ${m.longest.toFixed(1)} (${range('longest')}) | ${m.total.toFixed(0)} (${range('total')}) |`);
    }
    if (BEFORE) {
      const [n, b] = [med('now'), med('before')];
      ratios.push(`  ${path}: longest ${(n.longest / b.longest).toFixed(2)}×, all script ${(n.total / b.total).toFixed(2)}×, long tasks ${b.long} → ${n.long}`);
    }
  }
  if (ratios.length) console.log(`\nnow / before:\n${ratios.join('\n')}`);
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
