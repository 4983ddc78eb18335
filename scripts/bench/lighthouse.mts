/**
 * Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on pages of a built book, for
 * `npm run bench:page -- --lighthouse`. For each page: the performance score, TBT, LCP, CLS, FCP, the page's element
 * count and HTML size, and the long main-thread tasks (> 50 ms as Lighthouse simulates them, on a 4× slower CPU: its
 * long-tasks audit reports the simulated durations) that came from the book's own files — the page's HTML (parse,
 * style, layout) or a script of ours — each with the task Lighthouse observed behind it, found through Lantern's own
 * CPU nodes (its wall and main-thread time here, and the task group that took most of it).
 * Uses Debian's Chromium (CHROME_PATH or /usr/bin/chromium); nothing is downloaded.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { TraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';
import { MainThreadTasks } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';
import { median } from './median.mts';

export interface PageFigures {
  path: string;
  score: number;
  tbt: number;
  lcp: number;
  cls: number;
  fcp: number;
  elements: number;
  htmlKiB: number;
  /** Long tasks from our origin, as Lighthouse simulates them, each with the task it observed (see `observed`). */
  ours: Array<{ where: string; ms: number; seen?: Observed }>;
  /** Lighthouse's measure of this machine's CPU speed at the run (higher is faster): the simulation scales with it. */
  benchmarkIndex: number;
}

type Audit = { numericValue?: number; details?: { items?: Array<Record<string, unknown>> } };

/**
 * What Lighthouse saw of a task it simulates as long: the task in its trace, observed on this machine (wall and thread
 * time: the difference is time the main thread did not run, waiting on another process or for a core), whether it laid
 * out (Lighthouse's simulation multiplies a task that laid out by half its CPU slowdown, 2 on the mobile preset, any
 * other by the slowdown, 4: Lantern's Simulator.estimateCPUTimeRemaining), and the task group that took most of it.
 * `ambiguous`: more than one observed task of that page and duration fits.
 */
export interface Observed { wallMs: number; threadMs: number; layout: boolean; group: string; ambiguous: boolean }

interface TaskNode { event: object & { tdur?: number }; selfTime: number; group: { id: string }; children: TaskNode[]; attributableURLs: string[] }
interface CpuNode { event: object; duration: number; didPerformLayout(): boolean }
/** Each of Lantern's CPU nodes (the units its simulation times) with its simulated duration and the task of the trace behind it. */
interface Candidate { simulatedMs: number; node: CpuNode; task?: TaskNode }

/**
 * The CPU nodes of Lighthouse's trace as its simulation builds them (Lantern's own `getCPUNodes` over the trace's main
 * thread events), each with its simulated duration, joined by trace event to the task Lighthouse's audits see.
 */
function candidates(trace: unknown, slowdown: number): Candidate[] {
  try {
    const processed = TraceProcessor.processTrace(trace as never) as unknown as { mainThreadEvents: unknown[]; frames: unknown[]; timestamps: { traceEnd: number; timeOrigin: number } };
    const tasks = MainThreadTasks.getMainThreadTasks(processed.mainThreadEvents as never, processed.frames as never, processed.timestamps.traceEnd, processed.timestamps.timeOrigin) as unknown as TaskNode[];
    const byEvent = new Map<object, TaskNode>();
    const index = (t: TaskNode) => { byEvent.set(t.event, t); t.children.forEach(index); };
    tasks.forEach(index);
    const nodes = Lantern.Graph.PageDependencyGraph.getCPUNodes(processed.mainThreadEvents as never) as unknown as CpuNode[];
    return nodes.map((node) => ({
      simulatedMs: Math.round((node.duration / 1000) * (node.didPerformLayout() ? slowdown / 2 : slowdown)),
      node,
      task: byEvent.get(node.event),
    }));
  } catch (err) {
    console.error(`bench:page could not read Lighthouse's trace for its long tasks: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}

/** The observed task behind one of the audit's long tasks: a CPU node of that simulated duration whose task is that URL's. */
function observed(all: Candidate[], used: Set<Candidate>, simulatedMs: number, url: string): Observed | undefined {
  const fits = all.filter((c) => !used.has(c) && Math.abs(c.simulatedMs - simulatedMs) < 0.5 && c.task?.attributableURLs.includes(url));
  const c = fits[0];
  if (!c?.task) return undefined;
  used.add(c);
  const nodes = (t: TaskNode): TaskNode[] => [t, ...t.children.flatMap(nodes)];
  const byGroup = new Map<string, number>();
  for (const n of nodes(c.task)) byGroup.set(n.group.id, (byGroup.get(n.group.id) ?? 0) + n.selfTime);
  const [group] = [...byGroup].sort((a, b) => b[1] - a[1])[0]!;
  return {
    wallMs: c.node.duration / 1000,
    threadMs: (c.task.event.tdur ?? NaN) / 1000,
    layout: c.node.didPerformLayout(),
    group: GROUP_NAMES[group] ?? group,
    ambiguous: fits.length > 1,
  };
}

/** Lighthouse's task groups (core/lib/tracehouse/task-groups.js), as the table names them. */
const GROUP_NAMES: Record<string, string> = {
  scriptEvaluation: 'script',
  scriptParseCompile: 'compile',
  styleLayout: 'style & layout',
  paintCompositeRender: 'paint',
  parseHTML: 'parsing',
  garbageCollection: 'GC',
  other: 'other',
};

const short = (url: string, origin: string) =>
  url.startsWith(origin) ? url.slice(origin.length).replace(/^\/(widgets\/v1\/chunks|_astro)\//, '').replace(/-[A-Za-z0-9_]{8}\.js$|\.[A-Za-z0-9_-]{8}\.js$/, '.js') : url;

export async function lighthousePage(origin: string, path: string, port: number): Promise<PageFigures> {
  const result = await lighthouse(`${origin}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  const lhr = result.lhr;
  // A page that did not load (server down, error page) gives a report of NaNs; say why instead.
  if (lhr.runtimeError) console.error(`Lighthouse could not measure ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id: string) => (lhr.audits[id] ?? {}) as Audit;
  const html = (audit('network-requests').details?.items ?? []).find((r) => r.resourceType === 'Document');
  const total = (audit('dom-size-insight').details?.items ?? []).find((i) => /total elements/i.test(String(i.statistic ?? '')));
  const elements = Number((total?.value as { value?: number } | undefined)?.value ?? NaN);
  const slowdown = lhr.configSettings.throttling?.cpuSlowdownMultiplier ?? 4;
  const all = candidates(result.artifacts.Trace, slowdown);
  const used = new Set<Candidate>();
  const ours = (audit('long-tasks').details?.items ?? [])
    .filter((t) => String(t.url).startsWith(origin))
    .map((t) => ({ where: short(String(t.url), origin) || 'page', ms: Math.round(Number(t.duration)), seen: observed(all, used, Number(t.duration), String(t.url)) }));
  return {
    path,
    score: lhr.categories.performance?.score ?? NaN,
    tbt: audit('total-blocking-time').numericValue ?? NaN,
    lcp: audit('largest-contentful-paint').numericValue ?? NaN,
    cls: audit('cumulative-layout-shift').numericValue ?? NaN,
    fcp: audit('first-contentful-paint').numericValue ?? NaN,
    elements,
    htmlKiB: Number(html?.resourceSize ?? NaN) / 1024,
    ours,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
  };
}

/**
 * The median of `runs` (by score, then TBT): Lighthouse's own advice for a noisy machine, where one page's TBT moved
 * 250 → 735 ms between two runs of the same build on this 2-core machine.
 */
function medianRun(runs: PageFigures[]): PageFigures {
  const sorted = [...runs].sort((a, b) => (a.score - b.score) || (b.tbt - a.tbt));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Runs Lighthouse on every path of every site ({label: origin}), interleaved so load on the machine hits all alike; `runs` per page, the median kept. */
export async function lighthouseAll(sites: Record<string, string>, paths: string[], runs = 1): Promise<Record<string, PageFigures[]>> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const out: Record<string, PageFigures[]> = Object.fromEntries(Object.keys(sites).map((k) => [k, []]));
  try {
    for (const path of paths) {
      for (const [label, origin] of Object.entries(sites)) {
        const figures: PageFigures[] = [];
        for (let r = 0; r < runs; r++) figures.push(await lighthousePage(origin, path, chrome.port));
        out[label]!.push(medianRun(figures));
      }
    }
  } finally {
    chrome.kill();
  }
  return out;
}

export function lighthouseTable(rows: PageFigures[]): string {
  const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const lines = ['| page | score | TBT ms | LCP s | CLS | FCP s | elements | HTML KiB | our tasks > 50 ms (as simulated): where, ms (observed here: wall/thread ms, most of it) |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const tasks = r.ours.filter((t) => t.ms > 50).map((t) => `${t.where} ${t.ms}${t.seen ? ` (${t.seen.wallMs.toFixed(0)}/${t.seen.threadMs.toFixed(0)}, ${t.seen.group}${t.seen.ambiguous ? '?' : ''})` : ''}`).join(', ') || 'none';
    lines.push(`| ${r.path} | ${f(r.score, 2)} | ${f(r.tbt)} | ${f(r.lcp / 1000, 1)} | ${f(r.cls, 3)} | ${f(r.fcp / 1000, 1)} | ${f(r.elements)} | ${f(r.htmlKiB)} | ${tasks} |`);
  }
  // What the long tasks of ours were: by the group that took most of each (the page's own frames: style and layout,
  // parsing, painting; or script), and how much of each the main thread ran rather than waited.
  const long = rows.flatMap((r) => r.ours.filter((t) => t.ms > 50));
  if (long.length) {
    const seen = long.flatMap((t) => (t.seen ? [t.seen] : []));
    const byGroup = new Map<string, number>();
    for (const o of seen) byGroup.set(o.group, (byGroup.get(o.group) ?? 0) + 1);
    const pages = rows.filter((r) => r.ours.some((t) => t.ms > 50)).length;
    const med = (xs: number[]) => median(xs.filter(Number.isFinite));
    const found = seen.length
      ? ` Found in Lighthouse's trace: ${seen.length}${seen.some((o) => o.ambiguous) ? ` (${seen.filter((o) => o.ambiguous).length} of them, marked ?, where more than one task fits)` : ''}; most of each was ${[...byGroup].sort((a, b) => b[1] - a[1]).map(([g, n]) => `${g} in ${n}`).join(', ')}; ${seen.filter((o) => o.layout).length} laid out (simulated at half the CPU slowdown, the rest at the slowdown). Observed here, median: ${med(seen.map((o) => o.wallMs)).toFixed(1)} ms wall, ${med(seen.map((o) => o.threadMs)).toFixed(1)} ms of it run by the main thread.`
      : ' None was found in Lighthouse\'s trace.';
    lines.push('', `Our tasks over 50 ms: ${long.length} on ${pages} pages.${found}`);
  }
  const bi = rows.map((r) => r.benchmarkIndex).filter(Number.isFinite).sort((a, b) => a - b);
  if (bi.length) lines.push('', `Lighthouse's CPU benchmark index on this machine over these runs: ${f(bi[0]!)}–${f(bi[bi.length - 1]!)} (median ${f(bi[Math.floor(bi.length / 2)]!)}); the simulated task times scale inversely with it.`);
  return lines.join('\n');
}
