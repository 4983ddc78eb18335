/** `<fm-loss-race>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'per-class', prop: 'perClass', kind: 'integer', default: '20', range: [2, 160], description: '2–160 training images per class' },
  { name: 'epochs', prop: 'epochs', kind: 'integer', default: '5', range: [1, 50], description: '1–50' },
  { name: 'seed', prop: 'seed', kind: 'integer', default: '1', range: [0, 2 ** 31 - 1], description: '0–2147483647 (initial weights and batch order)' },
  { name: 'learning-rate', prop: 'learningRate', kind: 'number', default: '0.003', range: [0.00001, 1], description: '0.00001–1 (Adam\'s step)' },
] as const satisfies AttributeSpecs;
