import type { Tf } from './types.ts';

/**
 * tfjs-webgpu runs every conv2d as a tiled matrix product (Conv2DMM). With one or three input channels and one
 * output channel — the playground's case — almost all of each tile is wasted: measured on SwiftShader, a 3×3
 * conv of a 300×451 gray image took ~930 ms that way and ~4 ms with tfjs's direct program (one thread per
 * output). So for few channels we ask for the direct program, for this call only. `scripts/bench-page.mts`
 * shows the effect; the playground's browser tests hold the results to the float64 reference either way.
 */
export const DIRECT_CONV_MAX_CHANNEL_PRODUCT = 16;

export function withConvProgramFor<T>(tf: Tf, inChannels: number, outChannels: number, run: () => T): T {
  const direct = tf.getBackend() === 'webgpu' && inChannels * outChannels <= DIRECT_CONV_MAX_CHANNEL_PRODUCT;
  if (!direct) return run();
  const env = tf.env();
  const before = env.getBool('WEBGPU_USE_NAIVE_CONV2D_DEBUG');
  env.set('WEBGPU_USE_NAIVE_CONV2D_DEBUG', true);
  try {
    return run(); // the program is chosen when the op is dispatched, synchronously, inside this call
  } finally {
    env.set('WEBGPU_USE_NAIVE_CONV2D_DEBUG', before);
  }
}
