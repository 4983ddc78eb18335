/**
 * The training benchmark itself, the same code in Node and in the page: images/second of our loop's step vs
 * tfjs-layers' `model.fit` on the same model, batch size and backend, interleaved rep by rep (the machines are
 * noisy), medians of `reps` timed reps after one warm-up; plus a `tf.profile` split of one step of each.
 */
import type { Tf } from '../../src/lib/engine/types.ts';
import { buildSmallCnn } from '../../src/lib/models/small-cnn.ts';
import { gatherBatch, permutation, upload } from '../../src/lib/train/batches.ts';
import { installFastConvGrad, uninstallFastConvGrad } from '../../src/lib/train/fast-conv-grad.ts';
import { lossAndGrads, trainableVariables } from '../../src/lib/train/forward.ts';
import { FusedAdam } from '../../src/lib/train/fused-adam.ts';
import { lcg } from '../../src/lib/random/lcg.ts';
import { loopBench, type LoopResult } from './loop.ts';

export interface PathResult { median: number; min: number; max: number; imagesPerSecond: number[] }
export interface Profile { wallMs: number; gpuMs: number; dispatches: number; top: [string, number, number][] }
export interface BenchResult {
  backend: string; batch: number; stepsPerRep: number; ours: PathResult; fit: PathResult;
  /** ours / fit of each rep (the two paths of one rep ran back to back, under about the same load). */
  ratios: number[];
  profile?: { ours: Profile; fit: Profile };
  /** The training loop, loss read every step vs by time (loop.ts). */
  loop?: LoopResult;
}

const BATCH = 64;

/**
 * The bench's two training paths on one random set of `batch × steps` images (seeded), each with its own copy of the
 * small CNN (seed 1): `ours` runs `steps` steps of our loop, `fit` one epoch of tfjs-layers' `model.fit`; `dispose` frees all of it.
 */
export function benchPaths(tf: Tf, batch: number, steps: number): { n: number; ours: () => Promise<void>; fit: () => Promise<void>; dispose: () => void } {
  const k = steps, BATCH = batch;
  const next = lcg(11);
  const n = BATCH * k;
  const set = { images: Uint8Array.from({ length: n * 784 }, () => Math.floor(next() * 256)), labels: Uint8Array.from({ length: n }, (_, i) => i % 10), count: n };
  const oursModel = buildSmallCnn({ classes: 10, seed: 1 });
  const fitModel = buildSmallCnn({ classes: 10, seed: 1 });
  fitModel.compile({ optimizer: tf.train.adam(0.001) as never, loss: 'sparseCategoricalCrossentropy' });
  const data = upload(tf, set);
  const yFloat = tf.cast(data.y, 'float32');
  const order = tf.tensor1d(permutation(n, 1), 'int32');
  const vars = trainableVariables(oursModel);
  const adam = new FusedAdam(tf, vars);

  const ours = async () => {
    installFastConvGrad(tf);
    let loss = null as import('@tensorflow/tfjs-core').Tensor | null;
    for (let s = 0; s < k; s++) {
      loss?.dispose();
      loss = tf.tidy(() => {
        const { xb, yb } = gatherBatch(tf, data, order, s, BATCH);
        const r = lossAndGrads(tf, oursModel, xb, yb, vars);
        adam.applyGradients(r.grads);
        return r.loss;
      });
    }
    await loss!.data();
    loss!.dispose();
  };
  const fit = async () => {
    uninstallFastConvGrad(tf);
    await fitModel.fit(data.x, yFloat, { batchSize: BATCH, epochs: 1, shuffle: false, verbose: 0 });
  };
  const dispose = () => {
    tf.dispose([data.x, data.y, yFloat, order]);
    adam.dispose();
    oursModel.dispose();
    fitModel.dispose();
    installFastConvGrad(tf);
  };
  return { n, ours, fit, dispose };
}

export async function runBench(tf: Tf, options: { reps: number; stepsPerRep: number; profile: boolean; loopSteps?: number; withFit?: boolean; log?: (s: string) => void }): Promise<BenchResult> {
  const { reps, stepsPerRep: k } = options;
  const log = options.log ?? (() => {});
  const { n, ours, fit, dispose } = benchPaths(tf, BATCH, k);
  const time = async (f: () => Promise<void>) => {
    const t0 = performance.now();
    await f();
    return (n / (performance.now() - t0)) * 1000;
  };
  log('warm-up');
  const withFit = options.withFit ?? true;
  await time(ours);
  if (withFit) await time(fit);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < reps; r++) {
    a.push(await time(ours));
    b.push(withFit ? await time(fit) : NaN);
    log(`rep ${r + 1}/${reps}: ours ${a.at(-1)!.toFixed(2)} img/s, fit ${b.at(-1)!.toFixed(2)} img/s, ratio ${(a.at(-1)! / b.at(-1)!).toFixed(2)}`);
  }
  const result: BenchResult = { backend: tf.getBackend(), batch: BATCH, stepsPerRep: k, ours: summary(a), fit: summary(b), ratios: a.map((x, i) => x / b[i]!) };
  if (options.profile && withFit && tf.getBackend() === 'webgpu') result.profile = { ours: await profile(tf, ours, k), fit: await profile(tf, fit, k) };
  dispose();
  if (options.loopSteps) result.loop = await loopBench(tf, { reps, steps: options.loopSteps, batch: BATCH, log });
  return result;
}

function summary(xs: number[]): PathResult {
  const s = [...xs].sort((p, q) => p - q);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s.at(-1)!, imagesPerSecond: xs };
}

/** GPU ms per kernel name (timestamp queries) vs wall time, per step. */
async function profile(tf: Tf, f: () => Promise<void>, steps: number): Promise<Profile> {
  const t0 = performance.now();
  const info = await tf.profile(f);
  const wallMs = (performance.now() - t0) / steps;
  const by = new Map<string, [number, number]>();
  for (const kernel of info.kernels) {
    const ms = typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0;
    const e = by.get(kernel.name) ?? [0, 0];
    by.set(kernel.name, [e[0] + ms / steps, e[1] + 1 / steps]);
  }
  const top = [...by].sort((p, q) => q[1][0] - p[1][0]).map(([name, [ms, c]]) => [name, ms, c] as [string, number, number]);
  return { wallMs, gpuMs: top.reduce((s, t) => s + t[1], 0), dispatches: info.kernels.length / steps, top: top.slice(0, 8) };
}
