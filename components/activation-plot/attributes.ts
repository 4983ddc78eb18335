/** `<fm-activation-plot>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'functions', prop: 'functions', kind: 'list', default: 'relu,sigmoid,tanh', description: 'comma list of `relu`, `leaky-relu`, `sigmoid`, `tanh`, `gelu`' },
  { name: 'slope', prop: 'slope', kind: 'number', default: '0.1', range: [0, 1], description: 'Leaky ReLU\'s slope for x < 0, a number from 0 to 1' },
  { name: 'x', prop: 'x', kind: 'number', default: '1', range: [-4, 4], description: 'read-out position, −4 to 4; written back as the reader moves it' },
] as const satisfies AttributeSpecs;
