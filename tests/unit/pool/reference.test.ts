import { describe, expect, it } from 'vitest';
import { globalAvgPoolReference, poolReference } from '../../../src/lib/pool/reference.ts';
import { globalWindow, poolWindow } from '../../../src/lib/pool/window.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

const map = (h: number, w: number, c: number, seed: number) => ({ data: uniform(seed, h * w * c), shape: [1, h, w, c] });

describe('poolReference', () => {
  it('max pooling of a hand-checked 4×4 map, with the winners', () => {
    // Rows: 1 2 | 5 0 / 3 4 | 6 1 // 0 0 | 2 2 / 9 -1 | 2 1
    const x = { data: [1, 2, 5, 0, 3, 4, 6, 1, 0, 0, 2, 2, 9, -1, 2, 1], shape: [1, 4, 4, 1] };
    const r = poolReference(x, 'max', 2, 2);
    expect([...r.data]).toEqual([4, 6, 9, 2]);
    expect([...r.argmax]).toEqual([5, 6, 12, 10]); // the first 2 in row-major order wins the tie
    expect([...poolReference(x, 'avg', 2, 2).data]).toEqual([2.5, 3, 2, 1.75]);
  });

  it('agrees with the window read-out at every cell, for overlapping and gapped windows and several channels', () => {
    for (const [size, stride] of [[2, 2], [3, 2], [2, 3], [3, 1], [1, 1]] as const) {
      const x = map(9, 11, 2, size * 10 + stride);
      const m = poolReference(x, 'max', size, stride);
      const a = poolReference(x, 'avg', size, stride);
      const [, oh, ow] = m.shape as [number, number, number, number];
      for (let ch = 0; ch < 2; ch++) {
        const plane = Array.from({ length: 99 }, (_, i) => x.data[i * 2 + ch]!);
        for (let oy = 0; oy < oh; oy++)
          for (let ox = 0; ox < ow; ox++) {
            const win = poolWindow(plane, 11, oy, ox, size, stride);
            const o = (oy * ow + ox) * 2 + ch;
            expect(m.data[o]).toBe(win.max);
            expect(m.argmax[o]).toBe((win.argmax[0] * 11 + win.argmax[1]) * 2 + ch);
            expect(a.data[o]).toBeCloseTo(win.mean, 12);
            expect(m.data[o]).toBeGreaterThanOrEqual(a.data[o]!); // a max is never below the mean of its window
          }
      }
    }
  });

  it('size 1, stride 1 is the identity', () => {
    const x = map(5, 6, 1, 3);
    expect(Float32Array.from(poolReference(x, 'max', 1, 1).data)).toEqual(x.data);
    expect(Float32Array.from(poolReference(x, 'avg', 1, 1).data)).toEqual(x.data);
  });

  it('refuses a window larger than the map', () => {
    expect(() => poolReference(map(3, 3, 1, 1), 'max', 4, 1)).toThrow(/does not fit/);
  });
});

describe('globalAvgPoolReference', () => {
  it('is the mean of each channel, and equals average pooling with a window the size of the map', () => {
    const x = map(7, 7, 3, 9);
    const g = globalAvgPoolReference(x);
    expect(g.shape).toEqual([1, 1, 1, 3]);
    const a = poolReference(x, 'avg', 7, 1);
    for (let ch = 0; ch < 3; ch++) {
      expect(g.data[ch]).toBeCloseTo(a.data[ch]!, 12);
      const plane = Array.from({ length: 49 }, (_, i) => x.data[i * 3 + ch]!);
      expect(g.data[ch]).toBeCloseTo(globalWindow(plane, 7, 7).mean, 12);
    }
  });
});

describe('poolWindow', () => {
  it('reports ties and the first winner', () => {
    const win = poolWindow([0, 1, 1, 0], 2, 0, 0, 2, 2);
    expect(win).toMatchObject({ max: 1, argmax: [0, 1], ties: 2, sum: 2, mean: 0.5, top: 0, left: 0, rows: 2, cols: 2 });
  });
});
