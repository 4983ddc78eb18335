import { describe, expect, it } from 'vitest';
import { checkDecodable, fitWithin, MAX_DECODE_PIXELS, MAX_DECODE_SIDE, MAX_INPUT_SIDE } from '../../../src/lib/image/limits.ts';
import { inspectImageFile } from '../../../src/lib/image/inspect.ts';
import { png } from './fixtures.ts';

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
