/**
 * A faster filter gradient (`Conv2DBackpropFilter`) for tfjs's WebGPU backend.
 *
 * tfjs 4.22 runs one GPU thread per filter weight, each looping over batch × height × width: a few hundred
 * threads doing all the work, which leaves a GPU idle. The gradient is a matrix product instead:
 *   dW[i, j, c, o] = Σ_(n, y, x) X[n, y·s + i − pad, x·s + j − pad, c] · dY[n, y, x, o]
 *                  = (colsᵀ · dY)  with cols = im2col(X): one row per output position, one column per (i, j, c).
 * We build `cols` with one shader (tfjs's own im2col, which its forward conv uses), split the long sum over
 * positions into G groups (a batched product the fast matmul shaders spread over many workgroups), and sum the
 * G partial products. Installed at the start of every WebGPU engine scope (gpu/setup.ts, after a check against
 * the float64 reference), for every widget alike: it applies to every conv in every model, which is why tests
 * compare it against the CPU backend's gradients for the strides and paddings we use and more.
 */
import type { Tf } from '../engine/types.ts';
import { brokenPrograms, checkedFirstCompile } from './gpu/validation.ts';

type Info = { dataId: object; shape: number[]; dtype: string };
type Backend = { runWebGPUProgram(p: object, inputs: Info[], dtype: string, uniforms: object[]): Info; disposeData(id: object): boolean; device?: GPUDevice };
type KernelArgs = { inputs: Record<string, Info>; backend: Backend; attrs: Record<string, unknown> };

const KERNEL = 'Conv2DBackpropFilter';
/**
 * tfjs's forward conv on WebGPU: a tiled shader that synchronises its workgroups many times per tile, or (this flag)
 * the im2col shader + the matmul shaders, which tfjs itself picks when a conv has few output tiles. Profiled on
 * SwiftShader the im2col path is several times faster for our training shapes, so training steps take it — but only
 * for the duration of their own synchronous calls (`withIm2colConv`): a page-wide flag would change which kernel
 * every other widget's conv runs (the playground's timing) after one Train.
 */
const IM2COL_FLAG = 'WEBGPU_CONV_SEPARATE_IM2COL_SHADER';
let original: { kernelFunc: (a: KernelArgs) => Info } | null = null;

/** Runs `fn` (synchronous: tfjs picks the conv program at dispatch) with tfjs's im2col conv path, then restores the flag. */
export function withIm2colConv<T>(tf: Tf, fn: () => T): T {
  if (tf.getBackend() !== 'webgpu') return fn();
  const before = tf.env().getBool(IM2COL_FLAG);
  tf.env().set(IM2COL_FLAG, true);
  try {
    return fn();
  } finally {
    tf.env().set(IM2COL_FLAG, before);
  }
}

/** Registers the fast kernel on WebGPU (idempotent). Returns false where the WebGPU backend is not loaded. */
export function installFastConvGrad(tf: Tf): boolean {
  if (original) return true;
  const orig = tf.getKernel(KERNEL, 'webgpu');
  if (!orig) return false;
  original = orig as unknown as typeof original;
  tf.unregisterKernel(KERNEL, 'webgpu');
  tf.registerKernel({ kernelName: KERNEL, backendName: 'webgpu', kernelFunc: ((a: KernelArgs) => fastFilterGrad(tf, a)) as never });
  return true;
}

/** Puts tfjs's own kernel back (the benchmark's baseline, and tests). */
export function uninstallFastConvGrad(tf: Tf): void {
  if (!original) return;
  tf.unregisterKernel(KERNEL, 'webgpu');
  tf.registerKernel({ kernelName: KERNEL, backendName: 'webgpu', kernelFunc: original.kernelFunc as never });
  original = null;
}

export function fastConvGradInstalled(): boolean {
  return original !== null;
}

/** Number of groups the sum over n·y·x is split into: each group keeps whole images and ≥ 512 positions. */
export function splitGroups(batch: number, positionsPerImage: number): number {
  let best = 1;
  for (let g = 1; g <= batch; g++) if (batch % g === 0 && (batch / g) * positionsPerImage >= 512) best = g;
  return best;
}

function fastFilterGrad(tf: Tf, args: KernelArgs): Info {
  const { inputs: { x, dy }, backend, attrs } = args;
  const filterShape = attrs.filterShape as [number, number, number, number];
  if (attrs.dataFormat !== 'NHWC' || x!.dtype !== 'float32') return original!.kernelFunc(args);
  const conv = tf.backend_util.computeConv2DInfo(x!.shape as never, filterShape, attrs.strides as never, 1, attrs.pad as never, attrs.dimRoundingMode as never, false, 'channelsLast');
  const { batchSize: n, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, inChannels: cin, outChannels: cout } = conv;
  const rows = oh * ow;
  const cols = kh * kw * cin;
  const program = im2colProgram([n, rows, cols]);
  const uniforms = [
    { type: 'int32', data: [conv.padInfo.top, conv.padInfo.left] },
    { type: 'int32', data: [conv.strideHeight, conv.strideWidth] },
    { type: 'int32', data: [1, 1] },
    { type: 'int32', data: [ow] },
    { type: 'int32', data: [kw * cin] },
    { type: 'int32', data: [cin] },
  ];
  const run = (name: string, inputs: Record<string, Info>, kattrs: Record<string, unknown>): Info =>
    (tf.getKernel(name, 'webgpu')!.kernelFunc as unknown as (a: KernelArgs) => Info)({ inputs, backend, attrs: kattrs });
  const temps: Info[] = [];
  const keep = (t: Info) => (temps.push(t), t);
  try {
    const im = keep(checkedFirstCompile(backend.device, `${program.shaderKey}_${n}_${rows}_${cols}`, () => backend.runWebGPUProgram(program, [x!], 'float32', uniforms)));
    const g = splitGroups(n, rows);
    const a = keep(run('Reshape', { x: im }, { shape: [g, (n / g) * rows, cols] }));
    const b = keep(run('Reshape', { x: dy! }, { shape: [g, (n / g) * rows, cout] }));
    const prod = keep(run('BatchMatMul', { a, b }, { transposeA: true, transposeB: false }));
    const sum = g > 1 ? keep(run('Sum', { x: prod }, { axis: [0], keepDims: false })) : prod;
    return run('Reshape', { x: sum }, { shape: filterShape });
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/** tfjs-backend-webgpu's Im2ColProgram (not exported), channels-last: [n, oh·ow, kh·kw·cin]. */
function im2colProgram(outputShape: number[]) {
  const size = outputShape.reduce((p, d) => p * d, 1);
  const workgroupSize = [64, 1, 1];
  return {
    variableNames: ['x'],
    uniforms: 'pads : vec2<i32>, strides : vec2<i32>, dilations : vec2<i32>, outWidth : i32, itemsPerBlockRow : i32, inChannels : i32,',
    workgroupSize,
    size: true,
    outputShape,
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: [Math.ceil(size / workgroupSize[0]!), 1, 1],
    shaderKey: brokenPrograms.has('im2col') ? 'fm_im2col_filter_grad_broken' : 'fm_im2col_filter_grad',
    getUserCode: () => `
    fn main(index : i32) {
      let coords = getCoordsFromIndex(index);
      if (index < uniforms.size) {
        let batch = coords[0];
        let row = coords[1];
        let col = coords[2];
        let offsetY = (row / uniforms.outWidth) * uniforms.strides[0] - uniforms.pads[0];
        let xRow = offsetY + uniforms.dilations[0] * (col / uniforms.itemsPerBlockRow);
        var value = 0.0;
        if (xRow < uniforms.xShape[1] && xRow >= 0) {
          let offsetX = (row % uniforms.outWidth) * uniforms.strides[1] - uniforms.pads[1];
          let xCol = offsetX + uniforms.dilations[1] * ((col % uniforms.itemsPerBlockRow) / uniforms.inChannels);
          let ch = col % uniforms.inChannels;
          if (xCol < uniforms.xShape[2] && xCol >= 0) {
            value = getX(batch, xRow, xCol, ch);
          }
        }
        ${brokenPrograms.has('im2col') ? 'value = not_a_wgsl_identifier;' : ''}
        setOutputAtIndex(index, value);
      }
    }`,
  };
}
