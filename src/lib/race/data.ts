/**
 * The race's images: the first N per class of Fashion-MNIST's shipped training split, and the fixed
 * validation slice (the first VALIDATION_PER_CLASS per class of the shipped test split). Both go through the
 * checked loader of src/lib/data, in the browser and in Node (pass `fetch`).
 */
import { loadManifest, loadSlice, type FetchLike, type Progress } from '../data/index.ts';
import type { RaceData } from './loss-race.ts';
import { DATASET, VALIDATION_PER_CLASS } from './config.ts';

export interface RaceDataOptions {
  base: string;
  perClass: number;
  fetch?: FetchLike;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export async function loadRaceData(o: RaceDataOptions): Promise<RaceData & { classNames: string[] }> {
  const manifest = await loadManifest(o.base, o.fetch, o.signal);
  // Two files load at once; report their bytes together.
  const seen = [{ loaded: 0, total: 0 }, { loaded: 0, total: 0 }];
  const track = (i: number) => (p: Progress) => {
    seen[i] = p;
    o.onProgress?.({ loaded: seen[0]!.loaded + seen[1]!.loaded, total: seen[0]!.total + seen[1]!.total });
  };
  const common = { base: o.base, dataset: DATASET, manifest, fetch: o.fetch, signal: o.signal };
  const [train, validation] = await Promise.all([
    loadSlice({ ...common, split: 'train', perClass: o.perClass, onProgress: track(0) }),
    loadSlice({ ...common, split: 'test', perClass: VALIDATION_PER_CLASS, onProgress: track(1) }),
  ]);
  return { train, validation, classNames: train.classNames };
}
