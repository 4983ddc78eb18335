/**
 * A sequential CNN described as plain data, and its table: each layer's output shape, weights (trainable and
 * not) and multiply-adds (MACs) for one image. Conventions, as in Chapter 1: a MAC is one multiplication added to
 * a sum; biases are parameters but not MACs; BatchNorm, ReLU, pooling, flatten and softmax do a few operations per
 * value and no weight multiplications, so they are counted as 0 MACs (at inference BatchNorm folds into the conv
 * before it). BatchNorm holds 4 numbers per channel: γ and β (trained) and the moving mean and variance (not).
 */
import { outputLength } from '../conv/geometry.ts';
import { poolOutputLength } from '../pool/geometry.ts';

export type NetLayer =
  | { kind: 'conv'; name: string; filters: number; k: number; padding: 'same' | 'valid'; bias: boolean }
  | { kind: 'batchnorm' | 'relu' | 'flatten' | 'softmax' | 'globalavgpool'; name: string }
  | { kind: 'maxpool'; name: string; size: number }
  | { kind: 'dense'; name: string; units: number; bias: boolean };

export interface LayerRow {
  name: string; kind: NetLayer['kind'];
  /** Output shape without the batch axis: [h, w, c] or [n]. */
  shape: number[];
  params: number; trainable: number; macs: number;
}

export function layerTable(input: [number, number, number], layers: readonly NetLayer[]): LayerRow[] {
  let shape: number[] = [...input];
  return layers.map((l) => {
    const [h, w, c] = shape as [number, number, number];
    let params = 0, trainable = 0, macs = 0;
    switch (l.kind) {
      case 'conv': {
        const oh = outputLength(h, l.k, 1, 1, l.padding), ow = outputLength(w, l.k, 1, 1, l.padding);
        params = trainable = l.k * l.k * c * l.filters + (l.bias ? l.filters : 0);
        macs = oh * ow * l.k * l.k * c * l.filters;
        shape = [oh, ow, l.filters];
        break;
      }
      case 'batchnorm': params = 4 * shape.at(-1)!; trainable = 2 * shape.at(-1)!; break;
      case 'maxpool': shape = [poolOutputLength(h, l.size, l.size), poolOutputLength(w, l.size, l.size), c]; break;
      case 'globalavgpool': shape = [c]; break;
      case 'flatten': shape = [shape.reduce((a, b) => a * b, 1)]; break;
      case 'dense': {
        const n = shape[0]!;
        params = trainable = n * l.units + (l.bias ? l.units : 0);
        macs = n * l.units;
        shape = [l.units];
        break;
      }
    }
    return { name: l.name, kind: l.kind, shape: [...shape], params, trainable, macs };
  });
}

export function totals(rows: readonly LayerRow[]): { params: number; trainable: number; macs: number } {
  return rows.reduce((t, r) => ({ params: t.params + r.params, trainable: t.trainable + r.trainable, macs: t.macs + r.macs }), { params: 0, trainable: 0, macs: 0 });
}

/**
 * The book's small CNN (src/lib/models/small-cnn.ts, shipped trained as fashion-cnn): two blocks of 3×3 'same'
 * conv without bias → BatchNorm → ReLU → 2×2 max pool, then flatten, dense + ReLU, dense logits, softmax.
 * `head: 'gap'` swaps flatten + hidden dense for global average pooling, the design most modern CNNs use.
 */
export function smallCnnLayers(opts: { classes?: number; filters?: [number, number]; hidden?: number; head?: 'flatten' | 'gap' } = {}): NetLayer[] {
  const { classes = 10, filters = [32, 64], hidden = 64, head = 'flatten' } = opts;
  const blocks = filters.flatMap((f, i): NetLayer[] => [
    { kind: 'conv', name: `conv${i + 1}`, filters: f, k: 3, padding: 'same', bias: false },
    { kind: 'batchnorm', name: `bn${i + 1}` },
    { kind: 'relu', name: `relu${i + 1}` },
    { kind: 'maxpool', name: `pool${i + 1}`, size: 2 },
  ]);
  const top: NetLayer[] = head === 'gap'
    ? [{ kind: 'globalavgpool', name: 'gap' }]
    : [{ kind: 'flatten', name: 'flatten' }, { kind: 'dense', name: 'hidden', units: hidden, bias: true }, { kind: 'relu', name: 'hidden_relu' }];
  return [...blocks, ...top, { kind: 'dense', name: 'logits', units: classes, bias: true }, { kind: 'softmax', name: 'probs' }];
}
