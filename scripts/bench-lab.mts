/**
 * Time per epoch of the fine-tuning lab on each backend, measured in one run: the built site's embed page in
 * Debian's Chromium, the backend forced with ?backend=, the same seeded two-run set-up on each — run A the
 * default strategy (digits 0–4 CNN, both conv blocks frozen: cached features, dense layers trained), run B from
 * scratch (random initialisation, nothing frozen: every layer on every batch). Prints the lab's own timings
 * (training time per epoch without evaluation, and the one-off feature pass) with the machine's load average.
 * Usage: npx astro build && node scripts/bench-lab.mts [--per-class 10] [--epochs 3] [--holdout 5] [--only webgpu]
 */
import { spawn } from 'node:child_process';
import { loadavg, cpus } from 'node:os';
import { chromium } from '@playwright/test';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : dflt; };
const perClass = arg('per-class', '10');
const epochs = arg('epochs', '3');
const holdout = arg('holdout', '5');
const only = arg('only', 'all');
const PORT = 4391;
const query = `per-class=${perClass}&holdout=${holdout}&epochs=${epochs}&seed=1&compare=source%3Drandom+freeze%3Dnone`;

interface Run { run: string; path: string; msPerEpoch: number; featureMs: number; totalMs: number; accuracy: number; steps: number }

const server = spawn(process.execPath, ['scripts/serve.mts', 'dist', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const rows: { backend: string; device: string; runs: Run[]; load: string }[] = [];
const start = performance.now();
try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--enable-unsafe-webgpu'] });
  for (const backend of ['webgpu', 'webgl', 'cpu']) {
    if (only !== 'all' && only !== backend) continue;
    const page = await browser.newPage();
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
  await browser.close();
} finally {
  server.kill();
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
