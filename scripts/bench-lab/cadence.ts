/**
 * bench:lab's before/after of the loss read-back, in Node on the engine's backend (WebGPU through Dawn where it
 * loads): the same seeded lab runs with the Trainer reading the loss after every step (`readEvery: 1`, what the lab
 * did before) and with its default time-based cadence (every step's loss still read, a few reads a second),
 * interleaved rep by rep. Run A: the default strategy (frozen conv base: cached features, dense head trained);
 * run B: from scratch (nothing frozen: every layer on every batch). Also checks both give the same losses.
 */
import { readFileSync } from 'node:fs';
import type { Tf } from '../../src/lib/engine/types.ts';
import type { FetchLike } from '../../src/lib/data/index.ts';
import { loadModel } from '../../src/lib/train/model-io.ts';
import { dirReader } from '../../src/lib/train/node-files.ts';
import { TaskLoader } from '../../src/lib/transfer/data.ts';
import { RUN_DEFAULTS, type RunConfig } from '../../src/lib/transfer/config.ts';
import { LabRun, type RunResult } from '../../src/lib/transfer/run.ts';

export interface Spread { median: number; min: number; max: number }
export interface CadenceRow { run: string; path: string; steps: number; before: Spread; after: Spread; ratios: Spread; sameLosses: boolean }

export const spread = (xs: number[]): Spread => {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median: m, min: s[0]!, max: s.at(-1)! };
};

export async function cadenceBench(tf: Tf, o: { reps: number; epochs: number; perClass: number; holdout: number; log: (s: string) => void }): Promise<CadenceRow[]> {
  const fileFetch: FetchLike = async (url) => new Response(readFileSync(url));
  const data = await new TaskLoader('public/data/', fileFetch).load({ target: 'digits-5-9', perClass: o.perClass, holdout: o.holdout, seed: 1 });
  const source = await loadModel(tf, dirReader('public/models/digits04-cnn'), 'public/models/digits04-cnn', [28, 28, 1]);
  const setups: [string, RunConfig, boolean][] = [
    ['A (frozen base)', { ...RUN_DEFAULTS, perClass: o.perClass, epochs: o.epochs }, true],
    ['B (from scratch)', { ...RUN_DEFAULTS, perClass: o.perClass, epochs: o.epochs, source: 'random', freeze: 'none' }, false],
  ];
  const rows: CadenceRow[] = [];
  try {
    for (const [name, config, withSource] of setups) {
      const once = (readEvery?: number) => new LabRun(tf, { config, seed: 1, data, source: withSource ? source : null, readEvery }).run();
      const first: RunResult[] = [await once(1), await once()]; // warm-up: pipelines compiled, buffers pooled
      const same = JSON.stringify(first[0]!.losses) === JSON.stringify(first[1]!.losses);
      const before: number[] = [];
      const after: number[] = [];
      for (let r = 0; r < o.reps; r++) {
        before.push((await once(1)).msPerEpoch);
        after.push((await once()).msPerEpoch);
        o.log(`${name} rep ${r + 1}/${o.reps}: read every step ${before.at(-1)!.toFixed(0)} ms/epoch, by time ${after.at(-1)!.toFixed(0)} ms/epoch`);
      }
      rows.push({ run: name, path: first[1]!.path, steps: first[1]!.losses.length, before: spread(before), after: spread(after), ratios: spread(before.map((b, i) => b / after[i]!)), sameLosses: same });
    }
  } finally {
    source.dispose();
  }
  return rows;
}
