/**
 * `npm run bench:tasks` — how long the book's own scripts hold the main thread in one go while a page loads.
 * Lighthouse's mobile preset counts a task as long when it would take over 50 ms on a phone it simulates as 4× slower
 * than the machine it runs on: a task with over 12.5 ms of script here. Lighthouse's own figures move a lot between
 * runs on this 2-core machine (its CPU benchmark index ranged 1,700–2,800 within one run), so this measures the
 * script inside each task directly: each page is loaded in a fresh context of Debian's Chromium (412 × 823, no
 * throttling), traced from navigation to 2.5 s after the load event, and for every main-thread task the script it
 * ran (the outermost script events in it: module evaluation, callbacks, microtasks, idle callbacks) is summed.
 * Per page and build, medians over the runs: tasks with over 12.5 ms of script, the longest such stretch, and all
 * script time; and, as Lighthouse counts them, whole tasks (script, parsing, style, layout, paint) over 12.5 ms and the
 * longest. With --before DIR the builds are interleaved (one load of each in turn) and the ratios printed.
 * With --whose, each load also records a CPU profile (sampled every 100 µs, which slows the page a little) and each
 * long task is put down to the code that ran most of its script, by the file of each sample's function: "ours" (the
 * book's widget code: src/, components/), "tfjs", "d3", the page's own scripts (Astro's, Starlight's and ours in
 * _astro/), or the browser itself (native calls such as requestAdapter, parsing and compiling); a widget chunk counts
 * as the package most of its bytes come from (the widget bundle is rebuilt in memory, unwritten, to know that; a
 * chunk it does not name, one of a --before build's that changed, counts as the widgets' own).
 * With --detail (implies --whose), each long task of each load is printed with the functions that held it longest
 * (inclusive time, with their files and lines; build with readable names to read them: FM_READABLE=1 npm run build).
 * --long MS counts (and details) tasks over MS instead of 12.5 ms.
 * Usage: npm run bench:tasks [-- --pages "/ /chapters/convolution/" --runs 7 --before DIR --whose --detail --dist DIR --long MS]
 */
import { basename } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { startSite } from '../tests/e2e/site-server.ts';
import { widgetBuildOptions } from './widgets/bundle.ts';
import { traceLoad, type TraceEvent } from './bench/trace-load.mts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs') ?? 7) || 7;
const PAGES = (option('--pages') ?? '/ /chapters/convolution/ /zh-cn/chapters/convolution/ /chapters/pooling-and-networks/ /chapters/transfer-learning/ /embed/v1/network-explorer/').split(/\s+/).filter(Boolean);
const BEFORE = option('--before');
const DETAIL = args.includes('--detail');
const WHOSE = DETAIL || args.includes('--whose');
/** Lighthouse's 50 ms on its simulated phone, 4× slower than this machine. */
const LONG_MS = Number(option('--long') ?? 50 / 4);
const SCRIPT = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'RunMicrotasks', 'FireIdleCallback', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.callFunction']);

interface Load { long: number; longest: number; total: number; whose: Record<string, number>; wholeLong: number; wholeLongest: number }
const OWNERS = ['ours', 'tfjs', 'd3', 'page', 'browser'] as const;
type Owner = (typeof OWNERS)[number];
/** The owner with the most of `amounts` (the first in OWNERS on a tie or none). */
const largest = (amounts: Partial<Record<Owner, number>>): Owner => OWNERS.reduce((a, b) => ((amounts[b] ?? 0) > (amounts[a] ?? 0) ? b : a));

/** Each widget chunk's owner: the package most of its bytes come from (the bundle rebuilt in memory as the build makes it). */
async function chunkOwners(): Promise<Map<string, Owner>> {
  const built = await esbuild.build({ ...widgetBuildOptions(process.env.FM_BASE ?? '/', '/virtual/widgets/v1'), write: false });
  const owners = new Map<string, Owner>();
  for (const [file, out] of Object.entries(built.metafile!.outputs)) {
    const bytes: Partial<Record<Owner, number>> = {};
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      const owner: Owner = input.includes('node_modules/@tensorflow/') ? 'tfjs' : /node_modules\/(d3|internmap|delaunator|robust-predicates)/.test(input) ? 'd3' : 'ours';
      bytes[owner] = (bytes[owner] ?? 0) + bytesInOutput;
    }
    owners.set(basename(file), largest(bytes));
  }
  return owners;
}
const owners = WHOSE ? await chunkOwners() : new Map<string, Owner>();

/**
 * Whose code a profiled function is, by its script's URL (a native function or the engine's own work: the browser;
 * so is a built-in script named without a scheme, such as Chromium 150's "v8/LoadTimes").
 */
function ownerOf(url: string): Owner {
  if (!URL.canParse(url)) return 'browser';
  const path = new URL(url).pathname;
  if (path.includes('/widgets/v1/')) return owners.get(basename(path)) ?? 'ours';
  return 'page';
}

interface Frame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface Profile { nodes: { id: number; callFrame: Frame; children?: number[] }[]; startTime: number; samples: number[]; timeDeltas: number[] }

/** The functions that held one task longest, counting each function once per sample however deep it recurs. */
function detail(profile: Profile, samples: { ts: number; ms: number; id: number }[], parents: Map<number, number>): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const inclusive = new Map<string, number>();
  for (const { id, ms } of samples) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parents.get(n)) {
      const f = byId.get(n)!;
      if (!f.url && f.functionName.startsWith('(')) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url ? `${basename(new URL(f.url, 'http://x').pathname)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '(native)'}`;
      if (!seen.has(key)) { seen.add(key); inclusive.set(key, (inclusive.get(key) ?? 0) + ms); }
    }
  }
  return [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, ms]) => `      ${ms.toFixed(1).padStart(6)} ms  ${k}`).join('\n');
}

async function load(browser: Browser, url: string): Promise<Load> {
  const profiler = {
    start: async (cdp: CDPSession) => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    stop: async (cdp: CDPSession) => (await cdp.send('Profiler.stop')).profile as unknown as Profile,
  };
  const traced = await traceLoad(browser, url, { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', settleMs: 2500, alongside: WHOSE ? profiler : undefined });
  const { parse, alongside: profile } = traced;
  const main = traced.main.filter((e) => e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const commit = main.find((e) => e.name === 'CommitLoad');
  const scripts = main.filter((e) => SCRIPT.has(e.name)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const outer: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of scripts) if (e.ts >= end) { outer.push(e); end = e.ts + e.dur!; }
  const result: Load = { long: 0, longest: 0, total: 0, whose: Object.fromEntries(OWNERS.map((o) => [o, 0])), wholeLong: 0, wholeLongest: 0 };
  // The profile's samples, in the trace's clock (both count from the same time base), with their owners.
  const samples: { ts: number; ms: number; owner: Owner | null; id: number }[] = [];
  const parents = new Map<number, number>();
  for (const n of profile?.nodes ?? []) for (const c of n.children ?? []) parents.set(c, n.id);
  if (profile) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    let ts = profile.startTime;
    profile.samples.forEach((id, k) => {
      ts += profile.timeDeltas[k]!;
      const frame = byId.get(id)!;
      // Idle time and the garbage collector belong to nobody; '(program)' is the browser's own work.
      const owner = frame.functionName === '(idle)' || frame.functionName === '(garbage collector)' ? null : ownerOf(frame.url);
      samples.push({ ts, ms: (profile.timeDeltas[k + 1] ?? 0) / 1000, owner, id });
    });
  }
  let i = 0, k = 0;
  for (const task of tasks) {
    // The whole task, as Lighthouse times it: script, parsing, style, layout and paint. The navigation's commit is
    // left out (with it, the requests for what the preload scanner found): Lighthouse names no page or script for it.
    if (!commit || commit.ts < task.ts || commit.ts >= task.ts + task.dur!) {
      result.wholeLongest = Math.max(result.wholeLongest, task.dur! / 1000);
      if (task.dur! / 1000 > LONG_MS) result.wholeLong++;
    }
    while (i < outer.length && outer[i]!.ts < task.ts) i++;
    let ms = 0;
    for (let j = i; j < outer.length && outer[j]!.ts < task.ts + task.dur!; j++) ms += outer[j]!.dur! / 1000;
    result.total += ms;
    result.longest = Math.max(result.longest, ms);
    if (ms <= LONG_MS) continue;
    result.long++;
    if (!profile) continue;
    const by: Partial<Record<Owner, number>> = {};
    while (k < samples.length && samples[k]!.ts < task.ts) k++;
    for (let j = k; j < samples.length && samples[j]!.ts < task.ts + task.dur!; j++) {
      const { owner, ms } = samples[j]!;
      if (owner) by[owner] = (by[owner] ?? 0) + ms;
    }
    result.whose[largest(by)]!++;
    if (DETAIL) {
      const within = samples.filter((x) => x.ts >= task.ts && x.ts < task.ts + task.dur! && x.owner);
      console.log(`    ${new URL(url).pathname} task at ${((task.ts - parse.ts) / 1000).toFixed(0)} ms after parsing began: ${ms.toFixed(1)} ms of script, mostly ${largest(by)}\n${detail(profile, within, parents)}`);
    }
  }
  return result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.env.FM_GZIP = '1'; // served compressed, as a real host serves it (the servers inherit it)
const servers = [await startSite(option('--dist') ?? 'dist'), ...(BEFORE ? [await startSite(BEFORE)] : [])];
const sites: Record<string, string> = { now: servers[0]!.url.replace(/\/$/, '') };
if (BEFORE) sites.before = servers[1]!.url.replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  console.log(`Script per main-thread task while a page loads (to 2.5 s after load), Chromium ${browser.version()}, 412 × 823, no throttling; median of ${RUNS} loads${BEFORE ? `, interleaved with ${BEFORE}` : ''}`);
  console.log(`"long": tasks with over ${LONG_MS} ms of script (over 50 ms on Lighthouse's 4× slower phone)\n`);
  if (WHOSE) console.log(`"mostly": whose code ran most of each long task's script (median count per load), from a CPU profile\n`);
  console.log(`| page | build | long tasks | longest, ms | all script, ms | whole tasks over ${LONG_MS} ms | longest whole task, ms |${WHOSE ? ' mostly |' : ''}`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- |${WHOSE ? ' --- |' : ''}`);
  const ratios: string[] = [];
  for (const path of PAGES) {
    const got: Record<string, Load[]> = Object.fromEntries(Object.keys(sites).map((k) => [k, []]));
    for (let r = 0; r < RUNS; r++) for (const [label, origin] of Object.entries(sites)) got[label]!.push(await load(browser, origin + path));
    const med = (label: string) => ({ long: median(got[label]!.map((l) => l.long)), longest: median(got[label]!.map((l) => l.longest)), total: median(got[label]!.map((l) => l.total)), wholeLong: median(got[label]!.map((l) => l.wholeLong)), wholeLongest: median(got[label]!.map((l) => l.wholeLongest)) });
    for (const label of Object.keys(sites).reverse()) {
      const m = med(label);
      const range = (k: 'long' | 'longest' | 'total' | 'wholeLong' | 'wholeLongest') => `${Math.min(...got[label]!.map((l) => l[k])).toFixed(0)}–${Math.max(...got[label]!.map((l) => l[k])).toFixed(0)}`;
      const whose = OWNERS.map((o) => [o, median(got[label]!.map((l) => l.whose[o]!))] as const).filter(([, n]) => n > 0).map(([o, n]) => `${o} ${n}`).join(', ');
      console.log(`| ${path} | ${label} | ${m.long} (${range('long')}) | ${m.longest.toFixed(1)} (${range('longest')}) | ${m.total.toFixed(0)} (${range('total')}) | ${m.wholeLong} (${range('wholeLong')}) | ${m.wholeLongest.toFixed(1)} (${range('wholeLongest')}) |${WHOSE ? ` ${whose || '—'} |` : ''}`);
    }
    if (BEFORE) {
      const [n, b] = [med('now'), med('before')];
      ratios.push(`  ${path}: longest ${(n.longest / b.longest).toFixed(2)}×, all script ${(n.total / b.total).toFixed(2)}×, long tasks ${b.long} → ${n.long}; whole tasks over ${LONG_MS} ms ${b.wholeLong} → ${n.wholeLong}, longest ${(n.wholeLongest / b.wholeLongest).toFixed(2)}×`);
    }
  }
  if (ratios.length) console.log(`\nnow / before:\n${ratios.join('\n')}`);
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
