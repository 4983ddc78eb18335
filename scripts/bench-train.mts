/**
 * `npm run bench:train`: images/second of the book's training step vs tfjs-layers' model.fit (same model,
 * batch 64, same backend, same process), in Node on WebGPU (the `webgpu` package; SwiftShader without a GPU)
 * and in Chromium on WebGPU and WebGL (the same code bundled with esbuild into a page served on 127.0.0.1).
 * Then the training loop itself before/after (bench-train/loop.ts): the loss read after every step (`readEvery: 1`,
 * the lab and race before) vs the default time-based cadence, and on WebGPU the pipelines a second batch size
 * compiles. In Node, where PyTorch is installed (`python3 -c 'import torch'`), the same network and batch in
 * PyTorch on the same GPU (bench-train/torch-bench.py; CUDA where available) — else the row is skipped, said so.
 * Options: --reps N (default 5), --steps K (training steps per rep, default 2), --loop-steps L (steps per rep of the
 * loop comparison, default 12; 0 skips it), --only node|webgpu|webgl,
 * --fit 0 (skip model.fit: on a loaded software adapter it runs at ~0.5 img/s), --profile 0 (skip the per-kernel profile: on a loaded software adapter one profiled model.fit step takes minutes).
 */
import { relaunchWithVulkan, getNodeEngine } from '../src/lib/engine/node.ts';
relaunchWithVulkan();
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult, Profile } from './bench-train/run.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : dflt; };
const reps = Number(arg('reps', '5'));
const steps = Number(arg('steps', '2'));
const only = arg('only', 'all');
const profile = arg('profile', '1') !== '0';
const loopSteps = Number(arg('loop-steps', '12'));
const withFit = arg('fit', '1') !== '0';
const rows: { where: string; r: BenchResult; device: string }[] = [];
let torchRow: { device: string; imagesPerSecond: number[] } | string | null = null;

if (only === 'all' || only === 'node') {
  const engine = await getNodeEngine();
  const { runBench } = await import('./bench-train/run.ts');
  console.error(`Node: ${engine.backend} (${engine.adapter?.description ?? engine.fallbackReason})`);
  const r = await runBench(engine.tf, { reps, stepsPerRep: steps, profile, loopSteps, withFit, log: (s) => console.error(`  node ${s}`) });
  rows.push({ where: 'Node + Dawn', r, device: engine.adapter ? `${engine.adapter.vendor}/${engine.adapter.architecture}` : 'cpu' });
  torchRow = pytorch();
}

for (const backend of ['webgpu', 'webgl'] as const) {
  if (only !== 'all' && only !== backend) continue;
  const r = await inChromium(backend);
  if (r) rows.push(r);
}

const fmt = (p: { median: number; min: number; max: number }, d = 1) => `${p.median.toFixed(d)} (${p.min.toFixed(d)}–${p.max.toFixed(d)})`;
const spread = (xs: number[]) => { const s = [...xs].sort((p, q) => p - q); return { median: s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2, min: s[0]!, max: s.at(-1)! }; };
console.log(`\nTraining throughput, small CNN (${220522} weights), batch 64, ${reps} reps × ${steps} steps after warm-up; img/s median (min–max)\n`);
console.log('| where | backend | device | ours img/s | model.fit img/s | ours / fit (medians) | ours / fit per rep, median (min–max) |');
console.log('|---|---|---|---|---|---|---|');
for (const { where, r, device } of rows) {
  console.log(`| ${where} | ${r.backend} | ${device} | ${fmt(r.ours, 2)} | ${fmt(r.fit, 2)} | ${(r.ours.median / r.fit.median).toFixed(2)}× | ${fmt(spread(r.ratios), 2)}× |`);
}
if (typeof torchRow === 'string') console.log(`\nPyTorch: ${torchRow}`);
else if (torchRow) {
  const ours = rows.find((x) => x.where === 'Node + Dawn')!.r.ours.median;
  const t = spread(torchRow.imagesPerSecond);
  console.log(`\nPyTorch on ${torchRow.device}, same network and batch: ${fmt(t, 2)} img/s; ours (Node + Dawn) / PyTorch = ${(ours / t.median).toFixed(2)}×`);
}
const loops = rows.filter((x) => x.r.loop);
if (loops.length) {
  console.log(`\nTraining loop (src/lib/train/trainer.ts), batch 64, ${loopSteps} steps a rep, ${reps} interleaved reps: loss read every step (before) vs by time (after); img/s median (min–max)\n`);
  console.log('| where | backend | read every step | reads | by time | reads | after / before per rep | pipelines cached | new for batch 32 |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const { where, r } of loops) {
    const l = r.loop!;
    console.log(`| ${where} | ${r.backend} | ${fmt(spread(l.before), 2)} | ${l.reads.before} | ${fmt(spread(l.after), 2)} | ${l.reads.after} | ${fmt(spread(l.after.map((a, i) => a / l.before[i]!)), 2)}× | ${l.pipelines?.cached ?? '–'} | ${l.pipelines?.newForHalfBatch ?? '–'} |`);
  }
}
for (const { where, r } of rows) {
  if (!r.profile) continue;
  for (const [name, p] of [['ours', r.profile.ours], ['model.fit', r.profile.fit]] as [string, Profile][]) {
    console.log(`\nProfile, one step, ${where} ${r.backend}, ${name}: wall ${p.wallMs.toFixed(0)} ms, GPU ${p.gpuMs.toFixed(0)} ms in ${p.dispatches.toFixed(0)} dispatches`);
    for (const [k, ms, c] of p.top) console.log(`  ${k.padEnd(24)} ${ms.toFixed(1).padStart(8)} ms  ×${c.toFixed(0)}`);
  }
}
process.exit(0);

/** PyTorch's img/s on this machine's GPU (CPU where there is none), or why there is no row. */
function pytorch(): { device: string; imagesPerSecond: number[] } | string {
  const check = spawnSync('python3', ['-c', 'import torch'], { encoding: 'utf8' });
  if (check.status !== 0) return `not installed here (python3 -c 'import torch' failed) — row skipped`;
  console.error('PyTorch: running bench-train/torch-bench.py');
  const r = spawnSync('python3', [new URL('./bench-train/torch-bench.py', import.meta.url).pathname, String(reps), String(Math.max(steps, 10)), '64'], { encoding: 'utf8' });
  if (r.status !== 0) return `torch-bench.py failed: ${r.stderr.trim().split('\n').at(-1)}`;
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

async function inChromium(backend: 'webgpu' | 'webgl'): Promise<{ where: string; r: BenchResult; device: string } | null> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'fm-bench-'));
  await build({ entryPoints: [new URL('./bench-train/page.ts', import.meta.url).pathname], bundle: true, format: 'esm', outfile: join(dir, 'bench.js'), logLevel: 'error' });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><pre id="out"></pre><script type="module" src="bench.js"></script>');
  const server = createServer((req, res) => {
    const file = req.url!.startsWith('/bench.js') ? 'bench.js' : 'index.html';
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(readFileSync(join(dir, file)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const { chromium } = await import('@playwright/test');
  const args = ['--no-sandbox', '--disable-background-networking', '--no-first-run', ...(backend === 'webgpu' ? ['--enable-unsafe-webgpu'] : ['--disable-features=WebGPU'])];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error(`  chromium ${backend}: ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/?backend=${backend}&reps=${reps}&steps=${steps}&profile=${profile ? 1 : 0}&loop=${loopSteps}&fit=${withFit ? 1 : 0}`);
    let shown = 0;
    for (;;) {
      const state = await page.evaluate(() => ({ r: (window as any).benchResult, e: (window as any).benchError, log: document.getElementById('out')!.textContent! }));
      const lines = state.log.split('\n').filter(Boolean);
      for (const l of lines.slice(shown)) console.error(`  chromium ${backend} ${l}`);
      shown = lines.length;
      if (state.e) throw new Error(state.e);
      if (state.r) return { where: 'Chromium', r: state.r, device: state.r.adapter ? `${state.r.adapter.vendor}/${state.r.adapter.architecture}` : 'SwiftShader GL' };
      await new Promise((r) => setTimeout(r, 2000));
    }
  } catch (err) {
    console.error(`Chromium ${backend}: ${(err as Error).message}`);
    return null;
  } finally {
    await browser.close();
    server.close();
  }
}
