/**
 * The target tasks of `npm run experiments` and how their data and networks are loaded in Node: the shipped
 * digits splits (public/data, through the browser's own loader) and the shipped models (public/models).
 * A task whose source model is not there yet is reported as skipped, with the reason, instead of failing.
 */
import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { loadSlice } from '../../src/lib/data/index.ts';
import { loadModel } from '../../src/lib/train/model-io.ts';
import { dirReader } from '../../src/lib/train/node-files.ts';
import { cpuNetFromModel } from '../../src/lib/train/cpu/convert.ts';
import { gatherScaled, selectClasses } from '../../src/lib/experiments/picks.ts';
import type { Pool, TaskData } from '../../src/lib/experiments/grid.ts';
import { fileFetch } from '../data/file-fetch.mts';

export interface TaskSpec { id: string; title: string; source: string; sourceData: string; targetClasses: number[] }

export const TASKS: TaskSpec[] = [
  { id: 'digits04-to-digits59', title: 'Digits 0–4 → digits 5–9', source: 'digits04-cnn', sourceData: 'digits 0–4', targetClasses: [5, 6, 7, 8, 9] },
  { id: 'fashion-to-digits59', title: 'Fashion-MNIST → digits 5–9', source: 'fashion-cnn', sourceData: 'Fashion-MNIST (10 classes of clothing)', targetClasses: [5, 6, 7, 8, 9] },
];

/** How many target training images AdaBN reads (the first ones in packed order; their labels are not used). */
export const UNLABELLED = 1000;

export const modelDir = (name: string) => `public/models/${name}`;

/** Why a task cannot run here, or null when it can. */
export function missing(spec: TaskSpec): string | null {
  const dir = modelDir(spec.source);
  return existsSync(`${dir}/model.json`) ? null : `source model ${spec.source} is not in ${dir}/ yet (run \`npm run pretrain -- ${spec.source}\` or merge the branch that ships it), so this task was skipped`;
}

/** The key under which tasks share from-scratch runs. */
export const targetOf = (classes: number[]) => `digits ${classes.join(',')}`;

const digits = (split: string) => loadSlice({ base: 'data/', fetch: fileFetch('public'), dataset: 'digits', split });

/** The whole shipped digits test split of `classes`, relabelled 0…k−1 in that order, scaled. */
export async function digitsTest(classes: number[]): Promise<TaskData['test']> {
  const set = selectClasses(await digits('test'), classes);
  return { ...gatherScaled(set, Int32Array.from({ length: set.count }, (_, i) => i)), h: 28, w: 28 };
}

export async function loadTask(spec: TaskSpec): Promise<TaskData & { poolCount: number }> {
  const pool: Pool = selectClasses(await digits('train'), spec.targetClasses);
  const testPool = selectClasses(await digits('test'), spec.targetClasses);
  const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
  const test = { ...gatherScaled(testPool, all(testPool.count)), h: 28, w: 28 };
  const unlabelled = { ...gatherScaled(pool, all(Math.min(UNLABELLED, pool.count))), h: 28, w: 28 };
  const model = await loadModel(tf as never, dirReader(modelDir(spec.source)), modelDir(spec.source), [28, 28, 1]);
  const source = await cpuNetFromModel(model);
  model.dispose();
  return { id: spec.id, target: targetOf(spec.targetClasses), classes: spec.targetClasses.length, source, pool, test, unlabelled, poolCount: pool.count };
}
