/** `<fm-conv-playground>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'image', prop: 'image', kind: 'keyword', default: 'chelsea', description: 'a sample name from `public/samples/manifest.json` (`chelsea`, `astronaut`, `camera`, `coins`, `brick`) or `draw`' },
  { name: 'kernel', prop: 'kernel', kind: 'text', default: 'sobel-x', description: 'a preset (`identity`, `box-blur`, `gaussian`, `sharpen`, `sobel-x`, `sobel-y`, `laplacian`, `emboss`, `random`) or rows such as `1,0,-1; 2,0,-2; 1,0,-1` (1×1 to 7×7, need not be square)' },
  { name: 'kernel-size', prop: 'kernelSize', kind: 'integer', default: '3', range: [1, 7], description: '1–7, for the scalable presets (identity, box blur, Gaussian, random)' },
  { name: 'stride', prop: 'stride', kind: 'integer', default: '1', range: [1, 4], description: '1–4', propNote: '(number in force)' },
  { name: 'padding', prop: 'padding', kind: 'padding', default: 'valid', description: '`valid`, `same` (TensorFlow\'s rule), or 0–8 zero pixels on every side', propNote: '(`\'valid\'`, `\'same\'` or a number)' },
  { name: 'dilation', prop: 'dilation', kind: 'integer', default: '1', range: [1, 4], description: '1–4 (stride and dilation cannot both exceed 1: TensorFlow.js refuses, and the widget says so)', propNote: '(number in force)' },
  { name: 'color', prop: 'color', kind: 'keyword', default: 'gray', description: '`gray` (Rec. 601 luma) or `rgb`' },
  { name: 'rgb-mode', prop: 'rgbMode', kind: 'keyword', default: 'depthwise', description: '`depthwise` (3 outputs) or `full` (the same 2-D kernel on R, G, B, summed into 1 output)' },
  { name: 'seed', prop: 'seed', kind: 'integer', default: '1', description: 'whole number, for the `random` preset' },
] as const satisfies AttributeSpecs;
