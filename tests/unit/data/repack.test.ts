/** `npm run data` is deterministic: packing again gives the committed bytes, manifest included. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { manifestBytes, packAll } from '../../../scripts/data/pack.mts';

it('re-packs public/data byte-identically', () => {
  const packed = packAll();
  const pub = packed.files.filter((f) => f.root === 'public');
  expect(pub.length).toBeGreaterThan(10);
  for (const f of pub) expect(Buffer.from(readFileSync(join('public/data', f.path))).equals(f.bytes), f.path).toBe(true);
  expect(Buffer.from(readFileSync('public/data/manifest.json')).equals(manifestBytes(packed.manifest))).toBe(true);
  const full = packed.cacheManifest.datasets.fashion!.splits['train-full']!;
  expect([full.count, full.classCounts]).toEqual([60_000, Array(10).fill(6000)]);
}, 120_000);
