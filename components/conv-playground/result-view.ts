/** Writes one computation's numbers into the shell (output shape, formula, caption, time and backend), and the input as computed. */
import { label, type Engine } from '@lib/engine/index.ts';
import type { Settings } from './settings.ts';
import { axisFormula, caption, kernelLabel } from './formula.ts';
import { tensorToRgba } from '@lib/image/index.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';

export interface ResultText {
  s: Settings; preset: string | null; imageName: string; op: 'conv2d' | 'depthwise';
  inH: number; inW: number; shape: number[]; min: number; max: number; ms: number; engine: Engine;
}

export function showResult(root: ShadowRoot, r: ResultText): void {
  const text = (role: string, t: string) => (root.querySelector(`[data-role="${role}"]`)!.textContent = t);
  const [, outH, outW, outC] = r.shape as [number, number, number, number];
  const { s } = r;
  text('output-shape', `${outH}×${outW}${outC > 1 ? `×${outC}` : ''} (shape [${r.shape.join(', ')}])`);
  text('formula', [
    axisFormula('H', r.inH, s.kernel.rows, s.stride, s.dilation, s.padding, outH),
    axisFormula('W', r.inW, s.kernel.cols, s.stride, s.dilation, s.padding, outW),
  ].join('\n'));
  const kName = kernelLabel(r.preset, s.kernel.rows, s.kernel.cols);
  text('caption', caption({ kernel: kName, image: r.imageName, color: s.color, op: r.op, inH: r.inH, inW: r.inW, outH, outW, outC, min: r.min, max: r.max }));
  const fn = r.op === 'conv2d' ? 'tf.conv2d' : 'tf.depthwiseConv2d';
  text('timing', `${fn} took ${r.ms.toFixed(1)} ms on ${label(r.engine.backend)}.`);
  const why = root.querySelector<HTMLElement>('[data-role="why"]')!;
  why.hidden = !r.engine.fallbackReason;
  why.textContent = r.engine.fallbackReason ? `Not on WebGPU because ${r.engine.fallbackReason}.` : '';
}

/** Draws the input exactly as computed ([1, h, w, c] in [0, 1]) with its text alternative `what`. */
export function showInput(root: ShadowRoot, input: PlainTensor, what: string): void {
  const canvas = root.querySelector<HTMLCanvasElement>('[data-role="input"]')!;
  const [, h, w] = input.shape as [number, number, number];
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')!.putImageData(new ImageData(tensorToRgba(input) as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
  canvas.setAttribute('aria-label', `Input image, ${h}×${w} pixels (height × width): ${what}`);
  root.querySelector('[data-role="input-size"]')!.textContent = `${h}×${w} (height × width)`;
}
