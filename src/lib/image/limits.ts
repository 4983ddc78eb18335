import { ImageFileError, type ImageHeader } from './sniff.ts';
import { msg } from '../i18n/t.ts';

/**
 * The documented image limits. A file larger than MAX_DECODE_SIDE on either side, or than MAX_DECODE_PIXELS
 * in all, is refused before the browser decodes it (a 30000×30000 header would ask for 3.6 GB of RGBA).
 * Everything accepted is scaled down so its longest side is at most MAX_INPUT_SIDE: the convolution runs
 * on at most 512×512 pixels, which keeps every kernel size interactive even on a software GPU.
 */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
export const MAX_DECODE_SIDE = 8192;
export const MAX_DECODE_PIXELS = 40_000_000;
export const MAX_INPUT_SIDE = 512;

/** Throws an ImageFileError for an empty image, or one too large to decode. */
export function checkDecodable(h: ImageHeader): void {
  if (h.width < 1 || h.height < 1) throw new ImageFileError(msg('image.empty', { type: h.type.toUpperCase(), height: String(h.height), width: String(h.width) }));
  if (h.width > MAX_DECODE_SIDE || h.height > MAX_DECODE_SIDE || h.width * h.height > MAX_DECODE_PIXELS) {
    throw new ImageFileError(msg('image.tooLarge', { height: String(h.height), width: String(h.width), side: String(MAX_DECODE_SIDE), megapixels: String(MAX_DECODE_PIXELS / 1e6) }));
  }
}

export function checkFileSize(bytes: number): void {
  if (bytes > MAX_FILE_BYTES) throw new ImageFileError(msg('image.fileTooLarge', { size: (bytes / 2 ** 20).toFixed(1), max: String(MAX_FILE_BYTES / 2 ** 20) }));
}

/** The size to draw a picture w wide and h high at: unchanged if it fits, else scaled so the longest side is `max`. */
export function fitWithin(width: number, height: number, max = MAX_INPUT_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
