/**
 * Shapes, parameters and multiply-adds of each layer of a sequential network, from its description alone
 * (no tensors): the numbers Chapter 2 asks readers to derive by hand, with its conventions:
 * - a convolution costs outH·outW·kh·kw·cin·cout multiply-adds; its bias is a parameter, not a multiply-add;
 * - a dense layer costs in·out;
 * - batch norm, ReLU, pooling, flatten and softmax multiply nothing by a weight: 0 multiply-adds (a trained
 *   batch norm folds into the convolution before it);
 * - batch norm has 4 numbers per channel: γ and β are trained, the moving mean and variance are not.
 * Chapter 2's table of the small CNN comes from here too (smallCnnSpecs in small-cnn-spec.ts, a hand description that
 * a unit test holds to the real tfjs-layers model).
 */
import { convCost } from '../conv/cost.ts';
import { outputLength } from '../conv/geometry.ts';
import type { LayerSpec } from './layer-spec.ts';

/** A shape without the batch axis: [h, w, c] for maps, [n] for vectors. */
export type Shape = number[];

export interface LayerRow {
  name: string;
  kind: LayerSpec['kind'];
  inShape: Shape;
  outShape: Shape;
  /** Trained weights. */
  trainable: number;
  /** Stored but not trained (batch norm's moving statistics). */
  fixed: number;
  macs: number;
}

export interface LayerTable { rows: LayerRow[]; trainable: number; fixed: number; params: number; macs: number }

const size = (s: Shape) => s.reduce((a, b) => a * b, 1);

function needMap(spec: LayerSpec, s: Shape): [number, number, number] {
  if (s.length !== 3) throw new Error(`layer "${spec.name}" (${spec.kind}) needs a [h, w, c] input, got [${s.join(', ')}]`);
  return s as [number, number, number];
}

/** One layer's row, given the shape it receives. */
export function layerRow(spec: LayerSpec, inShape: Shape): LayerRow {
  const row = (outShape: Shape, trainable = 0, fixed = 0, macs = 0): LayerRow => ({ name: spec.name, kind: spec.kind, inShape, outShape, trainable, fixed, macs });
  switch (spec.kind) {
    case 'conv': {
      const [h, w, cin] = needMap(spec, inShape);
      const [kh, kw] = spec.kernel;
      const oh = outputLength(h, kh, spec.stride, 1, spec.padding);
      const ow = outputLength(w, kw, spec.stride, 1, spec.padding);
      const cost = convCost(oh, ow, kh, kw, cin, spec.filters, spec.bias);
      return row([oh, ow, spec.filters], cost.params, 0, cost.macs);
    }
    case 'bn': {
      const c = inShape[inShape.length - 1]!;
      return row(inShape, 2 * c, 2 * c);
    }
    case 'relu':
    case 'softmax':
      return row(inShape);
    case 'pool': {
      const [h, w, c] = needMap(spec, inShape);
      return row([outputLength(h, spec.size, spec.stride, 1, 'valid'), outputLength(w, spec.size, spec.stride, 1, 'valid'), c]);
    }
    case 'flatten':
      return row([size(inShape)]);
    case 'gap':
      return row([needMap(spec, inShape)[2]]);
    case 'dense': {
      if (inShape.length !== 1) throw new Error(`layer "${spec.name}" (dense) needs a flat input, got [${inShape.join(', ')}]`);
      const n = inShape[0]!;
      return row([spec.units], n * spec.units + (spec.bias ? spec.units : 0), 0, n * spec.units);
    }
  }
}

export function layerTable(specs: readonly LayerSpec[], inputShape: Shape): LayerTable {
  const rows: LayerRow[] = [];
  let shape = inputShape;
  for (const spec of specs) {
    const r = layerRow(spec, shape);
    rows.push(r);
    shape = r.outShape;
  }
  const sum = (k: 'trainable' | 'fixed' | 'macs') => rows.reduce((s, r) => s + r[k], 0);
  const trainable = sum('trainable');
  const fixed = sum('fixed');
  return { rows, trainable, fixed, params: trainable + fixed, macs: sum('macs') };
}

/** "28×28×32" for a map, "3136" for a vector. */
export function formatShape(s: Shape): string {
  return s.join('×');
}
