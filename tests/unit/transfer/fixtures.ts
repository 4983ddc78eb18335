/** Shared by the lab's tests: the shipped digits 0–4 model and a small digits 5–9 task from the committed files. */
import { readFileSync } from 'node:fs';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { FetchLike } from '../../../src/lib/data/index.ts';
import { loadModel } from '../../../src/lib/train/model-io.ts';
import { dirReader } from '../../../src/lib/train/node-files.ts';
import { TaskLoader } from '../../../src/lib/transfer/data.ts';
import type { TaskData } from '../../../src/lib/transfer/targets.ts';
import type { Tf } from '../../../src/lib/engine/types.ts';

const fileFetch: FetchLike = async (url) => new Response(readFileSync(url));
export const loader = new TaskLoader('public/data/', fileFetch);

export function digits04(tf: Tf): Promise<LayersModel> {
  return loadModel(tf, dirReader('public/models/digits04-cnn'), 'public/models/digits04-cnn', [28, 28, 1]);
}

export function task(perClass: number, holdout: number, seed = 1): Promise<TaskData> {
  return loader.load({ target: 'digits-5-9', perClass, holdout, seed });
}
