/** `<fm-conv-playground>`'s `fm-result` detail (README.md, Events): the convolution just run, its shapes and range. */
import type { EngineResult } from '../../src/lib/widget/fm-element.ts';
import type { ConvOp } from '../../src/lib/conv/tf-conv.ts';
import type { Settings } from './settings.ts';

export interface ConvPlaygroundResult extends EngineResult {
  op: ConvOp;
  inputShape: number[];
  kernelShape: number[];
  outputShape: number[];
  min: number;
  max: number;
  /** The settings in force, in attribute syntax where one exists (`kernel` as rows, `padding` as written). */
  settings: { image: string; kernel: string; stride: number; padding: string; dilation: number; color: Settings['color']; rgbMode: Settings['rgbMode'] };
}
export type ConvPlaygroundResultEvent = CustomEvent<ConvPlaygroundResult>;
