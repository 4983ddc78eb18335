/**
 * The sizes a stack of layers produces from a square input, layer by layer, with the padding TensorFlow puts
 * before (top/left) each layer's input. Shares the output-size and 'same'-padding rules with the convolution
 * chapter (conv/geometry.ts); pooling is the same sliding window with a max or mean in place of the weights.
 */
import { outputLength, padAlong } from '../conv/geometry.ts';
import type { Layer } from './layers.ts';
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';

export interface PlannedLayer extends Layer {
  /** Side of this layer's input and output maps. */
  inSize: number; outSize: number;
  /** Zero rows (and columns) padded before the input, top and left. */
  padBefore: number;
}

export interface Plan { input: number; layers: PlannedLayer[] }

export function planLayers(layers: readonly Layer[], input: number): Plan | { error: Msg } {
  const planned: PlannedLayer[] = [];
  let n = input;
  for (const [i, l] of layers.entries()) {
    const outSize = outputLength(n, l.k, l.s, l.d, l.padding);
    if (outSize < 1) {
      const span = (l.k - 1) * l.d + 1;
      const at = { n: i + 1, kind: l.kind, k: l.k, span, size: n };
      return { error: l.d > 1 ? msg('receptiveField.noOutputDilated', { ...at, d: l.d }) : msg('receptiveField.noOutput', at) };
    }
    planned.push({ ...l, inSize: n, outSize, padBefore: padAlong(n, l.k, l.s, l.d, l.padding)[0] });
    n = outSize;
  }
  return { input, layers: planned };
}

/** The side of layer `index`'s output (0 = the input itself). */
export function sizeAt(plan: Plan, index: number): number {
  return index === 0 ? plan.input : plan.layers[index - 1]!.outSize;
}
