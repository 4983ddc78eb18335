import { describe, expect, it } from 'vitest';
import { ImageFileError, sniffImage } from '../../../src/lib/image/sniff.ts';
import { bmp, gif, jpeg, png, webpExtended, webpLossless, webpLossy } from './fixtures.ts';

describe('sniffImage reads type and size from the first bytes', () => {
  it.each([
    ['png', png(451, 300), 451, 300],
    ['jpeg', jpeg(640, 480), 640, 480],
    ['gif', gif(320, 200), 320, 200],
    ['bmp', bmp(7, 5), 7, 5],
    ['bmp', bmp(7, 5, true), 7, 5],
    ['webp', webpLossy(1000, 750), 1000, 750],
    ['webp', webpLossless(12345 % 16384, 99), 12345 % 16384, 99],
    ['webp', webpExtended(4000, 3000), 4000, 3000],
  ] as const)('%s %#', (type, bytes, width, height) => {
    expect(sniffImage(bytes)).toEqual({ type, width, height });
  });

  it('reads a 30000×30000 claim from a PNG header without touching pixel data', () => {
    expect(sniffImage(png(30000, 30000, false))).toEqual({ type: 'png', width: 30000, height: 30000 });
  });
});

describe('sniffImage refuses', () => {
  it.each([
    ['a text file', new Uint8Array(Buffer.from('hello, this is not a picture\n')), /not an image/],
    ['an empty file', new Uint8Array(0), /not an image/],
    ['a PNG cut in half', png(64, 64).subarray(0, 300), /incomplete/],
    ['a PNG signature alone', png(64, 64).subarray(0, 8), /incomplete/],
    ['a JPEG without its end marker', jpeg(64, 64).subarray(0, 25), /incomplete/],
    ['a JPEG cut inside its headers', jpeg(64, 64).subarray(0, 10), /incomplete/],
    ['a GIF without its trailer', gif(8, 8).subarray(0, 15), /incomplete/],
    ['a WebP shorter than its RIFF size', webpLossy(8, 8).subarray(0, 28), /incomplete/],
    ['a BMP shorter than its declared size', bmp(8, 8).subarray(0, 100), /incomplete/],
  ])('%s', (_, bytes, message) => {
    expect(() => sniffImage(bytes)).toThrow(ImageFileError);
    expect(() => sniffImage(bytes)).toThrow(message);
  });
});
