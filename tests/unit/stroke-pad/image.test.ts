import { describe, expect, it } from 'vitest';
import { coverage, DOODLE_RASTER, mnistOf, parseRgb, penFor, toBytes, toRgba } from '../../../src/lib/stroke-pad/image.ts';
import { rasterise } from '../../../src/lib/doodle/strokes.ts';
import { centreOfMass, FIELD } from '../../../src/lib/doodle/preprocess.ts';
import { doodle } from '../../e2e/doodle-shapes.ts';

describe('coverage', () => {
  it('is the one rasteriser at the raster\'s size and pen; adding to a raster equals rasterising everything', () => {
    const d = doodle('zigzag', 4);
    expect(coverage(d, { size: 64, penWidth: 20 })).toEqual(rasterise(d, 64, 20));
    const partial = rasterise([d[0]!.slice(0, 5)], 64, 20);
    expect(rasterise([d[0]!.slice(4)], 64, 20, partial)).toEqual(rasterise([d[0]!], 64, 20));
  });
  it('penFor gives a pen the given number of raster pixels wide', () => {
    const cov = coverage([[[0, 128], [256, 128]]], { size: 28, penWidth: penFor(2.5, 28) });
    expect(cov[13 * 28 + 5]).toBeCloseTo(1, 6); // pixel centre 0.5 from the line: inside the 1.25 radius
    expect(cov[15 * 28 + 5]).toBeCloseTo(0.25, 6); // 1.5 away: the soft edge
    expect(cov[16 * 28 + 5]).toBe(0); // 2.5 away
  });
});

describe('mnistOf', () => {
  it('prepares like MNIST: ink peaks at 255, its box fits 20×20, centred by mass in 28×28', () => {
    const out = mnistOf(doodle('circle', 2))!;
    expect(out.length).toBe(FIELD * FIELD);
    expect(Math.max(...out)).toBe(255);
    const com = centreOfMass(out, FIELD, FIELD);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    expect(mnistOf([], DOODLE_RASTER)).toBeNull();
  });
});

describe('toBytes, toRgba, parseRgb', () => {
  it('turns coverage into grey bytes and RGBA, opaque on paper or see-through', () => {
    expect(Array.from(toBytes([0, 0.5, 1, 1.2, -1]))).toEqual([0, 128, 255, 255, 0]);
    expect(Array.from(toRgba([0, 0.5, 1], [0, 0, 0], [255, 255, 255]))).toEqual([255, 255, 255, 255, 128, 128, 128, 255, 0, 0, 0, 255]);
    expect(Array.from(toRgba([0, 0.5], [10, 20, 30], null))).toEqual([10, 20, 30, 0, 10, 20, 30, 128]);
  });
  it('gives the bytes of ink over paper channel by channel, for blank, inked, out-of-range and missing coverage', () => {
    const oneByOne = (cov: number[], ink: readonly number[], paper: readonly number[] | null) => {
      const out = new Uint8ClampedArray(cov.length * 4);
      cov.forEach((v, i) => {
        const c = Math.min(1, Math.max(0, v));
        for (let k = 0; k < 3; k++) out[i * 4 + k] = paper ? paper[k]! + (ink[k]! - paper[k]!) * c : ink[k]!;
        out[i * 4 + 3] = paper ? 255 : c * 255;
      });
      return Array.from(out);
    };
    const cov = [0, 0, 1, 0.5, 0.25, 0.001, 0.999, 1.5, -0.5, NaN, ...Array.from({ length: 200 }, (_, i) => ((i * 37) % 101) / 100)];
    for (const [ink, paper] of [[[0, 0, 0], [255, 255, 255]], [[231, 236, 240], [23, 24, 28]], [[10, 200, 30], null]] as const)
      expect(Array.from(toRgba(cov, ink, paper))).toEqual(oneByOne(cov, ink, paper));
  });
  it('parses computed colours, else falls back', () => {
    expect(parseRgb('rgb(1, 2, 3)', [0, 0, 0])).toEqual([1, 2, 3]);
    expect(parseRgb('rgba(10, 20, 30, 0.5)', [0, 0, 0])).toEqual([10, 20, 30]);
    expect(parseRgb('color(srgb 1 0 0)', [9, 9, 9])).toEqual([9, 9, 9]);
  });
});
