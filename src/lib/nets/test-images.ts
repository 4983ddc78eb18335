/**
 * A shipped model's held-out test images, numbered 0…count−1 as the model's card counts them: Fashion-MNIST's
 * whole test split for fashion-cnn; for digits04-cnn the digits test images labelled 0–4, in packed order
 * (the same selection scripts/pretrain/datasets.ts evaluates). Which packed image an index means follows from
 * the manifest's class counts alone, so an index is checked before any image is fetched; images come in by
 * chunk prefix (src/lib/data), and a prefix already loaded is reused.
 */
import { interleavedLabels, loadSlice, type DataSlice, type FetchLike, type Manifest } from '../data/index.ts';
import type { ModelSpec } from '../models/shipped.ts';
import { ParamError } from '../params/index.ts';
import { msg } from '../i18n/t.ts';

export const TEST_SPLIT = 'test';

export interface TestSet { dataset: string; count: number; labels: Uint8Array; positions: Uint32Array }

/** Index i of the model's test set is packed image positions[i], of class labels[i]. */
export function testSetOf(spec: ModelSpec, manifest: Manifest): TestSet {
  const split = manifest.datasets[spec.dataset]?.splits[TEST_SPLIT];
  if (!split) throw new Error(`manifest.json has no ${spec.dataset}/${TEST_SPLIT} split`);
  const packed = interleavedLabels(split.classCounts);
  const keep: number[] = [];
  packed.forEach((c, i) => { if (c < spec.classes) keep.push(i); });
  return { dataset: spec.dataset, count: keep.length, positions: Uint32Array.from(keep), labels: Uint8Array.from(keep, (i) => packed[i]!) };
}

/** The index as a whole number within the model's test set, or a message saying which range is allowed. */
export function checkImageIndex(set: TestSet, model: string, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= set.count) {
    throw new ParamError('image', msg('networkExplorer.imageRange', { last: String(set.count - 1), model, count: set.count, image: String(index) }));
  }
  return index;
}

export interface TestImage { index: number; label: number; pixels: Uint8Array }

export class TestImages {
  private slices = new Map<string, DataSlice>();
  private readonly base: string;
  private readonly manifest: Manifest;
  private readonly fetchFn: FetchLike | undefined;

  /** `fetchFn`: Node passes a file reader (scripts/data/file-fetch.mts); browsers use fetch. */
  constructor(base: string, manifest: Manifest, fetchFn?: FetchLike) {
    this.base = base;
    this.manifest = manifest;
    this.fetchFn = fetchFn;
  }

  async get(set: TestSet, index: number, signal?: AbortSignal): Promise<TestImage> {
    const pos = set.positions[index]!;
    let slice = this.slices.get(set.dataset);
    if (!slice || slice.count <= pos) {
      // The whole chunk holding `pos` is fetched anyway: keep all of it, so neighbours need no new request.
      const chunk = this.manifest.datasets[set.dataset]!.splits[TEST_SPLIT]!.images.find((c) => pos < c.start + c.count);
      const limit = chunk ? chunk.start + chunk.count : pos + 1;
      slice = await loadSlice({ base: this.base, manifest: this.manifest, dataset: set.dataset, split: TEST_SPLIT, limit, signal, fetch: this.fetchFn });
      this.slices.set(set.dataset, slice);
    }
    const [h, w] = slice.shape.slice(1) as [number, number];
    return { index, label: set.labels[index]!, pixels: slice.images.slice(pos * h * w, (pos + 1) * h * w) };
  }
}
