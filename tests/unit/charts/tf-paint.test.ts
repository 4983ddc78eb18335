import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { extentTensor, packedColours, paddedWidth } from '../../../src/lib/charts/tf-paint.ts';
import { divergingScale, extentOf, paintChannel } from '../../../src/lib/charts/diverging.ts';
import { paintSequential, sequentialScale } from '../../../src/lib/charts/sequential.ts';

/** Seeded values in [lo, hi), with exact 0 and the ends present (the scale's edge cases). */
function values(n: number, lo: number, hi: number, seed = 7): Float32Array {
  let s = seed;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) { s = (s * 1664525 + 1013904223) >>> 0; out[i] = lo + (hi - lo) * (s / 2 ** 32); }
  out[0] = 0; out[1] = lo; out[n - 1] = hi;
  return out;
}

/** Largest difference, per byte, between the packed pixels (int32 per pixel, rows of `padded`) and the CPU painting (RGBA). */
function worst(packed: Int32Array, want: Uint8ClampedArray, w: number, padded: number): number {
  const bytes = new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength);
  let m = 0;
  for (let i = 0; i < want.length / 4; i++) {
    const j = (Math.floor(i / w) * padded + (i % w)) * 4;
    for (let k = 0; k < 4; k++) m = Math.max(m, Math.abs(bytes[j + k]! - want[i * 4 + k]!));
  }
  return m;
}

describe.each([
  { name: 'signed output', lo: -3.7, hi: 1.2, c: 1 },
  { name: 'non-negative output', lo: 0, hi: 5.5, c: 1 },
  { name: 'three channels', lo: -0.4, hi: 0.9, c: 3 },
  { name: 'flat zero output', lo: 0, hi: 0, c: 1 },
])('colourBytes on $name', ({ lo, hi, c }) => {
  const h = 9, w = 11;
  const data = values(h * w * c, lo, hi);
  const [min, max] = extentOf(data);

  it.each(['sequential', 'diverging'] as const)('packs the CPU painting (%s) to one level, opaque, every channel, no tensor left', async (kind) => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const y = tf.tensor4d(data, [1, h, w, c]);
    const ext = extentTensor(tf, y);
    expect(Array.from(await ext.data())).toEqual([min, max]);
    for (let ch = 0; ch < c; ch++) {
      const packed = packedColours(tf, y, ext, ch, kind);
      expect(packed.shape).toEqual([h, paddedWidth(w)]);
      expect(packed.dtype).toBe('int32');
      const want = kind === 'sequential' ? paintSequential(data, h * w, c, ch, sequentialScale(min, max)) : paintChannel(data, h * w, c, ch, divergingScale(min, max));
      // One level at most: a colour-table neighbour differs by a few bytes at most, a gray level by one.
      expect(worst((await packed.data()) as Int32Array, want, w, paddedWidth(w))).toBeLessThanOrEqual(kind === 'sequential' ? 1 : 4);
      packed.dispose();
    }
    tf.dispose([y, ext]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('paddedWidth', () => {
  it.each([[1, 64], [64, 64], [65, 128], [512, 512], [1000, 1024]])('%i pixels → %i (rows of 256 bytes)', (w, want) => expect(paddedWidth(w)).toBe(want));
});
