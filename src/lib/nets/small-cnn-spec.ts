/**
 * The book's small CNN (src/lib/models/small-cnn.ts, shipped trained as fashion-cnn and digits04-cnn) written out
 * by hand as layer specs, for Chapter 2's table and its what-ifs (no pooling, wider filters, a global-average-
 * pooling head): two blocks of 3×3 'same' conv without bias → BatchNorm → ReLU → 2×2 max pool, then flatten,
 * dense + ReLU, dense logits, softmax. A unit test holds it to the real tfjs-layers model layer by layer.
 * `head: 'gap'` swaps flatten + hidden dense for global average pooling, the design most modern CNNs use.
 */
import type { LayerSpec } from './layer-spec.ts';

/** tfjs-layers' default BatchNormalization epsilon. */
const BN_EPSILON = 1e-3;

export function smallCnnSpecs(opts: { classes?: number; filters?: [number, number]; hidden?: number; head?: 'flatten' | 'gap' } = {}): LayerSpec[] {
  const { classes = 10, filters = [32, 64], hidden = 64, head = 'flatten' } = opts;
  const blocks = filters.flatMap((f, i): LayerSpec[] => [
    { kind: 'conv', name: `conv${i + 1}`, kernel: [3, 3], filters: f, stride: 1, padding: 'same', bias: false, relu: false },
    { kind: 'bn', name: `bn${i + 1}`, epsilon: BN_EPSILON },
    { kind: 'relu', name: `relu${i + 1}` },
    { kind: 'pool', name: `pool${i + 1}`, size: 2, stride: 2, op: 'max' },
  ]);
  const top: LayerSpec[] = head === 'gap'
    ? [{ kind: 'gap', name: 'gap' }]
    : [{ kind: 'flatten', name: 'flatten' }, { kind: 'dense', name: 'hidden', units: hidden, bias: true, relu: true }];
  return [...blocks, ...top, { kind: 'dense', name: 'logits', units: classes, bias: true, relu: false }, { kind: 'softmax', name: 'probs' }];
}
