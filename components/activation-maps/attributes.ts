/** `<fm-activation-maps>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'image', prop: 'image', kind: 'keyword', default: 'chelsea', description: '`chelsea`, `astronaut`, `camera`, `coins`, `brick`' },
  { name: 'activation', prop: 'activation', kind: 'keyword', default: 'relu', description: '`relu`, `leaky-relu`, `sigmoid`, `tanh`, `gelu`' },
  { name: 'slope', prop: 'slope', kind: 'number', default: '0.1', range: [0, 1], description: 'Leaky ReLU slope, 0–1' },
  { name: 'channel', prop: 'channel', kind: 'integer', default: '1', range: [1, 4], description: 'the map shown, 1–4' },
] as const satisfies AttributeSpecs;
