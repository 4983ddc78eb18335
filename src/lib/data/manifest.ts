/**
 * The data manifest (public/data/manifest.json): what each packed file holds, its size and SHA-256, and how
 * the splits were made. One format for the committed files and for the git-ignored full training split.
 */
import { msg } from '../i18n/t.ts';
import { DataError } from './data-error.ts';

/** One file as the manifest lists it; `path` is relative to the manifest's folder. */
export interface FileEntry { path: string; bytes: number; sha256: string }

/** A run of images [start, start + count) of a split, stored in one file. */
export interface ChunkEntry extends FileEntry { start: number; count: number }

export interface SplitEntry {
  count: number;
  /** Images per class, indexed by label. */
  classCounts: number[];
  /** How these images were chosen from the source (e.g. "all 10,000 official test images"). */
  selection: string;
  labels: FileEntry;
  /** Consecutive chunks covering [0, count) in packed order; see `order` in the manifest. */
  images: ChunkEntry[];
}

export interface DatasetEntry {
  title: string;
  classNames: string[];
  /** Where the images come from: the package, its version, and each source file's SHA-256. */
  source: { package: string; version: string; manager: string; files: Record<string, string>; licence: string; copyright: string; homepage: string };
  pixels: string;
  split: { method: string; seed?: number; [key: string]: unknown };
  splits: Record<string, SplitEntry>;
}

export interface Manifest {
  format: 1;
  /** Height and width of every image; pixels are uint8, row-major, one channel. */
  imageShape: [number, number];
  order: string;
  chunking: string;
  datasets: Record<string, DatasetEntry>;
}

/** Parses and checks a manifest, so a malformed one fails here with its name rather than deep in a widget. */
export function parseManifest(text: string, name: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DataError(name, msg('datasets.error.manifestJson', { file: name, error: (err as Error).message }));
  }
  // The detail stays English: it names a field of the file, for whoever packs the data.
  const bad = (what: string) => new DataError(name, msg('datasets.error.manifestInvalid', { file: name, what }));
  const m = raw as Manifest;
  if (!m || typeof m !== 'object' || m.format !== 1) throw bad('expected "format": 1');
  if (!Array.isArray(m.imageShape) || m.imageShape.length !== 2) throw bad('"imageShape" must be [height, width]');
  if (!m.datasets || typeof m.datasets !== 'object') throw bad('"datasets" is missing');
  for (const [id, ds] of Object.entries(m.datasets)) {
    if (!Array.isArray(ds.classNames) || !ds.splits) throw bad(`dataset "${id}" lacks classNames or splits`);
    for (const [sid, s] of Object.entries(ds.splits)) {
      const where = `${id}/${sid}`;
      if (!Array.isArray(s.classCounts) || s.classCounts.length !== ds.classNames.length) throw bad(`${where}: classCounts must have one count per class`);
      if (s.classCounts.reduce((a, b) => a + b, 0) !== s.count) throw bad(`${where}: classCounts do not add up to count`);
      if (!isFile(s.labels)) throw bad(`${where}: labels file entry is incomplete`);
      let next = 0;
      for (const c of s.images ?? []) {
        if (!isFile(c) || c.start !== next || !(c.count > 0)) throw bad(`${where}: image chunks must be complete and consecutive`);
        next += c.count;
      }
      if (next !== s.count) throw bad(`${where}: image chunks cover ${next} images, not ${s.count}`);
    }
  }
  return m;
}

function isFile(f: FileEntry | undefined): boolean {
  return !!f && typeof f.path === 'string' && Number.isInteger(f.bytes) && /^[0-9a-f]{64}$/.test(f.sha256);
}
