/**
 * What the playground keeps on the engine's backend between runs: the picture, uploaded once per picture and
 * colour mode (an edit of the kernel, stride, padding or dilation convolves the same tensor again), and the last
 * output, whose numbers are read only when a getter asks. Both belong to the engine scope they were made in, so a
 * lost device or a backend change disposes them with it; the element drops its references on a new scope and on
 * disconnect.
 */
import type { Tensor4D } from '@tensorflow/tfjs-core';
import type { Tf } from '@lib/engine/types.ts';
import type { EngineScope } from '@lib/engine/scope.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';
import { extentOf } from '@lib/charts/diverging.ts';
import { rgbaToTensor, type ColorMode } from '@lib/image/index.ts';
import type { Pixels } from './image-source.ts';

/** The picture on the backend, with its numbers as computed (for getInput and the input canvas) and its minimum. */
export interface Uploaded { px: Pixels; color: ColorMode; plain: PlainTensor; min: number; t: Tensor4D; scope: EngineScope }
/** The last computation; `output` is the pending or finished read of `y`, made on first demand. */
export interface Last { input: PlainTensor; kernel: PlainTensor; y: Tensor4D; scope: EngineScope; output: Promise<PlainTensor> | null }

export class OnBackend {
  uploaded: Uploaded | null = null;
  last: Last | null = null;

  /** Whether `input` would give the picture already on `scope`'s backend (nothing to convert or upload). */
  holds(scope: EngineScope, px: Pixels, color: ColorMode): boolean {
    const u = this.uploaded;
    return !!u && u.px === px && u.color === color && u.scope === scope && !u.t.isDisposed;
  }

  /** The picture on `scope`'s backend: the one already there if picture and colour mode are unchanged. */
  input(tf: Tf, scope: EngineScope, px: Pixels, color: ColorMode): Uploaded {
    if (this.holds(scope, px, color)) return this.uploaded!;
    this.dropInput();
    const plain = rgbaToTensor(px.rgba, px.width, px.height, color);
    const t = scope.own(tf.tensor4d(plain.data, plain.shape as [number, number, number, number], 'float32'));
    this.uploaded = { px, color, plain, min: extentOf(plain.data)[0], t, scope };
    return this.uploaded;
  }

  /** Makes `y` (computed from `input` with `kernel`) the last output, releasing the one it replaces. */
  keep(input: Uploaded, kernel: PlainTensor, y: Tensor4D): Last {
    this.dropLast();
    this.last = { input: input.plain, kernel, y: input.scope.own(y), scope: input.scope, output: null };
    return this.last;
  }

  /** The last output's numbers, read from the backend once (`await data()`, never a synchronous read). */
  output(last: Last): Promise<PlainTensor> {
    const { y } = last;
    last.output ??= y.data().then((data) => ({ data: data as Float32Array, shape: [...y.shape] }));
    return last.output;
  }

  /** Releases both (a new scope, a disconnect). */
  drop(): void {
    this.dropLast();
    this.dropInput();
  }

  private dropLast(): void {
    if (this.last) this.last.scope.release(this.last.y);
    this.last = null;
  }

  private dropInput(): void {
    if (this.uploaded) this.uploaded.scope.release(this.uploaded.t);
    this.uploaded = null;
  }
}
