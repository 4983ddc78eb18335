/**
 * `node scripts/bench-train/profile.mts [--steps K] [--fit]`: one training step of our loop (or model.fit) on the
 * bench's model and batch in Node on WebGPU, every kernel with its GPU time (timestamp queries) and shapes,
 * summed by kernel name and by kernel+shapes. Where GPU time ≈ wall time (SwiftShader) this is where time goes.
 */
import { relaunchWithVulkan, getNodeEngine } from '../../src/lib/engine/node.ts';
relaunchWithVulkan();
import { benchPaths } from './run.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : dflt; };
const steps = Number(arg('steps', '1'));
const fitPath = process.argv.includes('--fit');
const BATCH = Number(arg('batch', '64'));
const { tf, backend } = await getNodeEngine();
console.error(`backend ${backend}`);
const { n, ours, fit } = benchPaths(tf, BATCH, steps);
const run = fitPath ? fit : ours;
let t0 = performance.now();
await run();
console.error(`warm-up ${(performance.now() - t0).toFixed(0)} ms`);
t0 = performance.now();
await run();
console.error(`plain run ${(performance.now() - t0).toFixed(0)} ms (${((n / (performance.now() - t0)) * 1000).toFixed(1)} img/s)`);
t0 = performance.now();
const info = await tf.profile(run);
const wall = performance.now() - t0;
const byName = new Map<string, [number, number]>();
const byShape = new Map<string, [number, number]>();
let total = 0;
for (const k of info.kernels) {
  const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
  total += ms;
  const shapes = `${k.inputShapes.map((s) => `[${s}]`).join(',')}→${k.outputShapes.map((s) => `[${s}]`).join(',')}`;
  for (const [map, key] of [[byName, k.name], [byShape, `${k.name} ${shapes}`]] as const) {
    const e = map.get(key) ?? [0, 0];
    map.set(key, [e[0] + ms / steps, e[1] + 1 / steps]);
  }
}
console.log(`${fitPath ? 'model.fit' : 'ours'}: profiled wall ${(wall / steps).toFixed(0)} ms/step, GPU ${(total / steps).toFixed(0)} ms/step, ${(info.kernels.length / steps).toFixed(0)} kernels/step`);
const show = (m: Map<string, [number, number]>, top: number) => [...m].sort((p, q) => q[1][0] - p[1][0]).slice(0, top)
  .forEach(([k, [ms, c]]) => console.log(`  ${ms.toFixed(1).padStart(8)} ms ${((100 * ms * steps) / total).toFixed(1).padStart(5)}%  ×${c.toFixed(0).padEnd(3)} ${k}`));
console.log('by kernel:'); show(byName, 15);
console.log('by kernel and shapes:'); show(byShape, 25);
process.exit(0);
