/** `<fm-vanishing-gradients>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'depth', prop: 'depth', kind: 'integer', default: '20', range: [1, 50], description: '1–50' },
  { name: 'width', prop: 'width', kind: 'integer', default: '64', range: [4, 128], description: '4–128' },
  { name: 'activation', prop: 'activation', kind: 'keyword', default: 'sigmoid', description: '`sigmoid`, `tanh`, `relu`' },
  { name: 'init', prop: 'init', kind: 'keyword', default: 'naive', description: '`naive` (N(0, 1)), `glorot` (N(0, 2/(n_in+n_out))), `he` (N(0, 2/n_in))' },
  { name: 'seed', prop: 'seed', kind: 'integer', default: '1', range: [0, 2 ** 31 - 1], description: '0–2³¹−1' },
  { name: 'architecture', prop: 'architecture', kind: 'keyword', default: 'plain', description: '`plain`, `residual`' },
  { name: 'layer', prop: 'layer', kind: 'integer', default: '1', description: 'read-out layer, 1…depth' },
] as const satisfies AttributeSpecs;
