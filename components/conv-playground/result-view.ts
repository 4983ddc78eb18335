/**
 * Writes one computation's numbers into the shell (output shape, formula, caption, time and backend) in `lang`, and
 * the input as computed. The element keeps the last `ResultText` and calls `showResult` again when `lang` changes.
 */
import { label, type Engine } from '@lib/engine/index.ts';
import { chain, t, type Lang, type Msg } from '@lib/i18n/index.ts';
import type { Settings } from './settings.ts';
import { axisFormula, caption, kernelLabel } from './formula.ts';
import { tensorToRgba } from '@lib/image/index.ts';
import type { PlainTensor } from '@lib/conv/tensor.ts';

export interface ResultText {
  s: Settings; preset: string | null; imageName: string | Msg; op: 'conv2d' | 'depthwise';
  inH: number; inW: number; shape: number[]; min: number; max: number; ms: number; engine: Engine;
}

export function showResult(root: ShadowRoot, lang: Lang, r: ResultText): void {
  const text = (role: string, t: string) => (root.querySelector(`[data-role="${role}"]`)!.textContent = t);
  const [, outH, outW, outC] = r.shape as [number, number, number, number];
  const { s } = r;
  text('output-shape', t(lang, 'convPlayground.outputShape', { shape: `${outH}×${outW}${outC > 1 ? `×${outC}` : ''}`, dims: r.shape.join(', ') }));
  text('formula', [
    axisFormula(lang, 'H', r.inH, s.kernel.rows, s.stride, s.dilation, s.padding, outH),
    axisFormula(lang, 'W', r.inW, s.kernel.cols, s.stride, s.dilation, s.padding, outW),
  ].join('\n'));
  const kName = kernelLabel(lang, r.preset, s.kernel.rows, s.kernel.cols);
  text('caption', caption(lang, { kernel: kName, image: r.imageName, color: s.color, op: r.op, inH: r.inH, inW: r.inW, outH, outW, outC, min: r.min, max: r.max }));
  const fn = r.op === 'conv2d' ? 'tf.conv2d' : 'tf.depthwiseConv2d';
  text('timing', t(lang, 'convPlayground.timing', { fn, ms: r.ms.toFixed(1), backend: label(r.engine.backend, lang) }));
  const why = root.querySelector<HTMLElement>('[data-role="why"]')!;
  const reason = chain(r.engine.steps ?? []) ?? r.engine.fallbackReason;
  why.hidden = !r.engine.fallbackReason;
  why.textContent = r.engine.fallbackReason && reason ? t(lang, 'convPlayground.notOnWebgpu', { reason }) : '';
}

/** Draws the input exactly as computed ([1, h, w, c] in [0, 1]). */
export function showInput(root: ShadowRoot, input: PlainTensor): void {
  const canvas = root.querySelector<HTMLCanvasElement>('[data-role="input"]')!;
  const [, h, w] = input.shape as [number, number, number];
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')!.putImageData(new ImageData(tensorToRgba(input) as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
}

/** The input's size and text alternative (`what` it shows), in `lang`. */
export function labelInput(root: ShadowRoot, lang: Lang, input: PlainTensor, what: string | Msg): void {
  const [, h, w] = input.shape as [number, number, number];
  const size = { h: String(h), w: String(w) };
  root.querySelector('[data-role="input"]')!.setAttribute('aria-label', t(lang, 'convPlayground.inputAlt', { ...size, what }));
  root.querySelector('[data-role="input-size"]')!.textContent = t(lang, 'convPlayground.inputSize', size);
}
