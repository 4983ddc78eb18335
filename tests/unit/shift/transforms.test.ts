import { describe, expect, it } from 'vitest';
import { SHIFTS, STRENGTH, addNoise, applyShift, describeShift, dilate, invert, rotate, shiftName, shiftWords } from '../../../src/lib/shift/transforms.ts';
import { checkLabels, resolveStrength } from '../../../src/lib/shift/settings.ts';
import { ParamError } from '../../../src/lib/params/index.ts';
import { say } from '../../../src/lib/i18n/index.ts';
import { shiftImage } from '../../../src/lib/transfer/augment.ts';
import { lcg } from '../../../src/lib/random/lcg.ts';

const blank = () => new Float32Array(784);
const at = (y: number, x: number) => y * 28 + x;
/** A seeded image with a few bright strokes (not symmetric, so rotations and shifts are visible). */
function strokes(seed: number): Float32Array {
  const next = lcg(seed);
  const img = blank();
  for (let k = 0; k < 40; k++) img[at(4 + Math.floor(next() * 20), 4 + Math.floor(next() * 20))] = 100 + Math.floor(next() * 155);
  return img;
}

describe('invert', () => {
  it('maps v to 255 − v at full strength, to a flat grey at 0.5, leaves the image at 0', () => {
    const x = Float32Array.from([0, 255, 100, 30]);
    expect(Array.from(invert(x, 1))).toEqual([255, 0, 155, 225]);
    expect(Array.from(invert(x, 0.5))).toEqual([127.5, 127.5, 127.5, 127.5]);
    expect(Array.from(invert(x, 0))).toEqual([0, 255, 100, 30]);
  });
});

describe('rotate', () => {
  it('by 90° turns the top of the image to the left (counter-clockwise as seen, rows going down)', () => {
    const x = blank();
    x[at(0, 13)] = 200; // near the top edge, just left of centre (the centre is 13.5, 13.5)
    const r = rotate(x, 90);
    // (dx, dy) = (−0.5, −13.5) from the centre → (−13.5, 0.5): row 14, column 0.
    expect(r[at(14, 0)]).toBeCloseTo(200, 4);
    expect(r.reduce((s, v) => s + v, 0)).toBeCloseTo(200, 3);
  });
  it('by 0° is the identity and four turns of 90° come back', () => {
    const x = strokes(3);
    expect(maxDiff(rotate(x, 0), x)).toBeLessThan(1e-9);
    let y = x;
    for (let k = 0; k < 4; k++) y = rotate(y, 90);
    expect(maxDiff(y, x)).toBeLessThan(1e-3);
  });
  it('interpolates bilinearly between pixels (45°: a centre-symmetric image keeps its centre value)', () => {
    const x = blank().fill(80);
    const r = rotate(x, 45);
    expect(r[at(13, 13)]).toBeCloseTo(80, 4); // inside: every neighbour is 80
    expect(r[at(0, 0)]).toBe(0); // the corner samples from outside the frame
  });
});

describe('addNoise', () => {
  it('adds Gaussian noise of σ = s·255 (sample moments), clipped to 0–255, seeded', () => {
    const x = blank().fill(127.5);
    const draws: number[] = [];
    const next = lcg(9);
    for (let k = 0; k < 50; k++) draws.push(...addNoise(x, 0.1, next));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(mean).toBeCloseTo(127.5, 0);
    expect(sd / 25.5).toBeGreaterThan(0.97);
    expect(sd / 25.5).toBeLessThan(1.03);
    const big = addNoise(x, 1, lcg(2));
    expect(Math.min(...big)).toBe(0);
    expect(Math.max(...big)).toBe(255);
    expect(addNoise(x, 0.3, lcg(5))).toEqual(addNoise(x, 0.3, lcg(5)));
  });
});

describe('dilate', () => {
  it.each([[1, 5], [2, 13], [3, 29]])('radius %i turns one pixel into a disk of %i pixels', (r, area) => {
    const x = blank();
    x[at(14, 14)] = 200;
    const d = dilate(x, r);
    expect(d.filter((v) => v === 200).length).toBe(area);
    expect(d[at(14, 14 + r)]).toBe(200);
    expect(d[at(14 + r, 14 + r)]).toBe(0); // the corner of the square is outside the disk
  });
  it('takes the brightest neighbour and never darkens a pixel', () => {
    const x = strokes(4);
    const d = dilate(x, 1);
    expect(d.every((v, p) => v >= x[p]!)).toBe(true);
    expect(d.filter((v, p) => v > x[p]!).length).toBeGreaterThan(40);
  });
});

describe('the shifted domain uses the lab\'s one whole-pixel shift (shiftImage)', () => {
  it('moves pixels right and down, filling with background', () => {
    const x = blank();
    x[at(5, 6)] = 99;
    x[at(27, 27)] = 50;
    const t = shiftImage(x, 3, -2, 28, 28, new Float32Array(784));
    expect(t[at(3, 9)]).toBe(99);
    expect(t.reduce((s: number, v: number) => s + v, 0)).toBe(99); // the corner pixel left the frame
  });
});

describe('applyShift', () => {
  it('is seeded and prefix-stable: the first images do not depend on how many follow', () => {
    const imgs = new Uint8Array(5 * 784).map((_, i) => (i * 37) % 256);
    for (const shift of SHIFTS) {
      const s = STRENGTH[shift].default;
      const all = applyShift(imgs, 5, shift, s, 11);
      expect(all.subarray(0, 2 * 784)).toEqual(applyShift(imgs, 2, shift, s, 11));
      expect(applyShift(imgs, 5, shift, s, 11)).toEqual(all);
      expect(all.every((v) => v >= 0 && v <= 255)).toBe(true);
    }
    expect(applyShift(imgs, 5, 'noisy', 0.3, 1)).not.toEqual(applyShift(imgs, 5, 'noisy', 0.3, 2));
  });
  it('shifts each image by about `strength` pixels in a seeded direction', () => {
    const img = strokes(8);
    const out = applyShift(img, 1, 'shifted', 6, 5);
    const next = lcg(5);
    const phi = 2 * Math.PI * next();
    expect(out).toEqual(shiftImage(img, Math.round(6 * Math.cos(phi)), Math.round(6 * Math.sin(phi)), 28, 28, new Float32Array(784)));
  });
  it('describes itself in words', () => {
    expect(describeShift('rotated', -30)).toBe('rotated by −30°');
    expect(describeShift('inverted', 1)).toBe('inverted');
    expect(describeShift('noisy', 0.5)).toBe('with Gaussian noise σ = 0.5');
  });
});

function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('shiftWords, shiftName and the shift settings speak the reader\'s language', () => {
  it('says a shift and its strength in English (as describeShift) and in Chinese', () => {
    expect(say('en', shiftWords('rotated', -30))).toBe(describeShift('rotated', -30));
    expect(say('zh-CN', shiftWords('rotated', -30))).toBe('旋转−30°');
    expect(say('zh-CN', shiftWords('inverted', 0.5))).toBe('部分反相（50%）');
    expect(say('zh-CN', shiftWords('thickened', 2))).toBe('加粗2像素');
    expect([say('en', shiftName('noisy')), say('zh-CN', shiftName('noisy'))]).toEqual(['noisy', '加噪声']);
  });
  it('refuses a strength or labels with catalogue messages', () => {
    const refusal = (fn: () => unknown) => { try { fn(); } catch (e) { return e as ParamError; } throw new Error('not refused'); };
    const strength = refusal(() => resolveStrength('rotated', '400'));
    expect(strength.message).toBe('For rotated digits, strength is the angle in degrees, counter-clockwise: a number from -180 to 180; got "400".');
    expect(say('zh-CN', strength.said)).toBe('对于旋转的数字，strength是逆时针旋转的角度（度）：-180到180之间的数；收到的是"400"。');
    const labels = refusal(() => checkLabels(6, 20, 5));
    expect(labels.message).toBe('labels asks for 6 labelled images of each digit, but 20 target images hold only 4 of each; use labels ≤ 4 or more images.');
    expect(say('zh-CN', labels.said)).toBe('labels要求每个数字6张带标签图像，但20张目标域图像中每个数字只有4张；请使用labels ≤ 4，或增加图像数。');
  });
});
