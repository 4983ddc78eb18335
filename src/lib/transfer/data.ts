/**
 * Loads a target task's labelled examples and held-out images from the packed digits (src/lib/data), keeping
 * each downloaded slice for the lab's later runs. The pool for the seeded pick is the first 100 images of each
 * class when at most 100 per class are asked for (≈ 1 MB to fetch), else the whole train split (6 MB).
 */
import { loadSlice, type DataSlice, type FetchLike, type Progress } from '../data/index.ts';
import { TARGET_TASKS, ofClasses, pickPerClass, subset, type TaskData } from './targets.ts';
import type { TargetId } from './config.ts';

export const SMALL_POOL = 100;

export interface TaskRequest { target: Exclude<TargetId, 'custom'>; perClass: number; holdout: number; seed: number }

export class TaskLoader {
  private slices = new Map<string, Promise<DataSlice>>();
  private base: string;
  private fetchFn: FetchLike | undefined;

  constructor(base: string, fetchFn?: FetchLike) {
    this.base = base;
    this.fetchFn = fetchFn;
  }

  async load(req: TaskRequest, onProgress?: (p: Progress) => void): Promise<TaskData> {
    const task = TARGET_TASKS[req.target];
    const pool = req.perClass <= SMALL_POOL ? SMALL_POOL : undefined;
    const [train, test] = await Promise.all([
      this.slice('train', pool, onProgress),
      this.slice('test', req.holdout, onProgress),
    ]);
    return {
      classNames: task.classNames,
      train: subset(train.images, train.labels, pickPerClass(train.labels, task.classes, req.perClass, req.seed), task.classes),
      test: subset(test.images, test.labels, ofClasses(test.labels, task.classes), task.classes),
    };
  }

  private slice(split: string, perClass: number | undefined, onProgress?: (p: Progress) => void): Promise<DataSlice> {
    const key = `${split}/${perClass ?? 'all'}`;
    let p = this.slices.get(key);
    if (!p) {
      p = loadSlice({ base: this.base, dataset: 'digits', split, perClass, fetch: this.fetchFn, onProgress });
      this.slices.set(key, p);
      p.catch(() => this.slices.delete(key)); // a failed download is retried by the next run
    }
    return p;
  }
}
