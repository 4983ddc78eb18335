/**
 * Loads a target task's images from the packed digits (src/lib/data), keeping each downloaded slice for the lab's
 * later runs: the labelled examples and the validation images from a pool of the train split — the first 100
 * images of each class when the picks and the validation set fit in it (≈ 1 MB to fetch), else the whole train
 * split (6 MB) — and the test images from the test split.
 */
import { loadSlice, type DataSlice, type FetchLike, type Progress } from '../data/index.ts';
import { TARGET_TASKS, ofClasses, pickPerClass, pickValidation, subset, type TaskData } from './targets.ts';
import type { TargetId } from './config.ts';

export const SMALL_POOL = 100;
/**
 * Validation images per class for the digits targets: drawn from the training pool, never among the labelled
 * picks, measured after every epoch (the curves). The test images (`holdout` per class) are measured once.
 */
export const VALIDATION_PER_CLASS = 20;

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
    const pool = req.perClass + VALIDATION_PER_CLASS <= SMALL_POOL ? SMALL_POOL : undefined;
    const [train, test] = await Promise.all([
      this.slice('train', pool, onProgress),
      this.slice('test', req.holdout, onProgress),
    ]);
    // Both slices are prefixes of their split's packed order: an index in a slice is a position in the split.
    const picks = pickPerClass(train.labels, task.classes, req.perClass, req.seed);
    const validation = pickValidation(train.labels, task.classes, req.perClass, VALIDATION_PER_CLASS, req.seed);
    const tests = ofClasses(test.labels, task.classes);
    return {
      classNames: task.classNames,
      train: subset(train.images, train.labels, picks, task.classes),
      validation: subset(train.images, train.labels, validation, task.classes),
      test: subset(test.images, test.labels, tests, task.classes),
      sources: { train: Array.from(picks), validation: Array.from(validation), test: Array.from(tests) },
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
