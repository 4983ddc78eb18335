/** Bundles probe.ts into dist/__train-probe__/ (run from a spec's beforeAll, after `astro build`). */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

export const PROBE_PATH = '/__train-probe__/';

export async function buildProbe(): Promise<void> {
  mkdirSync('dist/__train-probe__', { recursive: true });
  await build({ entryPoints: ['tests/e2e/train-probe/probe.ts'], bundle: true, format: 'esm', outfile: 'dist/__train-probe__/probe.js', logLevel: 'error' });
  writeFileSync('dist/__train-probe__/index.html', '<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>training probe</title><script type="module" src="probe.js"></script></html>');
}
