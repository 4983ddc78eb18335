/**
 * Re-creates public/samples/ (the playground's photos, manifest.json and LICENSES.md) from Debian's
 * python3-skimage package. Not part of the build: run it by hand with `npx node scripts/pack-samples.mts`.
 *
 * Deterministic: the chosen pictures are all at most 512 px on their longest side (the playground's
 * MAX_INPUT_SIDE), so they are copied byte for byte from the package — no image library, no re-encoding.
 * The package is fetched with `apt-get download` and unpacked with `dpkg -x` into /tmp when missing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sniffImage } from '../src/lib/image/sniff.ts';
import { MAX_INPUT_SIDE } from '../src/lib/image/limits.ts';

const WORK = '/tmp/fm-skimage';
const DATA = `${WORK}/x/usr/lib/python3/dist-packages/skimage/data`;
const OUT = fileURLToPath(new URL('../public/samples/', import.meta.url));

/** Licence and credit as skimage's own docstrings (skimage/data/_fetchers.py) state them. */
const SAMPLES = [
  {
    name: 'chelsea', title: 'Chelsea the cat', alt: 'Close-up of the face of Chelsea, a tabby cat with green eyes and a pink nose.',
    licence: 'CC0 1.0 (public domain dedication)', credit: 'Stefan van der Walt (photographer), via scikit-image',
    source: 'skimage.data.chelsea(): "No copyright restrictions. CC0 by the photographer (Stefan van der Walt)."',
  },
  {
    name: 'astronaut', title: 'Astronaut Eileen Collins', alt: 'Portrait of astronaut Eileen Collins smiling in an orange flight suit, with an American flag, a space shuttle model and a helmet.',
    licence: 'Public domain (NASA)', credit: 'NASA, via the NASA Great Images database and scikit-image',
    source: 'skimage.data.astronaut(): "This image was downloaded from the NASA Great Images database <https://flic.kr/p/r9qvLn>. No known copyright restrictions, released into the public domain."',
  },
  {
    name: 'camera', title: 'Camera man', alt: 'Black-and-white photo of a man in a dark coat looking through a camera on a tripod, on a lawn with buildings behind.',
    licence: 'CC0 1.0 (public domain dedication)', credit: 'Lav Varshney (photographer), via scikit-image',
    source: 'skimage.data.camera(): "No copyright restrictions. CC0 by the photographer (Lav Varshney)."',
  },
  {
    name: 'coins', title: 'Greek coins from Pompeii', alt: 'Gray photo of two dozen ancient coins laid out in four rows on a dark background.',
    licence: 'No known copyright restrictions', credit: 'Brooklyn Museum Collection, via scikit-image',
    source: 'skimage.data.coins(): "This image was downloaded from the Brooklyn Museum Collection <https://www.brooklynmuseum.org/opencollection/archives/image/51611>. No known copyright restrictions."',
  },
  {
    name: 'brick', title: 'Brick wall', alt: 'Gray close-up of a brick wall: horizontal rows of bricks and mortar lines.',
    licence: 'CC0 1.0 (public domain dedication)', credit: 'CC0Textures (Bricks25), transformed by scikit-image',
    source: 'skimage.data.brick(): "The original image was downloaded from CC0Textures <https://cc0textures.com/view.php?tex=Bricks25> and licensed under the Creative Commons CC0 License."',
  },
] as const;

function ensurePackage(): string {
  if (existsSync(`${DATA}/chelsea.png`)) return packageVersion();
  mkdirSync(WORK, { recursive: true });
  execFileSync('apt-get', ['download', 'python3-skimage'], { cwd: WORK, stdio: 'inherit' });
  const deb = readdirSync(WORK).find((f) => /^python3-skimage_.*\.deb$/.test(f));
  if (!deb) throw new Error('apt-get download produced no python3-skimage .deb');
  execFileSync('dpkg', ['-x', `${WORK}/${deb}`, `${WORK}/x`], { stdio: 'inherit' });
  return packageVersion();
}

function packageVersion(): string {
  const deb = existsSync(WORK) ? readdirSync(WORK).find((f) => /^python3-skimage_.*\.deb$/.test(f)) : undefined;
  return deb ? deb.replace(/^python3-skimage_/, '').replace(/_all\.deb$/, '') : 'unknown';
}

const version = ensurePackage();
mkdirSync(OUT, { recursive: true });
const manifest = SAMPLES.map((s) => {
  const file = `${s.name}.png`;
  const bytes = new Uint8Array(readFileSync(`${DATA}/${file}`));
  const { width, height } = sniffImage(bytes);
  if (Math.max(width, height) > MAX_INPUT_SIDE) throw new Error(`${file} is ${height}×${width} (height × width): choose pictures ≤ ${MAX_INPUT_SIDE} px or add resizing`);
  copyFileSync(`${DATA}/${file}`, `${OUT}${file}`);
  return { name: s.name, title: s.title, file, width, height, licence: s.licence, credit: s.credit, alt: s.alt };
});
writeFileSync(`${OUT}manifest.json`, `${JSON.stringify({ samples: manifest }, null, 2)}\n`);

const licences = [
  '# Sample pictures: sources and licences',
  '',
  `Copied unchanged (byte for byte) from Debian's \`python3-skimage\` package, version ${version}`,
  '(`skimage/data/`), by `scripts/pack-samples.mts`. Licences and credits are quoted from the docstrings in',
  "`skimage/data/_fetchers.py` of that package. scikit-image itself is BSD-3-Clause licensed; these pictures",
  'carry their own terms below.',
  '',
  ...SAMPLES.flatMap((s, i) => [
    `## ${s.name}.png — ${s.title}`,
    '',
    `- Size: ${manifest[i]!.height}×${manifest[i]!.width} pixels (height × width)`,
    `- Licence: ${s.licence}`,
    `- Credit: ${s.credit}`,
    `- Source: ${s.source}`,
    '',
  ]),
];
writeFileSync(`${OUT}LICENSES.md`, licences.join('\n'));
console.log(`packed ${manifest.length} samples from python3-skimage ${version} into public/samples/`);
