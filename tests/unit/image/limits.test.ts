import { describe, expect, it } from 'vitest';
import { checkDecodable, fitWithin, MAX_DECODE_PIXELS, MAX_DECODE_SIDE, MAX_INPUT_SIDE } from '../../../src/lib/image/limits.ts';
import { inspectImageFile } from '../../../src/lib/image/inspect.ts';
import { png } from './fixtures.ts';
import { say, whyOf } from '../../../src/lib/i18n/index.ts';

describe('checkDecodable', () => {
  it.each([
    [30000, 30000], [MAX_DECODE_SIDE + 1, 10], [10, MAX_DECODE_SIDE + 1], [8000, 6000], [0, 10],
  ])('refuses %i×%i', (width, height) => {
    expect(() => checkDecodable({ type: 'png', width, height })).toThrow(/pixels/);
  });
  it.each([[MAX_DECODE_SIDE, 4000], [1, 1], [6000, 6000]])('accepts %i×%i', (width, height) => {
    expect(width * height).toBeLessThanOrEqual(MAX_DECODE_PIXELS);
    expect(() => checkDecodable({ type: 'png', width, height })).not.toThrow();
  });
});

describe('fitWithin', () => {
  it.each([
    [451, 300, 451, 300], [512, 512, 512, 512], [1024, 768, 512, 384], [600, 400, 512, 341], [300, 9000, 17, 512], [8192, 1, 512, 1],
  ])('%i×%i → %i×%i', (w, h, ew, eh) => {
    const got = fitWithin(w, h);
    expect(got).toEqual({ width: ew, height: eh });
    expect(Math.max(got.width, got.height)).toBeLessThanOrEqual(MAX_INPUT_SIDE);
  });
});

describe('inspectImageFile', () => {
  it('refuses the 30000×30000 header before any decoding', () => {
    expect(() => inspectImageFile(png(30000, 30000, false))).toThrow(/30000×30000 pixels \(height × width\), too large/);
  });
  it('gives the downscaled target of a large real picture', () => {
    expect(inspectImageFile(png(1200, 900)).target).toEqual({ width: 512, height: 384 });
  });
});

describe('refusals in the reader’s language', () => {
  it('carry a catalogue message: English as before, Chinese through whyOf', () => {
    let err: unknown;
    try { inspectImageFile(png(30000, 30000, false)); } catch (e) { err = e; }
    expect((err as Error).message).toBe('This picture is 30000×30000 pixels (height × width), too large to open here (at most 8192 pixels a side and 40 megapixels). Make it smaller first.');
    expect(say('zh-CN', whyOf(err)!)).toBe('这张图片有30000×30000像素（高×宽），太大，无法在这里打开（每边最多8192像素，总共最多40百万像素）。请先把它缩小。');
    let empty: unknown;
    try { checkDecodable({ type: 'gif', width: 0, height: 3 }); } catch (e) { empty = e; }
    expect(say('zh-CN', whyOf(empty)!)).toBe('这个GIF文件声明的图片是空的（3×0像素，高×宽）。');
  });
});
