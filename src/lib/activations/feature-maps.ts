/**
 * Real feature maps before and after an activation: a grayscale photo convolved by a few fixed kernels
 * (tfjs conv2d on the engine, 'same' padding, one output channel per kernel), then the activation applied with
 * tfjs ops on the engine. Plain arrays in and out; every tensor made here is disposed before returning.
 * The float64 oracle for tests is conv/reference.ts followed by activations/functions.ts.
 */
import type { Tf } from '../engine/types.ts';
import type { PlainTensor } from '../conv/tensor.ts';
import { parseKernel } from '../conv/kernels.ts';
import type { ActivationName } from './functions.ts';
import { applyActivation } from './tf-activation.ts';

export const MAP_KERNELS = ['sobel-x', 'sobel-y', 'laplacian', 'emboss'] as const;

/** The four 3×3 kernels as one [3, 3, 1, 4] tensor in tfjs layout. */
export function mapKernels(): PlainTensor {
  const data = new Float32Array(9 * MAP_KERNELS.length);
  MAP_KERNELS.forEach((name, k) => parseKernel('kernel', name).values.forEach((v, i) => (data[i * MAP_KERNELS.length + k] = v)));
  return { data, shape: [3, 3, 1, MAP_KERNELS.length] };
}

export interface MapsResult { before: PlainTensor; after: PlainTensor; ms: number; backend: string }

export async function runMaps(tf: Tf, input: PlainTensor, kernel: PlainTensor, name: ActivationName, slope: number): Promise<MapsResult> {
  const t0 = performance.now();
  const x = tf.tensor4d(input.data, input.shape as [number, number, number, number]);
  const w = tf.tensor4d(kernel.data, kernel.shape as [number, number, number, number]);
  const made: ReturnType<Tf['tensor']>[] = [x, w];
  try {
    const before = tf.conv2d(x, w, 1, 'same');
    made.push(before);
    const after = applyActivation(tf, before, name, slope);
    made.push(after);
    const [b, a] = (await Promise.all([before.data(), after.data()])) as [Float32Array, Float32Array];
    return { before: { data: b, shape: [...before.shape] }, after: { data: a, shape: [...after.shape] }, ms: performance.now() - t0, backend: tf.getBackend() };
  } finally {
    tf.dispose(made);
  }
}
