/** `<fm-doodle-classes>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'source', prop: 'source', kind: 'keyword', default: 'fashion-cnn', description: '`fashion-cnn`, `digits04-cnn`' },
  { name: 'classes', prop: 'classes', kind: 'list', default: 'sun, house, tree', description: '2–5 names separated by commas, each ≤ 24 characters, no two alike (case and spaces ignored)' },
  { name: 'epochs', prop: 'epochs', kind: 'integer', default: '100', range: [1, 1000], description: '1–1000 (full-batch steps of the head)' },
  { name: 'seed', prop: 'seed', kind: 'integer', default: '1', range: [0, 999999], description: '0–999999 (the head\'s initial weights)' },
] as const satisfies AttributeSpecs;
