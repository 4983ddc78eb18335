import { beforeAll, describe, expect, it } from 'vitest';
import { forwardAll, type ForwardResult } from '../../../src/lib/nets/explorer-forward.ts';
import { explainPixel, kernelsOf, sourceConv } from '../../../src/lib/nets/pixel-explain.ts';
import { asInput, shipped } from './explorer-fixture.ts';

let net: Awaited<ReturnType<typeof shipped>>;
let fwd: ForwardResult;
const at = (i: number) => (i === 0 ? fwd.input : fwd.layers[i - 1]!);

beforeAll(async () => {
  net = await shipped();
  fwd = await forwardAll(net.tf as never, net.model, asInput((await net.images.get(net.testSet, 3)).pixels));
  return () => net.model.dispose();
}, 60_000);

describe('explainPixel', () => {
  it('conv1: the 3×3 window times the kernel sums to the map value; the window hangs over zero padding at the edge', () => {
    const e = explainPixel(net.layers[0]!, net.weights, fwd.input, fwd.layers[0]!, 5, 0, 13)!;
    if (e.kind !== 'conv') throw new Error(e.kind);
    expect(e.window.slice(0, 3)).toEqual([0, 0, 0]); // row −1 is padding
    expect(e.products).toEqual(e.window.map((v, i) => v * e.kernel[i]!));
    expect(e.products.reduce((a, b) => a + b, e.bias)).toBeCloseTo(e.value, 5);
    expect(e.contributions).toHaveLength(1);
    // The kernel listed is filter 5 of conv1's weights, [3, 3, 1, 32] layout.
    expect(e.kernel[4]).toBe(net.weights.conv1![0]!.data[4 * 32 + 5]);
  });

  it('conv2: the per-input-map sums add up to the value, largest first', () => {
    const e = explainPixel(net.layers[4]!, net.weights, at(4), at(5), 40, 6, 7)!;
    if (e.kind !== 'conv') throw new Error(e.kind);
    expect(e.contributions).toHaveLength(32);
    expect(e.contributions.reduce((s, c) => s + c.sum, 0)).toBeCloseTo(e.value, 4);
    const mags = e.contributions.map((c) => Math.abs(c.sum));
    expect(mags).toEqual([...mags].sort((a, b) => b - a));
  });

  it('bn: x·s + t with s = γ/√(σ² + κ), t = β − μ·s; relu: max(0, x); pool: the largest of the 2×2 window', () => {
    const bn = explainPixel(net.layers[1]!, net.weights, at(1), at(2), 9, 10, 11)!;
    if (bn.kind !== 'bn') throw new Error(bn.kind);
    const [g, b, m, v] = net.weights.bn1!.map((t) => t.data[9]!);
    expect(bn.scale).toBeCloseTo(g! / Math.sqrt(v! + 0.001), 6);
    expect(bn.shift).toBeCloseTo(b! - m! * bn.scale, 6);
    expect(bn.input * bn.scale + bn.shift).toBeCloseTo(bn.value, 4);
    const r = explainPixel(net.layers[2]!, net.weights, at(2), at(3), 9, 10, 11)!;
    if (r.kind !== 'relu') throw new Error(r.kind);
    expect(r.value).toBe(Math.max(0, r.input));
    expect(r.input).toBe(bn.value);
    const p = explainPixel(net.layers[3]!, net.weights, at(3), at(4), 9, 5, 5)!;
    if (p.kind !== 'pool') throw new Error(p.kind);
    expect(p.window).toHaveLength(4);
    expect(p.value).toBe(Math.max(...p.window));
    expect(p.window[p.picked]).toBe(p.value);
    expect(explainPixel(net.layers[8]!, net.weights, at(8), at(9), 0, 0, 0)).toBeNull();
  });
});

describe('kernelsOf / sourceConv', () => {
  it('finds the conv that made a map through bn, relu and pooling, and lays its kernels out per input map', () => {
    expect([0, 1, 2, 3, 4, 7, 8, 9].map((i) => sourceConv(net.layers, i))).toEqual([0, 0, 0, 0, 4, 4, null, null]);
    const k = kernelsOf(net.layers, net.weights, 7, 12)!;
    expect(k).toMatchObject({ layer: 'conv2', channel: 12, cin: 32, kh: 3, kw: 3 });
    const w = net.weights.conv2![0]!;
    // data[ci·9 + ky·3 + kx] = w[ky, kx, ci, 12]
    expect(k.data[5 * 9 + 1 * 3 + 2]).toBe(w.data[((1 * 3 + 2) * 32 + 5) * 64 + 12]);
    expect(kernelsOf(net.layers, net.weights, 10, 0)).toBeNull();
  });
});
