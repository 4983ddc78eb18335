/**
 * Loads a slice of a packed dataset: the manifest, the split's labels, and only the image chunks that the
 * slice needs (a prefix of the packed order, see order.ts). Works in browsers and Node (pass `fetch`).
 */
import { msg } from '../i18n/t.ts';
import { DataError } from './data-error.ts';
import { fetchBytes, fetchVerified, type FetchLike } from './fetch-file.ts';
import { parseManifest, type Manifest } from './manifest.ts';
import { interleavedLabels, positionsOfRanks } from './order.ts';

export interface Progress { loaded: number; total: number }

export interface LoadOptions {
  /** Folder holding manifest.json, ending in "/" (e.g. `${import.meta.env.BASE_URL}data/`). */
  base: string;
  dataset: string;
  split: string;
  /** The first `perClass` images of each class (all of a class that has fewer). */
  perClass?: number;
  /**
   * With `perClass`: leave out the first `skipPerClass` images of each class, so the slice holds the images of
   * within-class rank [skipPerClass, perClass) — e.g. a reserve at the end of a split that a prefix never reaches.
   * Only the chunks holding them are fetched.
   */
  skipPerClass?: number;
  /** Otherwise the first `limit` images in packed order; neither: the whole split. */
  limit?: number;
  fetch?: FetchLike;
  /** A manifest already loaded (skips fetching it). */
  manifest?: Manifest;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface DataSlice {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  shape: [number, number, number];
  classNames: string[];
}

const defaultFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

export async function loadManifest(base: string, fetchFn: FetchLike = defaultFetch, signal?: AbortSignal): Promise<Manifest> {
  const bytes = await fetchBytes(fetchFn, `${base}manifest.json`, 'manifest.json', undefined, signal);
  return parseManifest(new TextDecoder().decode(bytes), 'manifest.json');
}

export async function loadSlice(opts: LoadOptions): Promise<DataSlice> {
  const fetchFn = opts.fetch ?? defaultFetch;
  const manifest = opts.manifest ?? (await loadManifest(opts.base, fetchFn, opts.signal));
  const ds = manifest.datasets[opts.dataset];
  const split = ds?.splits[opts.split];
  if (!ds || !split) {
    const known = Object.entries(manifest.datasets).flatMap(([d, e]) => Object.keys(e.splits).map((s) => `${d}/${s}`));
    throw new DataError('manifest.json', msg('datasets.error.noSplit', { split: `${opts.dataset}/${opts.split}`, known: known.join(', ') }));
  }
  const skip = opts.skipPerClass ?? 0;
  if (skip > 0 && opts.perClass === undefined) throw new DataError('manifest.json', 'skipPerClass needs perClass.');
  // The packed positions wanted, ascending: ranks [skip, perClass) of each class, or a prefix.
  const keep = opts.perClass !== undefined
    ? positionsOfRanks(split.classCounts, skip, opts.perClass)
    : Array.from({ length: Math.min(opts.limit ?? split.count, split.count) }, (_, i) => i);
  const count = keep.length;
  const [first, last] = count ? [keep[0]!, keep[count - 1]!] : [0, -1];
  const chunks = split.images.filter((c) => c.start <= last && c.start + c.count > first);
  const total = split.labels.bytes + chunks.reduce((s, c) => s + c.bytes, 0);
  let loaded = 0;
  const onBytes = (n: number) => {
    loaded += n;
    opts.onProgress?.({ loaded: Math.min(loaded, total), total });
  };
  opts.onProgress?.({ loaded: 0, total });

  const [labelsAll, ...parts] = await Promise.all([
    fetchVerified(fetchFn, opts.base, split.labels, onBytes, opts.signal),
    ...chunks.map((c) => fetchVerified(fetchFn, opts.base, c, onBytes, opts.signal)),
  ]);
  // The packed order is fixed by the class counts; a labels file that disagrees is a packing error.
  const expected = interleavedLabels(split.classCounts);
  if (labelsAll!.length !== expected.length || labelsAll!.some((v, i) => v !== expected[i])) {
    throw new DataError(split.labels.path, msg('datasets.error.labels', { file: split.labels.path }));
  }
  const [h, w] = manifest.imageShape;
  const px = h * w;
  const images = new Uint8Array(count * px);
  let k = 0;
  for (const [j, c] of chunks.entries()) {
    const part = parts[j]!;
    for (; k < count && keep[k]! < c.start + c.count; k++) images.set(part.subarray((keep[k]! - c.start) * px, (keep[k]! - c.start + 1) * px), k * px);
  }
  return { images, labels: Uint8Array.from(keep, (i) => labelsAll![i]!), count, shape: [count, h, w], classNames: ds.classNames };
}
