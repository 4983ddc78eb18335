/**
 * Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on pages of a built book, for
 * `npm run bench:page -- --lighthouse`. For each page: the performance score, TBT, LCP, CLS, FCP, the page's element
 * count and HTML size, and the long main-thread tasks (> 50 ms as Lighthouse simulates them, on a 4× slower CPU: its
 * long-tasks audit reports the simulated durations) that came from the book's own files — the page's HTML (parse,
 * style, layout) or a script of ours.
 * Uses Debian's Chromium (CHROME_PATH or /usr/bin/chromium); nothing is downloaded.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface PageFigures {
  path: string;
  score: number;
  tbt: number;
  lcp: number;
  cls: number;
  fcp: number;
  elements: number;
  htmlKiB: number;
  /** Long tasks from our origin: [where, ms]. */
  ours: Array<[string, number]>;
  /** Lighthouse's measure of this machine's CPU speed at the run (higher is faster): the simulation scales with it. */
  benchmarkIndex: number;
}

type Audit = { numericValue?: number; details?: { items?: Array<Record<string, unknown>> } };

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
  const ours = (audit('long-tasks').details?.items ?? [])
    .filter((t) => String(t.url).startsWith(origin))
    .map((t): [string, number] => [short(String(t.url), origin) || 'page', Math.round(Number(t.duration))]);
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
  const lines = ['| page | score | TBT ms | LCP s | CLS | FCP s | elements | HTML KiB | our tasks > 50 ms (simulated, 4× CPU) |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const tasks = r.ours.filter(([, ms]) => ms > 50).map(([w, ms]) => `${w} ${ms}`).join(', ') || 'none';
    lines.push(`| ${r.path} | ${f(r.score, 2)} | ${f(r.tbt)} | ${f(r.lcp / 1000, 1)} | ${f(r.cls, 3)} | ${f(r.fcp / 1000, 1)} | ${f(r.elements)} | ${f(r.htmlKiB)} | ${tasks} |`);
  }
  const bi = rows.map((r) => r.benchmarkIndex).filter(Number.isFinite).sort((a, b) => a - b);
  if (bi.length) lines.push('', `Lighthouse's CPU benchmark index on this machine over these runs: ${f(bi[0]!)}–${f(bi[bi.length - 1]!)} (median ${f(bi[Math.floor(bi.length / 2)]!)}); the simulated task times scale inversely with it.`);
  return lines.join('\n');
}
