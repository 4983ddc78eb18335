import { describe, expect, it } from 'vitest';
import { areaResample, centreOfMass, inkBox, toInput, toMnist, FIELD } from '../../../src/lib/doodle/preprocess.ts';
import { rasterise, PAD_SIZE, isBlank, cleanPoint } from '../../../src/lib/doodle/strokes.ts';
import { doodle, SHAPES } from '../../e2e/doodle-shapes.ts';

/** A w×h image with the rectangle [x0, x1) × [y0, y1) at `v`. */
function rect(w: number, h: number, x0: number, y0: number, x1: number, y1: number, v = 1): Float32Array {
  const img = new Float32Array(w * h);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img[y * w + x] = v;
  return img;
}
const box = (img: Uint8Array) => inkBox(img, FIELD, FIELD, 0)!;

describe('rasterise', () => {
  it('covers a pen-wide capsule around a stroke, anti-aliased, and nothing far from it', () => {
    const img = rasterise([[[50, 100.3], [200, 100.3]]]);
    expect(img[100 * PAD_SIZE + 120]).toBe(1); // on the line
    expect(img[(100 + 20) * PAD_SIZE + 120]).toBe(0); // 20 units away, pen radius 9
    expect(img[100 * PAD_SIZE + 30]).toBe(0); // beyond the round cap
    const edge = img[(100 + 9) * PAD_SIZE + 120]!; // pixel centre 9.2 from the line, pen radius 9: 0.3 covered
    expect(edge).toBeCloseTo(0.3, 5);
  });
  it('draws a dot for a one-point stroke and nothing for an empty drawing', () => {
    expect(rasterise([[[128, 128]]])[128 * PAD_SIZE + 128]).toBe(1);
    expect(rasterise([]).every((v) => v === 0)).toBe(true);
    expect(isBlank([[], []])).toBe(true);
    expect(isBlank([[[1, 1]]])).toBe(false);
  });
  it('stores points clamped to the pad at 0.1 unit', () => {
    expect(cleanPoint(-3, 300)).toEqual([0, PAD_SIZE]);
    expect(cleanPoint(12.345, 7.06)).toEqual([12.3, 7.1]);
  });
});

describe('areaResample', () => {
  it('averages the input area each output pixel covers (a 4×4 checker of 2×2 blocks → 2×2)', () => {
    const src = [1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1];
    expect(Array.from(areaResample(src, 4, 4, 2, 2))).toEqual([1, 0, 0, 1]);
  });
  it('keeps the mean for non-integer ratios (3 → 2)', () => {
    const out = areaResample([0, 3, 6], 3, 1, 2, 1);
    expect(out[0]).toBeCloseTo((0 + 0.5 * 3) / 1.5, 6);
    expect(out[1]).toBeCloseTo((0.5 * 3 + 6) / 1.5, 6);
  });
});

describe('toMnist', () => {
  it('returns null for an empty image (and for dust below the ink threshold)', () => {
    expect(toMnist(new Float32Array(100), 10, 10)).toBeNull();
    expect(toMnist(new Float32Array(100).fill(0.01), 10, 10)).toBeNull();
  });
  it('scales the ink box so its longer side is 20 px, keeping the aspect ratio', () => {
    const wide = toMnist(rect(200, 200, 20, 60, 180, 140), 200, 200)!; // 160 × 80 → 20 × 10
    const b = box(wide);
    expect([b.x1 - b.x0, b.y1 - b.y0]).toEqual([20, 10]);
    const tall = box(toMnist(rect(100, 100, 40, 0, 50, 100), 100, 100)!); // 10 × 100 → 2 × 20
    expect([tall.x1 - tall.x0, tall.y1 - tall.y0]).toEqual([2, 20]);
  });
  it('puts the centre of mass at the middle of the 28×28 field, wherever the ink was drawn', () => {
    for (const [x0, y0] of [[0, 0], [150, 10], [60, 170]]) {
      const img = rect(256, 256, x0, y0, x0 + 80, y0 + 80);
      const out = toMnist(img, 256, 256)!;
      const c = centreOfMass(out, FIELD, FIELD);
      expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
    }
  });
  it('gives the same image for the same shape drawn in another place (translation invariance)', () => {
    const a = toMnist(rect(256, 256, 10, 10, 70, 110), 256, 256)!;
    const b = toMnist(rect(256, 256, 150, 120, 210, 220), 256, 256)!;
    expect(Array.from(a)).toEqual(Array.from(b));
  });
  it('moves a lopsided shape by its centre of mass, not its box', () => {
    // 100 × 50: a heavy block on the left and a bar along the bottom → a 20 × 10 box whose mass is left of and
    // below its middle; the box must then sit right of and above the field's centre.
    const img = new Float32Array(100 * 50);
    for (let y = 0; y < 50; y++) for (let x = 0; x < 100; x++) if (x < 30 || y >= 35) img[y * 100 + x] = 1;
    const out = toMnist(img, 100, 50)!;
    const b = box(out);
    expect([b.x1 - b.x0, b.y1 - b.y0]).toEqual([20, 10]);
    expect(b.x0 + b.x1).toBeGreaterThan(28);
    expect(b.y0 + b.y1).toBeLessThan(28);
    const c = centreOfMass(out, FIELD, FIELD);
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
  });
  it('clamps the shift so no ink is cut off when the mass cannot be centred', () => {
    // An "L" as tall as the box, its mass low: centring would push the top row out of the field.
    const img = new Float32Array(100 * 100);
    for (let y = 0; y < 100; y++) for (let x = 0; x < 100; x++) if (x < 5 || y >= 60) img[y * 100 + x] = 1;
    const out = toMnist(img, 100, 100)!;
    const b = box(out);
    expect(b).toEqual({ x0: b.x0, y0: 0, x1: b.x0 + 20, y1: 20 });
    expect(centreOfMass(out, FIELD, FIELD).y).toBeGreaterThan(14.5);
    const total = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
    expect(total(out)).toBeGreaterThan(0.3 * 255 * 400); // all the L's ink is there (its area share is 0.43)
  });
  it('peaks at 255 and maps to x / 255 floats', () => {
    const out = toMnist(rasterise(doodle('circle', 1)), PAD_SIZE, PAD_SIZE)!;
    expect(Math.max(...out)).toBe(255);
    const x = toInput(out);
    expect(x).toBeInstanceOf(Float32Array);
    expect(x.length).toBe(784);
    out.forEach((v, i) => expect(x[i]).toBeCloseTo(v / 255, 7));
  });
  it.each(SHAPES)('a %s doodle fills a 20 px box in the 28×28 field', (shape) => {
    const out = toMnist(rasterise(doodle(shape, 3)), PAD_SIZE, PAD_SIZE)!;
    const b = box(out);
    expect(Math.max(b.x1 - b.x0, b.y1 - b.y0)).toBeGreaterThanOrEqual(BOX_MIN);
    expect(Math.max(b.x1 - b.x0, b.y1 - b.y0)).toBeLessThanOrEqual(21); // 20, plus a faint spill of the area average
  });
});
const BOX_MIN = 20;
