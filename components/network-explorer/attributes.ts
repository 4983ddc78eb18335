/** `<fm-network-explorer>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'model', prop: 'model', kind: 'keyword', default: 'fashion-cnn', description: '`fashion-cnn`, `digits04-cnn`' },
  { name: 'image', prop: 'image', kind: 'integer', default: '0', description: 'test image number, 0 … count − 1 (10,000 for fashion-cnn, 1,025 for digits04-cnn)' },
  { name: 'layer', prop: 'layer', kind: 'keyword', default: 'conv1', description: 'the selected map\'s layer: `conv1`, `bn1`, `relu1`, `pool1`, `conv2`, `bn2`, `relu2`, `pool2`' },
  { name: 'map', prop: 'map', kind: 'integer', default: '1', description: 'the selected map, 1 … the layer\'s number of maps (32 or 64)' },
] as const satisfies AttributeSpecs;
