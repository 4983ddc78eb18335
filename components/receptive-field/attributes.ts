/** `<fm-receptive-field>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'preset', prop: 'preset', kind: 'keyword', default: 'small-cnn', description: '`small-cnn` (conv 3, pool 2, conv 3, pool 2 on 28×28), `vgg` (VGG-16 blocks 1–3 on 64×64), `resnet-stem` (conv 7 s2, pool 3 s2 same, conv 3, conv 3 on 64×64), `dilated` (3×3 convs with dilations 1, 2, 4, 8 on 40×40)' },
  { name: 'layers', prop: 'layers', kind: 'text', default: null, description: 'items split by commas: `conv 3`, `pool 2`, `conv 3 s2 d2 valid`, `conv 3x3` … — `s` stride 1–4, `d` dilation 1–8, window 1–11, `same` or `valid`; conv defaults to stride 1 and `same`, pool to stride = window and `valid`; 1–16 layers. Overrides the preset\'s', propNote: '(text)', defaultNote: 'the preset\'s' },
  { name: 'input-size', prop: 'inputSize', kind: 'integer', default: null, range: [4, 128], description: '4–128 (a square input). Overrides the preset\'s', defaultNote: 'the preset\'s' },
  { name: 'layer', prop: 'layer', kind: 'integer', default: null, description: '1 to the number of layers: the layer whose unit is picked', defaultNote: 'the last' },
  { name: 'unit', prop: 'unit', kind: 'cell', default: null, description: '`"row,column"`, counted from 1; written back as the reader picks', propNote: '(0-based `[row, col]`)', defaultNote: 'the centre' },
] as const satisfies AttributeSpecs;
