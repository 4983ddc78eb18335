/**
 * Pixels for the playground from a bundled sample or a reader's file. Every file is inspected from its
 * bytes first (type, completeness, size: src/lib/image) and only then decoded, straight to the size the
 * playground computes at (longest side ≤ MAX_INPUT_SIDE).
 */
import { ImageFileError, inspectImageFile } from '@lib/image/index.ts';
import { SAMPLES_BASE } from '@lib/widget/assets.ts';
import type { Sample } from './settings.ts';
import { msg } from '@lib/i18n/index.ts';
import { sampleText } from './controls.ts';


export interface Pixels { rgba: Uint8ClampedArray; width: number; height: number; original: { width: number; height: number } }

export async function decodeBytes(bytes: Uint8Array): Promise<Pixels> {
  const { header, target } = inspectImageFile(bytes);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
  } catch {
    throw new ImageFileError(msg('convPlayground.undecodable', { type: header.type.toUpperCase() }));
  }
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0);
    return { rgba: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data, width: bitmap.width, height: bitmap.height, original: { width: header.width, height: header.height } };
  } finally {
    bitmap.close();
  }
}

export async function loadFile(file: File): Promise<Pixels> {
  return decodeBytes(new Uint8Array(await file.arrayBuffer()));
}

const cache = new Map<string, Promise<Pixels>>();

export function loadSample(sample: Sample): Promise<Pixels> {
  let hit = cache.get(sample.name);
  if (!hit) {
    // From the book's own site (resolved against this module's URL), never the host page's: a playground
    // embedded on another site would otherwise ask that site for /samples/….
    const name = sampleText('name', sample);
    const lost = (err: Error) => new ImageFileError(msg('convPlayground.sampleLost', { name, why: err.message }));
    hit = fetch(`${SAMPLES_BASE}${sample.file}`).catch((err: Error) => { throw lost(err); }).then(async (res) => {
      if (!res.ok) throw new ImageFileError(msg('convPlayground.sampleLost', { name, why: msg('convPlayground.sampleHttp', { status: String(res.status) }) }));
      return decodeBytes(new Uint8Array(await res.arrayBuffer()));
    });
    hit.catch(() => cache.delete(sample.name));
    cache.set(sample.name, hit);
  }
  return hit;
}
