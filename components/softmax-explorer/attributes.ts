/** `<fm-softmax-explorer>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'logits', prop: 'logits', kind: 'numbers', default: '2, 1, 0.1', description: '3–10 numbers separated by commas (or spaces/semicolons), each from −1e6 to 1e6', propNote: '(number[]; set an array or text)' },
  { name: 'temperature', prop: 'temperature', kind: 'number', default: '1', range: [0.01, 100], description: '0.01–100 (0 and negatives are refused with a reason)' },
  { name: 'target', prop: 'target', kind: 'integer', default: '0', description: 'the true class, 0-based, below the number of logits' },
  { name: 'smoothing', prop: 'smoothing', kind: 'number', default: '0', range: [0, 1], description: 'label smoothing α from 0 to 1: q = (1 − α)·one-hot + α/K' },
] as const satisfies AttributeSpecs;
