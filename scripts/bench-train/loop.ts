/**
 * bench:train's before/after of the training loop itself (src/lib/train/trainer.ts), the same code in Node and in
 * the page: `before` reads the loss after every step (`readEvery: 1`, what the lab and the loss race did), `after`
 * uses the default time-based cadence (every step's loss still read, in one go a few times a second). Each path
 * trains its own copy of the small CNN (seed 1) on the same seeded images, `steps` steps a rep, interleaved rep by
 * rep. On WebGPU it also counts the pipelines a second batch size compiles (tfjs's pipeline cache, never evicted).
 */
import type { Tf } from '../../src/lib/engine/types.ts';
import { buildSmallCnn } from '../../src/lib/models/small-cnn.ts';
import { train } from '../../src/lib/train/trainer.ts';
import { lcg } from '../../src/lib/random/lcg.ts';

export interface LoopResult {
  steps: number; before: number[]; after: number[];
  /** Reads per rep of each path. */
  reads: { before: number; after: number };
  /** Pipelines in tfjs's cache after the timed runs, and how many a run at half the batch added (WebGPU only). */
  pipelines?: { cached: number; newForHalfBatch: number };
}

export async function loopBench(tf: Tf, o: { reps: number; steps: number; batch: number; log: (s: string) => void }): Promise<LoopResult> {
  const next = lcg(12);
  const n = o.batch * o.steps;
  const set = { images: Uint8Array.from({ length: n * 784 }, () => Math.floor(next() * 256)), labels: Uint8Array.from({ length: n }, (_, i) => i % 10), count: n };
  const models = { before: buildSmallCnn({ classes: 10, seed: 1 }), after: buildSmallCnn({ classes: 10, seed: 1 }) };
  const reads = { before: 0, after: 0 };
  const time = async (which: 'before' | 'after') => {
    const t0 = performance.now();
    const r = await train(tf, models[which], set, { epochs: 1, batchSize: o.batch, seed: 1, readEvery: which === 'before' ? 1 : undefined });
    reads[which] = r.losses.length;
    return (n / (performance.now() - t0)) * 1000;
  };
  try {
    o.log('loop warm-up');
    await time('before');
    await time('after');
    const before: number[] = [];
    const after: number[] = [];
    for (let r = 0; r < o.reps; r++) {
      before.push(await time('before'));
      after.push(await time('after'));
      o.log(`loop rep ${r + 1}/${o.reps}: read every step ${before.at(-1)!.toFixed(2)} img/s (${reads.before} reads), by time ${after.at(-1)!.toFixed(2)} img/s (${reads.after} reads)`);
    }
    const result: LoopResult = { steps: o.steps, before, after, reads };
    const cache = (tf.backend() as { pipelineCache?: object }).pipelineCache;
    if (cache) {
      const cached = Object.keys(cache).length;
      const half = { images: set.images.subarray(0, o.batch * 784), labels: set.labels.subarray(0, o.batch), count: o.batch };
      await train(tf, models.after, half, { epochs: 1, batchSize: o.batch / 2, seed: 1 });
      result.pipelines = { cached, newForHalfBatch: Object.keys(cache).length - cached };
    }
    return result;
  } finally {
    models.before.dispose();
    models.after.dispose();
  }
}
