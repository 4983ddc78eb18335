/**
 * A sample photo shrunk so its longest side is MAP_SIDE (src/lib/pool/geometry.ts) pixels, in grayscale [0, 1]:
 * small enough that one pooling window is a few visible cells, large enough that the edges are still the photo's.
 */
import { rgbaToTensor } from '@lib/image/index.ts';
import { explorerMapSize } from '@lib/pool/geometry.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import { loadSample } from '@components/conv-playground/image-source.ts';
import type { Sample } from '@components/conv-playground/settings.ts';

const cache = new Map<string, Promise<PlainTensor>>();

export function loadSmallSample(sample: Sample): Promise<PlainTensor> {
  let hit = cache.get(sample.name);
  if (!hit) {
    hit = (async () => {
      const px = await loadSample(sample);
      const { width: w, height: h } = explorerMapSize(px.width, px.height).shrunk;
      const bitmap = await createImageBitmap(new ImageData(px.rgba as Uint8ClampedArray<ArrayBuffer>, px.width, px.height), { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
      try {
        const canvas = new OffscreenCanvas(w, h);
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(bitmap, 0, 0);
        return rgbaToTensor(ctx.getImageData(0, 0, w, h).data, w, h, 'gray');
      } finally {
        bitmap.close();
      }
    })();
    hit.catch(() => cache.delete(sample.name));
    cache.set(sample.name, hit);
  }
  return hit;
}
