/** `<fm-loss-curves>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'classes', prop: 'classes', kind: 'integer', default: '10', range: [2, 10], description: 'K, 2–10' },
  { name: 'gradient', prop: 'gradient', kind: 'keyword', default: 'logit', description: '`logit` (∂L/∂z_y) or `p` (dL/dp)' },
  { name: 'losses', prop: 'losses', kind: 'list', default: 'ce,mse,hinge', description: 'any of `ce`, `mse`, `hinge`, comma-separated' },
  { name: 'p', prop: 'p', kind: 'number', default: '0.1', range: [0.001, 0.999], description: 'read-out position, 0.001–0.999' },
] as const satisfies AttributeSpecs;
