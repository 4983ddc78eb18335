import type { Padding } from '../params/padding.ts';
import { convOutput } from './geometry.ts';
import { ReaderError } from '../i18n/reader-error.ts';
import type { PlainTensor } from './tensor.ts';

export interface ConvSettings { stride: number; padding: Padding; dilation: number }

/**
 * The book's oracle: a direct float64 convolution (cross-correlation, as in every deep-learning library)
 * of an NHWC input with an [kh, kw, cin, cout] kernel. `absSum` holds Σ|x·w| for each output, which sets
 * the rounding tolerance a float32 GPU result is held to.
 */
export interface ReferenceResult { data: Float64Array; absSum: Float64Array; shape: number[] }

export function conv2dReference(x: PlainTensor<ArrayLike<number>>, w: PlainTensor<ArrayLike<number>>, s: ConvSettings): ReferenceResult {
  const [n, inH, inW, cin] = x.shape as [number, number, number, number];
  const [kH, kW, kc, cout] = w.shape as [number, number, number, number];
  if (kc !== cin) throw new Error(`kernel expects ${kc} input channels, input has ${cin}`);
  const geo = convOutput({ inH, inW, kH, kW, stride: s.stride, dilation: s.dilation, padding: s.padding });
  if ('error' in geo) throw new ReaderError(geo.error);
  const { outH, outW, pads } = geo;
  const size = n * outH * outW * cout;
  const data = new Float64Array(size);
  const absSum = new Float64Array(size);
  for (let b = 0; b < n; b++)
    for (let oy = 0; oy < outH; oy++)
      for (let ox = 0; ox < outW; ox++)
        for (let co = 0; co < cout; co++) {
          let acc = 0;
          let abs = 0;
          for (let ky = 0; ky < kH; ky++) {
            const iy = oy * s.stride + ky * s.dilation - pads.top;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kW; kx++) {
              const ix = ox * s.stride + kx * s.dilation - pads.left;
              if (ix < 0 || ix >= inW) continue;
              for (let ci = 0; ci < cin; ci++) {
                const p = x.data[((b * inH + iy) * inW + ix) * cin + ci]! * w.data[((ky * kW + kx) * cin + ci) * cout + co]!;
                acc += p;
                abs += Math.abs(p);
              }
            }
          }
          const o = ((b * outH + oy) * outW + ox) * cout + co;
          data[o] = acc;
          absSum[o] = abs;
        }
  return { data, absSum, shape: [n, outH, outW, cout] };
}

/**
 * Depthwise convolution: each input channel has its own [kh, kw] kernel (channel multiplier 1),
 * kernel layout [kh, kw, cin, 1] as in tfjs `depthwiseConv2d`.
 */
export function depthwiseConv2dReference(x: PlainTensor<ArrayLike<number>>, w: PlainTensor<ArrayLike<number>>, s: ConvSettings): ReferenceResult {
  const [n, inH, inW, cin] = x.shape as [number, number, number, number];
  const [kH, kW] = w.shape as [number, number, number, number];
  const per: ReferenceResult[] = [];
  for (let c = 0; c < cin; c++) {
    const xc = new Float64Array(n * inH * inW);
    for (let i = 0; i < xc.length; i++) xc[i] = x.data[i * cin + c]!;
    const wc = new Float64Array(kH * kW);
    for (let i = 0; i < wc.length; i++) wc[i] = w.data[i * cin + c]!;
    per.push(conv2dReference({ data: xc, shape: [n, inH, inW, 1] }, { data: wc, shape: [kH, kW, 1, 1] }, s));
  }
  const [, outH, outW] = per[0]!.shape as [number, number, number, number];
  const data = new Float64Array(n * outH * outW * cin);
  const absSum = new Float64Array(data.length);
  for (let i = 0; i < n * outH * outW; i++)
    for (let c = 0; c < cin; c++) {
      data[i * cin + c] = per[c]!.data[i]!;
      absSum[i * cin + c] = per[c]!.absSum[i]!;
    }
  return { data, absSum, shape: [n, outH, outW, cin] };
}
