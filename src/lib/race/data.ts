/**
 * The race's images, each set from where it may honestly come:
 * - training: the first N per class of Fashion-MNIST's shipped training split (a prefix, N ≤ 160);
 * - validation: a seeded, stratified draw of VALIDATION_PER_CLASS per class from that split's reserve (ranks
 *   160–199 of each class, never trained on) — for the per-epoch curves;
 * - test: the first TEST_PER_CLASS per class of the shipped test split — measured once, after the last epoch.
 * All three go through the checked loader of src/lib/data, in the browser and in Node (pass `fetch`). Each set's
 * packed positions in its split come along, so tests can check that the sets are disjoint.
 */
import { loadManifest, loadSlice, positionsOfRanks, type FetchLike, type Progress } from '../data/index.ts';
import { pickPerClass, subset } from '../transfer/picks.ts';
import type { RaceData } from './loss-race.ts';
import { DATASET, SHIPPED_TRAIN_PER_CLASS, TEST_PER_CLASS, TRAIN_MAX_PER_CLASS, VALIDATION_PER_CLASS, VALIDATION_SEED } from './config.ts';

export interface RaceDataOptions {
  base: string;
  perClass: number;
  fetch?: FetchLike;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** Where each set's images sit: packed positions in fashion/train (training, validation) and fashion/test (test). */
export interface RaceSources { train: number[]; validation: number[]; test: number[] }

export async function loadRaceData(o: RaceDataOptions): Promise<RaceData & { classNames: string[]; sources: RaceSources }> {
  if (o.perClass > TRAIN_MAX_PER_CLASS) throw new RangeError(`at most ${TRAIN_MAX_PER_CLASS} training images per class: the rest of the split is the validation reserve`);
  const manifest = await loadManifest(o.base, o.fetch, o.signal);
  // Three files load at once; report their bytes together.
  const seen = [0, 1, 2].map(() => ({ loaded: 0, total: 0 }));
  const track = (i: number) => (p: Progress) => {
    seen[i] = p;
    o.onProgress?.(seen.reduce((a, b) => ({ loaded: a.loaded + b.loaded, total: a.total + b.total }), { loaded: 0, total: 0 }));
  };
  const common = { base: o.base, dataset: DATASET, manifest, fetch: o.fetch, signal: o.signal };
  const [train, reserve, test] = await Promise.all([
    loadSlice({ ...common, split: 'train', perClass: o.perClass, onProgress: track(0) }),
    loadSlice({ ...common, split: 'train', skipPerClass: TRAIN_MAX_PER_CLASS, perClass: SHIPPED_TRAIN_PER_CLASS, onProgress: track(1) }),
    loadSlice({ ...common, split: 'test', perClass: TEST_PER_CLASS, onProgress: track(2) }),
  ]);
  const classes = train.classNames.map((_, c) => c);
  const picked = pickPerClass(reserve.labels, classes, VALIDATION_PER_CLASS, VALIDATION_SEED);
  const counts = (split: string) => manifest.datasets[DATASET]!.splits[split]!.classCounts;
  const reservePositions = positionsOfRanks(counts('train'), TRAIN_MAX_PER_CLASS, SHIPPED_TRAIN_PER_CLASS);
  return {
    train,
    validation: subset(reserve, picked),
    test,
    classNames: train.classNames,
    sources: {
      train: positionsOfRanks(counts('train'), 0, o.perClass),
      validation: picked.map((k) => reservePositions[k]!),
      test: positionsOfRanks(counts('test'), 0, TEST_PER_CLASS),
    },
  };
}
