/** `<fm-receptive-field>`'s `fm-result` detail (README.md, Events): the chosen unit's field, by formula and by oracle. */
import type { ResultDetail } from '../../src/lib/widget/fm-element.ts';
import type { FieldStep } from '../../src/lib/receptive-field/formula.ts';

/** First and last row, first and last column, 0-based. */
export interface FieldBox { rows: [number, number]; cols: [number, number] }

export interface ReceptiveFieldResult extends ResultDetail {
  backend: 'reference';
  /** The layers in force, as the `layers` attribute writes them. */
  layers: string;
  input: number;
  /** Each layer's output side. */
  sizes: number[];
  /** 1-based layer of the chosen unit, and the unit's 0-based [row, col]. */
  layer: number;
  unit: [number, number];
  r: number;
  j: number;
  start: number;
  /** The formula's square clipped to the image. */
  field: FieldBox;
  /** The formula's square (it may reach into the padding). */
  formulaField: FieldBox;
  /** The oracle's bounding box and the number of input pixels that can affect the unit; null if none can. */
  mask: (FieldBox & { cells: number }) | null;
  /** `{ r, j, start }` for the input and every layer. */
  steps: FieldStep[];
}
export type ReceptiveFieldResultEvent = CustomEvent<ReceptiveFieldResult>;
