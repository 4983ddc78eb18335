/** `<fm-dataset-preview>`'s `fm-result` detail (README.md, Events): the slice now on screen. */
import type { ResultDetail } from '../../src/lib/widget/fm-element.ts';

export interface DatasetPreviewResult extends ResultDetail {
  backend: 'none';
  dataset: 'fashion' | 'digits';
  split: 'train' | 'test';
  /** Images shown. */
  count: number;
  /** Bytes loaded for them (the chunks read, not the whole split). */
  bytes: number;
}
export type DatasetPreviewResultEvent = CustomEvent<DatasetPreviewResult>;
