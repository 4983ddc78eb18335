/** `<fm-domain-shift>`'s attributes (see src/lib/widget/attribute-spec.ts): the README table is generated from this. */
import type { AttributeSpecs } from '../../src/lib/widget/attribute-spec.ts';

export const SPEC = [
  { name: 'shift', prop: 'shift', kind: 'keyword', default: 'inverted', description: '`inverted`, `rotated`, `noisy`, `thickened`, `shifted`' },
  { name: 'strength', prop: 'strength', kind: 'number', default: null, description: 'depends on `shift`: inverted 0–1 (share of the way to the negative), rotated −180–180 (degrees), noisy 0–1 (σ as a share of the pixel range), thickened 1–3 (dilation radius, px), shifted 1–10 (px, random direction per image)', defaultNote: '1, 45, 0.5, 2, 6' },
  { name: 'seed', prop: 'seed', kind: 'integer', default: '1', range: [1, 999999], description: '1–999999 (noise, directions, labelled picks, batch order)' },
  { name: 'images', prop: 'images', kind: 'integer', default: '200', range: [10, 1000], description: 'unlabelled target images for AdaBN, 10–1000' },
  { name: 'labels', prop: 'labels', kind: 'integer', default: '10', range: [0, 20], description: 'labelled target images per digit for fine-tuning, 0–20, at most `images`÷5' },
  { name: 'after', kind: 'keyword', default: 'adabn', description: '`adabn`, `finetuned`: the second PCA panel' },
] as const satisfies AttributeSpecs;
