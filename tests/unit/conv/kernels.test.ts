import { describe, expect, it } from 'vitest';
import { say, whyOf } from '../../../src/lib/i18n/index.ts';
import { formatKernel, formatWeight, isScalable, parseKernel, parseKernelRows, parseKernelSize, presetKernel, PRESETS, type PresetName } from '../../../src/lib/conv/kernels.ts';
import { parseWeight } from '../../../src/lib/params/number-cell.ts';
import { ParamError } from '../../../src/lib/params/param-error.ts';

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

describe('presetKernel sums', () => {
  it.each<[PresetName, number, number]>([
    ['box-blur', 3, 1], ['box-blur', 5, 1], ['gaussian', 3, 1], ['gaussian', 5, 1], ['gaussian', 7, 1],
    ['identity', 3, 1], ['identity', 5, 1], ['sharpen', 3, 1], ['emboss', 3, 1],
    ['sobel-x', 3, 0], ['sobel-y', 3, 0], ['laplacian', 3, 0],
  ])('%s %i×%i sums to %i', (name, size, want) => {
    expect(sum(presetKernel(name, size).values)).toBeCloseTo(want, 12);
  });
});

describe('presetKernel shapes and values', () => {
  it('identity has a single 1 in the centre', () => {
    const k = presetKernel('identity', 5);
    expect(k).toMatchObject({ rows: 5, cols: 5 });
    expect(k.values.indexOf(1)).toBe(12);
    expect(k.values.filter((v) => v !== 0)).toEqual([1]);
  });

  it('gaussian 3×3 is [1,2,1]ᵀ[1,2,1]/16 and symmetric', () => {
    expect(presetKernel('gaussian', 3).values).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16));
    const g5 = presetKernel('gaussian', 5).values;
    expect(g5).toEqual([...g5].reverse());
    expect(Math.max(...g5)).toBe(g5[12]);
  });

  it('sobel-x is the hand-written filter', () => {
    expect(presetKernel('sobel-x').values).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
  });

  it.each(PRESETS.filter((p) => !isScalable(p)))('%s stays 3×3 whatever size is asked', (name) => {
    expect(presetKernel(name, 5)).toMatchObject({ rows: 3, cols: 3 });
  });

  it.each([1, 3, 5, 7])('scalable presets take size %i', (n) => {
    for (const name of PRESETS.filter(isScalable)) {
      const k = presetKernel(name, n, 3);
      expect([k.rows, k.cols, k.values.length]).toEqual([n, n, n * n]);
    }
  });

  it('random is seeded, deterministic, two-decimal and within [−1, 1]', () => {
    const a = presetKernel('random', 3, 42).values;
    expect(presetKernel('random', 3, 42).values).toEqual(a);
    expect(presetKernel('random', 3, 43).values).not.toEqual(a);
    for (const v of a) {
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
      expect(Math.round(v * 100) / 100).toBe(v);
    }
    expect(new Set(a).size).toBeGreaterThan(1);
  });
});

describe('parseKernel: accepted', () => {
  it.each<[string, number, number, number[]]>([
    ['1,0,-1; 2,0,-2; 1,0,-1', 3, 3, [1, 0, -1, 2, 0, -2, 1, 0, -1]],
    ['1 2\n3 4', 2, 2, [1, 2, 3, 4]],
    ['1, 2, 3;', 1, 3, [1, 2, 3]], // a trailing separator is not an empty row
    ['0.5 -.25 +2 1e-3', 1, 4, [0.5, -0.25, 2, 0.001]],
    ['1/9, 1/9; 1/9, 1/9', 2, 2, [1 / 9, 1 / 9, 1 / 9, 1 / 9]],
  ])('%j → %i×%i', (raw, rows, cols, values) => {
    expect(parseKernel('kernel', raw)).toEqual({ rows, cols, values });
  });

  it('names presets case-insensitively', () => {
    expect(parseKernel('kernel', ' Sobel-X ')).toEqual(presetKernel('sobel-x'));
    expect(parseKernel('kernel', 'gaussian', 5)).toEqual(presetKernel('gaussian', 5));
  });

  it('round-trips through formatKernel', () => {
    const k = parseKernel('kernel', '1,0.5,-1; 2,0,-2');
    expect(parseKernel('kernel', formatKernel(k))).toEqual(k);
  });
});

describe('parseKernel: refused with a message naming the problem', () => {
  it.each<[string, RegExp]>([
    ['abc', /Unknown kernel preset "abc"/],
    ['NaN', /Unknown kernel preset "NaN"/], // a bare word is read as a preset name
    ['1,NaN; 2,3', /row 1, column 2\) must be a number; got "NaN"/],
    ['1,,2', /row 1, column 2\) is empty/],
    ['1e40', /too large/],
    ['1,2; 3,1e400', /finite/],
    ['1/0', /finite/],
    ['1,2; 3', /same number of cells \(2\)/],
    ['', /is empty/],
    ['  ;  ', /is empty/],
    [Array.from({ length: 8 }, () => '1,1,1,1,1,1,1,1').join(';'), /from 1×1 to 7×7; got 8×8/],
    ['1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99', /got 1×99/],
  ])('%j', (raw, message) => {
    expect(() => parseKernel('kernel', raw)).toThrow(ParamError);
    expect(() => parseKernel('kernel', raw)).toThrow(message);
  });

  it('parseKernelRows does not accept preset names', () => {
    expect(() => parseKernelRows('kernel', 'sobel-x')).toThrow(/must be a number/);
  });
});

describe('parseKernelSize', () => {
  it.each([['1', 1], ['7', 7], [' 3 ', 3]])('%j → %i', (raw, n) => expect(parseKernelSize('kernel-size', raw)).toBe(n));
  it.each(['0', '99', '8', '-3', '2.5', 'three', ''])('%j is refused', (raw) => {
    expect(() => parseKernelSize('kernel-size', raw)).toThrow(/kernel-size must be a whole number from 1 to 7/);
  });
});

describe('formatWeight', () => {
  it.each([
    [1, '1'],
    [-2, '-2'],
    [1 / 9, '1/9'],
    [3 / 128, '3/128'],
    [0.37, '0.37'],
    [-0.05, '-0.05'],
    [1 / 16, '0.0625'],
    [Math.PI, String(Math.PI)],
  ])('%d → %s, and parses back exactly', (v, text) => {
    expect(formatWeight(v)).toBe(text);
    expect(parseWeight('w', text)).toBe(v);
  });
  it('round-trips every preset through formatKernel → parseKernel', () => {
    for (const name of PRESETS) for (const size of [1, 3, 5, 7]) {
      const k = presetKernel(name, size, 7);
      expect(parseKernel('kernel', formatKernel(k)).values).toEqual(k.values);
    }
  });
});

describe('kernel messages in the reader\'s language', () => {
  const said = (fn: () => unknown) => {
    try { fn(); } catch (e) { return whyOf(e); }
    throw new Error('no error');
  };
  it.each<[string, RegExp, RegExp]>([
    ['abc', /^Unknown kernel preset "abc"\. Choose one of: identity, box-blur/, /^没有名为"abc"的卷积核预设/],
    ['1,2; 3', /same number of cells \(2\); check "1,2; 3"\.$/, /每一行须有相同个数的数（2个）/],
    ['', /^kernel is empty/, /^kernel为空/],
    [Array.from({ length: 8 }, () => '1,1,1,1,1,1,1,1').join(';'), /from 1×1 to 7×7; got 8×8\.$/, /1×1到7×7之间，现为8×8。$/],
  ])('%j', (raw, en, zh) => {
    const why = said(() => parseKernel('kernel', raw))!;
    expect(say('en', why)).toMatch(en);
    expect(say('zh-CN', why)).toMatch(zh);
  });
  it('parseKernelSize', () => {
    const why = said(() => parseKernelSize('kernel-size', '9'))!;
    expect(say('en', why)).toBe('kernel-size must be a whole number from 1 to 7; got "9".');
    expect(say('zh-CN', why)).toBe('kernel-size须为1到7之间的整数，现为"9"。');
  });
});
