/**
 * The brute-force receptive field: start from one unit of layer L (a one-hot map, like the gradient of that
 * unit's value) and walk it down through every layer's actual taps — stride, dilation, padding and borders
 * included — counting, for each unit below, how many paths lead from it to the chosen unit. A unit can affect
 * the chosen one exactly when its count is above zero. No formula is used: this is the oracle for formula.ts.
 */
import { sizeAt, type Plan } from './plan.ts';

/** Counts for layers 0 (the input) to L, each a row-major n×n Float64Array. */
export function dependencyCounts(plan: Plan, layer: number, unit: [number, number]): Float64Array[] {
  const maps: Float64Array[] = [];
  let cur = new Float64Array(sizeAt(plan, layer) ** 2);
  cur[unit[0] * sizeAt(plan, layer) + unit[1]] = 1;
  maps[layer] = cur;
  for (let l = layer; l >= 1; l--) {
    const { k, s, d, padBefore, inSize, outSize } = plan.layers[l - 1]!;
    const below = new Float64Array(inSize * inSize);
    for (let oy = 0; oy < outSize; oy++)
      for (let ox = 0; ox < outSize; ox++) {
        const c = cur[oy * outSize + ox]!;
        if (c === 0) continue;
        for (let ky = 0; ky < k; ky++) {
          const iy = oy * s - padBefore + ky * d;
          if (iy < 0 || iy >= inSize) continue;
          for (let kx = 0; kx < k; kx++) {
            const ix = ox * s - padBefore + kx * d;
            if (ix >= 0 && ix < inSize) below[iy * inSize + ix] += c;
          }
        }
      }
    maps[l - 1] = below;
    cur = below;
  }
  return maps;
}

/** Rows and columns holding a non-zero count, and how many cells are non-zero. */
export function maskBounds(counts: Float64Array, n: number): { rows: [number, number]; cols: [number, number]; cells: number } | null {
  let r0 = n, r1 = -1, c0 = n, c1 = -1, cells = 0;
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      if (counts[y * n + x]! > 0) { cells++; r0 = Math.min(r0, y); r1 = Math.max(r1, y); c0 = Math.min(c0, x); c1 = Math.max(c1, x); }
  return cells ? { rows: [r0, r1], cols: [c0, c1], cells } : null;
}
