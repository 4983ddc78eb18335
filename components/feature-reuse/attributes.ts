/** `<fm-feature-reuse>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'model', prop: 'model', kind: 'keyword', default: 'digits04-cnn', description: '`digits04-cnn`, `fashion-cnn`' },
  { name: 'digit', prop: 'digit', kind: 'integer', default: '7', range: [0, 9], description: '0–9, the test digit whose maps are shown' },
  { name: 'labels', prop: 'labels', kind: 'integer', default: '10', range: [1, 50], description: 'labelled training digits per class for the probes, 1–50' },
  { name: 'seed', prop: 'seed', kind: 'integer', default: '1', range: [1, 999999], description: '1–999999 (random model, labelled picks)' },
] as const satisfies AttributeSpecs;
