/**
 * `npm run bench:lab`: the fine-tuning lab's training time per epoch.
 * 1. Before/after of the loss read-back (scripts/bench-lab/cadence.ts), in Node on the engine's backend (WebGPU
 *    through Dawn: SwiftShader here, the GPU on a machine with one): the same seeded runs with the trainer reading
 *    the loss after every step (`readEvery: 1`, the lab before) and with its default time-based cadence, interleaved.
 * 2. The built site's embed page in Debian's Chromium on each backend, forced with ?backend=, the same seeded
 *    two-run set-up on each — run A the default strategy (digits 0–4 CNN, both conv blocks frozen: cached
 *    features, dense layers trained), run B from scratch (random initialisation, nothing frozen: every layer on
 *    every batch). Prints the lab's own timings (training time per epoch without evaluation, and the one-off
 *    feature pass) with the machine's load average.
 * Usage: npx astro build && node scripts/bench-lab.mts [--per-class 10] [--epochs 3] [--holdout 5] [--reps 3]
 *        [--only node|webgpu|webgl|cpu]   (--only node needs no build)
 */
import { relaunchWithVulkan, getNodeEngine } from '../src/lib/engine/node.ts';
relaunchWithVulkan();
import { spawn } from 'node:child_process';
import { loadavg, cpus } from 'node:os';
import type { CadenceRow } from './bench-lab/cadence.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : dflt; };
const perClass = arg('per-class', '10');
const epochs = arg('epochs', '3');
const holdout = arg('holdout', '5');
const only = arg('only', 'all');
const reps = Number(arg('reps', '3'));
const PORT = 4391;
const query = `per-class=${perClass}&holdout=${holdout}&epochs=${epochs}&seed=1&compare=source%3Drandom+freeze%3Dnone`;

interface Run { run: string; path: string; msPerEpoch: number; featureMs: number; totalMs: number; accuracy: number; steps: number }

const start = performance.now();
let cadence: { device: string; rows: CadenceRow[] } | null = null;
if (only === 'all' || only === 'node') {
  const engine = await getNodeEngine();
  const { cadenceBench } = await import('./bench-lab/cadence.ts');
  const device = engine.adapter ? `${engine.adapter.vendor} ${engine.adapter.architecture}`.trim() : engine.backend;
  console.error(`Node: ${engine.backend} (${device})`);
  cadence = { device: `${engine.backend}, ${device}`, rows: await cadenceBench(engine.tf, { reps, epochs: Number(epochs), perClass: Number(perClass), holdout: Number(holdout), log: (l) => console.error(`  node ${l}`) }) };
}

const rows: { backend: string; device: string; runs: Run[]; load: string }[] = [];
const browserBackends = ['webgpu', 'webgl', 'cpu'].filter((b) => only === 'all' || only === b);
const server = browserBackends.length ? spawn(process.execPath, ['scripts/serve.mts', 'dist', String(PORT)], { stdio: 'ignore' }) : null;
if (server) await new Promise((r) => setTimeout(r, 1500));
try {
  const browser = browserBackends.length ? await (await import('@playwright/test')).chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--enable-unsafe-webgpu'] }) : null;
  for (const backend of browserBackends) {
    const page = await browser!.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error(`  ${backend}: ${m.text()}`));
    await page.goto(`http://127.0.0.1:${PORT}/embed/finetune-lab/?backend=${backend}&${query}`);
    const out = await page.locator('fm-finetune-lab').evaluate(async (e) => {
      const lab = e as HTMLElement & { ready: Promise<void>; train(): Promise<Run[]> };
      await customElements.whenDefined('fm-finetune-lab');
      await lab.ready;
      const engine = await window.FeatureMaps!.getEngine();
      return { backend: engine.backend, device: engine.adapter ? `${engine.adapter.vendor} ${engine.adapter.architecture}`.trim() : engine.backend, runs: await lab.train() };
    });
    if (out.backend !== backend) throw new Error(`asked for ${backend}, got ${out.backend}`);
    rows.push({ ...out, load: loadavg().map((x) => x.toFixed(1)).join(' ') });
    console.error(`${backend}: done (${((performance.now() - start) / 1000).toFixed(0)} s so far)`);
    await page.close();
  }
  await browser?.close();
} finally {
  server?.kill();
}

const f = (p: { median: number; min: number; max: number }, d: number, k = 1) => `${(p.median / k).toFixed(d)} (${(p.min / k).toFixed(d)}–${(p.max / k).toFixed(d)})`;
if (cadence) {
  console.log(`\nLoss read-back before/after, Node on ${cadence.device}: digits 0–4 → 5–9, ${perClass} per class, ${epochs} epochs, seed 1, ${reps} interleaved reps; s per epoch, median (min–max)\n`);
  console.log('| run | path | steps | read every step (before) | by time (after) | before / after per rep | same losses |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of cadence.rows) console.log(`| ${r.run} | ${r.path} | ${r.steps} | ${f(r.before, 3, 1000)} | ${f(r.after, 3, 1000)} | ${f(r.ratios, 2)}× | ${r.sameLosses ? 'yes' : 'NO'} |`);
}
if (!rows.length) {
  console.log(`\nWall time ${((performance.now() - start) / 1000).toFixed(0)} s.`);
  process.exit(0);
}

console.log(`\nFine-tuning lab, digits 0–4 → 5–9, ${perClass} examples per class, ${holdout} test images per class, ${epochs} epochs, seed 1;`);
console.log(`Chromium (Debian), ${cpus().length} cores; load average (1, 5, 15 min) after each backend. Training time per epoch excludes evaluation.\n`);
console.log('| backend | device | run | path | s per epoch | feature pass s | whole run s | test acc | load |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  for (const x of r.runs) {
    console.log(`| ${r.backend} | ${r.device} | ${x.run} | ${x.path} | ${(x.msPerEpoch / 1000).toFixed(2)} | ${x.path === 'features' ? (x.featureMs / 1000).toFixed(1) : '–'} | ${(x.totalMs / 1000).toFixed(1)} | ${(100 * x.accuracy).toFixed(0)}% | ${r.load} |`);
  }
}
console.log(`\nWall time ${((performance.now() - start) / 1000).toFixed(0)} s.`);
process.exit(0);
