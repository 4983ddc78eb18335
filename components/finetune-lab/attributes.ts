/** `<fm-finetune-lab>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'source', kind: 'keyword', default: 'digits04-cnn', description: '`digits04-cnn`, `fashion-cnn`, `random`', propNote: 'via `runs`' },
  { name: 'target', kind: 'keyword', default: 'digits-5-9', description: '`digits-5-9`, `digits-0-9`, `custom` (the reader\'s saved doodle classes, or `setCustomTarget`)', propNote: 'via `runs`' },
  { name: 'per-class', kind: 'integer', default: '10', range: [1, 500], description: 'labelled examples per class, 1–500', propNote: 'via `runs`' },
  { name: 'freeze', kind: 'keyword', default: 'conv2', description: '`none` (fine-tune all), `conv1` (block 1), `conv2` (both conv blocks), `hidden` (all but the new head)', propNote: 'via `runs`' },
  { name: 'lr', kind: 'number', default: '0.001', range: [0.00001, 1], description: 'learning rate, 0.00001–1', propNote: 'via `runs`' },
  { name: 'head-lr', kind: 'number', default: '10', range: [0.1, 100], description: 'multiplier for the new head\'s learning rate, 0.1–100', propNote: 'via `runs`' },
  { name: 'epochs', kind: 'integer', default: '10', range: [1, 50], description: '1–50', propNote: 'via `runs`' },
  { name: 'augment', kind: 'keyword', default: 'off', description: '`on`, `off`', propNote: 'via `runs`' },
  { name: 'compare', prop: 'compare', kind: 'text', default: null, description: 'up to two runs, `;`-separated, each `key=value` pairs of the keys above', defaultNote: 'none' },
  { name: 'seed', prop: 'seed', kind: 'integer', default: '1', range: [0, 999999], description: '0–999999: picks the examples and the validation images, initialises the head, orders batches and shifts' },
  { name: 'holdout', prop: 'holdout', kind: 'integer', default: '20', range: [5, 150], description: 'test images per class, 5–150 (digits targets)' },
] as const satisfies AttributeSpecs;
