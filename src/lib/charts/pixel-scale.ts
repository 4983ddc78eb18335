/**
 * One pixel scale for an input and its output, so a stride-2 output is drawn half as wide as its input and a
 * size change is visible at a glance. `1` and `2` are fixed (CSS pixels per image pixel); `fit` picks the
 * largest common scale that shows both within the available width: side by side when that keeps them at least
 * half size, else one above the other.
 */
export type Zoom = 'fit' | 1 | 2;
export const ZOOMS: readonly Zoom[] = ['fit', 1, 2];

export interface PairLayout {
  zoom: Zoom;
  /** Width the pair may use, CSS pixels. */
  available: number;
  /** Input width in image pixels. */
  inW: number;
  /** Width of the output row in image pixels (all channels' maps side by side, without gaps). */
  outW: number;
  /** Gap between the two figures and between maps, CSS pixels. */
  gap: number;
  /** Output channels shown side by side. */
  maps?: number;
  /** Narrowest the output figure gets (its legend needs room), CSS pixels. */
  outMin?: number;
}

/** Fit never magnifies past this: a tiny upload would otherwise become a few huge blocks. */
export const MAX_FIT = 4;
/** Below this, side by side gives way to stacked. */
const SIDE_MIN = 0.5;

export function parseZoom(raw: string): Zoom {
  return raw === '1' ? 1 : raw === '2' ? 2 : 'fit';
}

/** CSS pixels per image pixel for both figures. */
export function pairScale(p: PairLayout): number {
  if (p.zoom !== 'fit') return p.zoom;
  const a = Math.max(1, p.available);
  const inW = Math.max(1, p.inW);
  const outW = Math.max(1, p.outW);
  const mapGaps = ((p.maps ?? 1) - 1) * p.gap;
  const outMin = Math.min(p.outMin ?? 0, a);
  // Side by side: inW·s + max(outW·s + mapGaps, outMin) + gap ≤ a.
  let side = (a - p.gap - mapGaps) / (inW + outW);
  if (outW * side + mapGaps < outMin) side = (a - p.gap - outMin) / inW;
  const stacked = Math.min(a / inW, (a - mapGaps) / outW);
  return Math.min(MAX_FIT, side >= SIDE_MIN ? side : stacked);
}
