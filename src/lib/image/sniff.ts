/**
 * Reads an image file's type and pixel size from its first bytes, without decoding it, so a file that is
 * not an image, is cut short, or claims a size the browser should never try to allocate is refused first.
 * Formats: PNG, JPEG, GIF, WebP (lossy, lossless, extended) and BMP — what every browser decodes.
 */
import { msg } from '../i18n/t.ts';
import { MessageError } from '../i18n/reader-error.ts';
import type { Msg } from '../i18n/types.ts';

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';
export interface ImageHeader { type: ImageType; width: number; height: number }

/**
 * A file we refuse, with the sentence shown to the reader: a picture that cannot be opened. Given as a catalogue message, it is shown in the reader's language (`why`, read
 * by `whyOf`); its `message` is the English text.
 */
export class ImageFileError extends MessageError {
  constructor(message: string | Msg) {
    super(message);
    this.name = 'ImageFileError';
  }
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => (u16be(b, i) * 65536) + u16be(b, i + 2);
const i32le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
const starts = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

const TRUNCATED = (type: string) => new ImageFileError(msg('image.truncated', { type: type.toUpperCase() }));

/** The header of a complete image file, or an ImageFileError saying why not. */
export function sniffImage(bytes: Uint8Array): ImageHeader {
  const b = bytes;
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(b);
  if (starts(b, [0xff, 0xd8, 0xff])) return jpeg(b);
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return gif(b);
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  if (b.length >= 2 && ascii(b, 0, 2) === 'BM') return bmp(b);
  throw new ImageFileError(msg('image.notImage'));
}

function png(b: Uint8Array): ImageHeader {
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') throw TRUNCATED('png');
  // Every complete PNG ends with an empty IEND chunk and its fixed CRC.
  if (b.length < 45 || ascii(b, b.length - 8, 4) !== 'IEND') throw TRUNCATED('png');
  return { type: 'png', width: u32be(b, 16), height: u32be(b, 20) };
}

function jpeg(b: Uint8Array): ImageHeader {
  let i = 2;
  let header: ImageHeader | null = null;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw new ImageFileError(msg('image.jpegDamaged'));
    const marker = b[i + 1]!;
    if (marker === 0xff) { i += 1; continue; }
    const length = u16be(b, i + 2);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (i + 9 > b.length) break;
      header = { type: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    i += 2 + length;
  }
  if (!header) throw TRUNCATED('jpeg');
  // A complete JPEG ends with EOI (FF D9); some cameras append a few bytes after it.
  const tail = b.subarray(Math.max(0, b.length - 256));
  let eoi = false;
  for (let j = 0; j + 1 < tail.length; j++) if (tail[j] === 0xff && tail[j + 1] === 0xd9) eoi = true;
  if (!eoi) throw TRUNCATED('jpeg');
  return header;
}

function gif(b: Uint8Array): ImageHeader {
  if (b.length < 14 || b[b.length - 1] !== 0x3b) throw TRUNCATED('gif');
  return { type: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
}

function webp(b: Uint8Array): ImageHeader {
  const riffSize = (b[4]! | (b[5]! << 8) | (b[6]! << 16)) + b[7]! * 2 ** 24;
  if (b.length < 30 || b.length < riffSize + 8) throw TRUNCATED('webp');
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') return { type: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { type: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  throw new ImageFileError(msg('image.webpLayout'));
}

function bmp(b: Uint8Array): ImageHeader {
  if (b.length < 26) throw TRUNCATED('bmp');
  const declared = i32le(b, 2);
  if (declared > b.length) throw TRUNCATED('bmp');
  const headerSize = i32le(b, 14);
  if (headerSize === 12) return { type: 'bmp', width: u16le(b, 18), height: u16le(b, 20) };
  // Height is negative for top-down bitmaps.
  return { type: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
}
