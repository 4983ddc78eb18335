/**
 * The float64 oracle for pooling, over NHWC maps: max pooling with the winning input of every window, average
 * pooling, and global average pooling. `absSum` is the sum of |x·w| feeding each output (w = 1 for max,
 * 1/size² for average, 1/(h·w) for global), the scale of the GUIDE §4 tolerance for a float32 result.
 */
import type { PlainTensor } from '../conv/tensor.ts';
import type { ReferenceResult } from '../conv/reference.ts';
import { poolOutput } from './geometry.ts';
import { ReaderError } from '../i18n/reader-error.ts';

export type PoolMode = 'max' | 'avg';

export interface PoolReference extends ReferenceResult {
  /** For max pooling: the flat index (into the input) of each output's winner; the first in row-major order on ties. */
  argmax: Int32Array;
}

export function poolReference(x: PlainTensor<ArrayLike<number>>, mode: PoolMode, size: number, stride: number): PoolReference {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const geo = poolOutput(h, w, size, stride);
  if ('error' in geo) throw new ReaderError(geo.error);
  const { outH, outW } = geo;
  const count = n * outH * outW * c;
  const data = new Float64Array(count);
  const absSum = new Float64Array(count);
  const argmax = new Int32Array(count).fill(-1);
  for (let b = 0; b < n; b++)
    for (let oy = 0; oy < outH; oy++)
      for (let ox = 0; ox < outW; ox++)
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity, at = -1, sum = 0, abs = 0;
          for (let ky = 0; ky < size; ky++)
            for (let kx = 0; kx < size; kx++) {
              const i = ((b * h + oy * stride + ky) * w + ox * stride + kx) * c + ch;
              const v = x.data[i]!;
              if (v > best) { best = v; at = i; }
              sum += v;
              abs += Math.abs(v);
            }
          const o = ((b * outH + oy) * outW + ox) * c + ch;
          const k2 = size * size;
          data[o] = mode === 'max' ? best : sum / k2;
          absSum[o] = mode === 'max' ? Math.abs(best) : abs / k2;
          argmax[o] = mode === 'max' ? at : -1;
        }
  return { data, absSum, argmax, shape: [n, outH, outW, c] };
}

/** Global average pooling: one mean per channel, shape [n, 1, 1, c] (Keras keeps [n, c]; the numbers are the same). */
export function globalAvgPoolReference(x: PlainTensor<ArrayLike<number>>): ReferenceResult {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const data = new Float64Array(n * c);
  const absSum = new Float64Array(n * c);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h * w; i++)
      for (let ch = 0; ch < c; ch++) {
        const v = x.data[(b * h * w + i) * c + ch]!;
        data[b * c + ch] += v / (h * w);
        absSum[b * c + ch] += Math.abs(v) / (h * w);
      }
  return { data, absSum, shape: [n, 1, 1, c] };
}
