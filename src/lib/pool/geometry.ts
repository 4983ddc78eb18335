/**
 * Pooling geometry. The book pools with 'valid' windows, as Keras's MaxPooling2D does by default: a window of
 * `size` moves `stride` cells at a time and is used only where it fits, so the last cells are dropped when
 * (n − size) is not a multiple of the stride.
 */
import { fitWithin } from '../image/limits.ts';
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';

/** Output length along one axis: ⌊(n − size) / stride⌋ + 1, or 0 when the window does not fit. */
export function poolOutputLength(n: number, size: number, stride: number): number {
  return n < size ? 0 : Math.floor((n - size) / stride) + 1;
}

export interface PoolShape { outH: number; outW: number }

/** Output size of a size×size pool over an h×w map, or a sentence (a catalogue message) saying why there is none. */
export function poolOutput(h: number, w: number, size: number, stride: number): PoolShape | { error: Msg } {
  const outH = poolOutputLength(h, size, stride);
  const outW = poolOutputLength(w, size, stride);
  if (outH < 1 || outW < 1) {
    return { error: msg('poolExplorer.noFit', { size: String(size), h: String(h), w: String(w) }) };
  }
  return { outH, outW };
}

/** Input cells no window ever reads along one axis: the gaps when stride > size, plus the dropped tail. */
export function unreadCells(n: number, size: number, stride: number): number {
  const out = poolOutputLength(n, size, stride);
  if (out === 0) return n;
  const gaps = Math.max(0, stride - size) * (out - 1);
  const tail = n - ((out - 1) * stride + size);
  return gaps + tail;
}

/** The explorer shrinks a photo so its longest side is this many pixels: a 2×2 window is still a visible patch. */
export const MAP_SIDE = 50;

/** The explorer's feature map for a w×h photo: shrunk (src/lib/image fitWithin), then a 3×3 'valid' convolution. */
export function explorerMapSize(width: number, height: number): { h: number; w: number; shrunk: { width: number; height: number } } {
  const shrunk = fitWithin(width, height, MAP_SIDE);
  return { h: shrunk.height - 2, w: shrunk.width - 2, shrunk };
}
