/** `<fm-conv-stepper>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'input-size', prop: 'inputSize', kind: 'integer', default: '7', range: [3, 9], description: '3–9 (square input)' },
  { name: 'kernel', prop: 'kernel', kind: 'text', default: 'sobel-x', description: 'a preset (`identity`, `box-blur`, `gaussian`, `sharpen`, `sobel-x`, `sobel-y`, `laplacian`, `emboss`, `random`; 3×3) or rows such as `1,0,-1; 2,0,-2; 1,0,-1` (fractions like `1/9` allowed), at most 5×5' },
  { name: 'stride', prop: 'stride', kind: 'integer', default: '1', range: [1, 3], description: '1–3' },
  { name: 'padding', prop: 'padding', kind: 'padding', default: 'valid', description: '`valid`, `same` (TensorFlow\'s rule: any odd extra row/column at the bottom/right) or 0–3' },
  { name: 'dilation', prop: 'dilation', kind: 'integer', default: '1', range: [1, 3], description: '1–3' },
  { name: 'seed', prop: 'seed', kind: 'integer', default: '1', range: [0, 2 ** 31 - 1], description: '0–2³¹−1; seeds the input and the `random` kernel' },
  { name: 'step', prop: 'step', kind: 'integer', default: '0', description: 'the output being computed, 0-based, row-major; written back as the reader moves, so it round-trips through `/embed/v1/conv-stepper/?…`' },
] as const satisfies AttributeSpecs;
