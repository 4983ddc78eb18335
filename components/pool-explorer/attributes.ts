/** `<fm-pool-explorer>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'image', prop: 'image', kind: 'keyword', default: 'coins', description: '`chelsea`, `astronaut`, `camera`, `coins`, `brick`, or `draw` (the reader\'s drawing)' },
  { name: 'kernel', prop: 'kernel', kind: 'keyword', default: 'sobel-x', description: '`sobel-x`, `sobel-y`, `laplacian`, `identity` (the input itself)' },
  { name: 'relu', prop: 'relu', kind: 'boolean', default: 'on', description: '`on`, `off`', propNote: '(boolean)' },
  { name: 'mode', prop: 'mode', kind: 'keyword', default: 'max', description: '`max`, `avg`, `global` (global average pooling; size and stride do not apply)' },
  { name: 'size', prop: 'size', kind: 'integer', default: '2', range: [1, 8], description: '1–8, the side of the square window' },
  { name: 'stride', prop: 'stride', kind: 'integer', default: '2', range: [1, 8], description: '1–8' },
  { name: 'cell', prop: 'cell', kind: 'cell', default: null, description: '`"row,column"` of the pooled cell shown, counted from 1; written back as the reader picks', propNote: '(0-based `[row, col]`)', defaultNote: 'the strongest cell' },
] as const satisfies AttributeSpecs;
