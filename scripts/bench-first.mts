/**
 * `npm run bench:first` — every widget's time to its first result (goal 2 of issue 14), on WebGPU and on WebGL.
 * For each embed page (/embed/v1/<slug>/, the widgets of src/lib/widget/registry.ts), in a fresh browser context:
 *  - total: navigation start → the widget's first `fm-result` mark (FmElement.emitResult); training widgets
 *    (loss-race, finetune-lab, doodle-classes) report their first result when they are ready to train — the
 *    training itself waits for the reader, so their figure is the first useful picture;
 *  - pic: navigation start → the first useful picture: an `fm-picture` mark where a widget streams (a partial
 *    result first), else the same as total;
 *  - start: the element's `fm-start` mark → first result (its own work, without page load);
 *  - programs: distinct GPU programs compiled before the first result (WebGPU: createShaderModule calls, with
 *    compute/render pipelines beside them; WebGL: linkProgram calls) — a count that carries over to real GPUs;
 *  - compile: ms spent inside those synchronous calls (WebGL's link waits show up in getProgramParameter);
 *  - fetch: the span of data and model requests (/data/, /models/) before the first result, from resource timing.
 * Several reps, medians with min–max. With `--before DIR` (a build of main), the same pages of that build are
 * measured interleaved with this one's, and ratios printed. Uses Debian's Chromium; WebGPU and WebGL are SwiftShader.
 * Usage: npm run bench:first [-- --reps 3 --warmup 1 --only domain-shift,feature-reuse --backends webgpu,webgl --before /tmp/dist-main --no-build]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { executablePath, quiet } from '../tests/e2e/chromium.ts';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const REPS = Number(opt('--reps') ?? 3) || 3;
const WARMUP = Number(opt('--warmup') ?? 1);
const BACKENDS = (opt('--backends') ?? 'webgpu,webgl').split(',');
const BEFORE = opt('--before');
const LIMIT_MS = 3000;
const TIMEOUT_MS = 90_000;
/** Widgets whose work after the first picture waits for the reader (training). */
const ON_ACTION = new Set(['loss-race', 'finetune-lab', 'doodle-classes']);

const registry = readFileSync(new URL('../src/lib/widget/registry.ts', import.meta.url), 'utf8');
const ALL = [...registry.matchAll(/slug: '([^']+)',\s*tag: '([^']+)'/g)].map((m) => ({ slug: m[1]!, tag: m[2]! }));
const only = opt('--only')?.split(',');
const WIDGETS = only ? ALL.filter((w) => only.includes(w.slug)) : ALL;
if (only && WIDGETS.length !== only.length) throw new Error(`--only: unknown widget among ${only.join(', ')}; known: ${ALL.map((w) => w.slug).join(', ')}`);

interface Sample { total: number; pic: number; start: number; programs: number; pipelines: number; compile: number; fetch: number; backend: string }

function serve(dir: string): Promise<{ base: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['scripts/serve.mts', dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (b: Buffer) => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(b));
      if (m) resolve({ base: m[1]!, proc });
    });
    proc.on('exit', (code) => reject(new Error(`server for ${dir} exited (${code})`)));
  });
}

/** Wrappers counting GPU program compiles, with the time spent inside each call (runs before any page script). */
function counters(): void {
  const w = window as unknown as { __fm: { shaders: number[]; pipelines: number[]; links: number[]; compileMs: number[] } };
  w.__fm = { shaders: [], pipelines: [], links: [], compileMs: [] };
  const wrap = (proto: object | undefined, name: string, list: number[] | null) => {
    if (!proto) return;
    const p = proto as Record<string, unknown>;
    const orig = p[name] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof orig !== 'function') return;
    p[name] = function (this: unknown, ...a: unknown[]) {
      const t0 = performance.now();
      list?.push(t0);
      const r = orig.apply(this, a);
      w.__fm.compileMs.push(t0, performance.now() - t0);
      return r;
    };
  };
  const gpu = (globalThis as { GPUDevice?: { prototype: object } }).GPUDevice?.prototype;
  wrap(gpu, 'createShaderModule', w.__fm.shaders);
  wrap(gpu, 'createComputePipeline', w.__fm.pipelines);
  wrap(gpu, 'createComputePipelineAsync', w.__fm.pipelines);
  wrap(gpu, 'createRenderPipeline', w.__fm.pipelines);
  for (const gl of [globalThis.WebGLRenderingContext?.prototype, globalThis.WebGL2RenderingContext?.prototype]) {
    wrap(gl, 'linkProgram', w.__fm.links);
    wrap(gl, 'compileShader', null);
    wrap(gl, 'getProgramParameter', null);
  }
}

async function measure(browser: Browser, base: string, slug: string, backend: string): Promise<Sample> {
  const context = await browser.newContext();
  await context.addInitScript(counters);
  const page = await context.newPage();
  try {
    await page.goto(`${base}/embed/v1/${slug}/?backend=${backend}`);
    await page.waitForFunction(() => performance.getEntriesByName('fm-result').length > 0, null, { timeout: TIMEOUT_MS, polling: 100 });
    return await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
      const result = at('fm-result')!, start = at('fm-start')!;
      const end = result.startTime;
      const fm = (window as unknown as { __fm: { shaders: number[]; pipelines: number[]; links: number[]; compileMs: number[] } }).__fm;
      const before = (xs: number[]) => xs.filter((t) => t <= end).length;
      let compile = 0;
      for (let i = 0; i < fm.compileMs.length; i += 2) if (fm.compileMs[i]! <= end) compile += fm.compileMs[i + 1]!;
      const assets = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => /\/(data|models)\//.test(new URL(r.name).pathname) && r.startTime <= end);
      const fetch = assets.length ? Math.max(...assets.map((r) => r.responseEnd)) - Math.min(...assets.map((r) => r.startTime)) : 0;
      const pic = at('fm-picture')?.startTime ?? end;
      const backend = (result.detail as { backend?: string } | null)?.backend ?? '?';
      return { total: end, pic: Math.min(pic, end), start: end - start.startTime, programs: before(fm.shaders) || before(fm.links), pipelines: before(fm.pipelines), compile, fetch, backend };
    });
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => (ms / 1000).toFixed(2);
const span = (xs: number[]) => `${s(median(xs))} (${s(Math.min(...xs))}–${s(Math.max(...xs))})`;

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    const r = spawnSync('npx', ['astro', 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const builds = [{ name: 'this', ...(await serve('dist')) }, ...(BEFORE ? [{ name: 'before', ...(await serve(BEFORE)) }] : [])];
  const browsers: Record<string, Browser> = {};
  const results = new Map<string, Sample[]>();
  try {
    for (const backend of BACKENDS) {
      // WebGL is forced by the query (the engine honours ?backend=); WebGPU needs the flag.
      browsers[backend] = await chromium.launch({ executablePath, args: [...quiet, ...(backend === 'webgpu' ? ['--enable-unsafe-webgpu'] : [])] });
    }
    for (const w of WIDGETS) {
      for (const backend of BACKENDS) {
        // Warm-up runs per widget and backend (default 1: the browser's HTTP and shader caches), then interleaved reps.
        for (let rep = -WARMUP; rep < REPS; rep++) {
          for (const b of builds) {
            const key = `${w.slug}|${backend}|${b.name}`;
            try {
              const r = await measure(browsers[backend]!, b.base, w.slug, backend);
              if (rep >= 0) results.set(key, [...(results.get(key) ?? []), r]);
            } catch (e) {
              console.error(`${key}: ${(e as Error).message.split('\n')[0]}`);
            }
          }
        }
        process.stderr.write(`${w.slug} ${backend} done\n`);
      }
    }
  } finally {
    for (const b of Object.values(browsers)) await b.close();
    for (const b of builds) b.proc.kill();
  }
  report(builds.map((b) => b.name), results);
}

function report(names: string[], results: Map<string, Sample[]>): void {
  console.log(`\nFirst result per widget (s; median (min–max) of ${REPS}; WebGPU and WebGL on SwiftShader; ${new Date().toISOString().slice(0, 10)})`);
  console.log('pic = first useful picture; start = fm-start → result; programs = distinct GPU programs compiled before the result (WebGPU: shader modules / pipelines; WebGL: linked programs); compile = ms in compile calls; fetch = data+model request span\n');
  const misses: string[] = [];
  console.log(['widget', 'backend', 'build', 'total', 'pic', 'start', 'programs', 'compile ms', 'fetch ms', 'ran on'].join(' | '));
  for (const w of WIDGETS) for (const backend of BACKENDS) for (const name of names) {
    const xs = results.get(`${w.slug}|${backend}|${name}`);
    if (!xs?.length) { console.log([w.slug, backend, name, 'no result'].join(' | ')); continue; }
    const m = (f: (x: Sample) => number) => median(xs.map(f));
    const note = ON_ACTION.has(w.slug) ? ' (ready to train; training waits for the reader)' : '';
    console.log([w.slug + note, backend, name, span(xs.map((x) => x.total)), s(m((x) => x.pic)), s(m((x) => x.start)),
      `${m((x) => x.programs)}${backend === 'webgpu' ? ` / ${m((x) => x.pipelines)}` : ''}`, m((x) => x.compile).toFixed(0), m((x) => x.fetch).toFixed(0), xs[0]!.backend].join(' | '));
    if (name === 'this' && m((x) => x.pic) > LIMIT_MS) misses.push(`${w.slug} (${backend}): picture ${s(m((x) => x.pic))} s, result ${s(m((x) => x.total))} s`);
  }
  if (names.length > 1) {
    console.log('\nRatios, before / this (median total; >1: faster now)');
    for (const w of WIDGETS) for (const backend of BACKENDS) {
      const a = results.get(`${w.slug}|${backend}|before`), b = results.get(`${w.slug}|${backend}|this`);
      if (a?.length && b?.length) console.log(`${w.slug} ${backend}: total ×${(median(a.map((x) => x.total)) / median(b.map((x) => x.total))).toFixed(2)}, picture ×${(median(a.map((x) => x.pic)) / median(b.map((x) => x.pic))).toFixed(2)}`);
    }
  }
  console.log(misses.length ? `\nOver ${LIMIT_MS / 1000} s to the first picture: ${misses.join('; ')}` : `\nEvery widget's first picture within ${LIMIT_MS / 1000} s.`);
}

await main();
