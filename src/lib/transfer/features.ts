/**
 * The fast path for a frozen base: a frozen layer's output never changes during training, so the lab runs the
 * frozen layers once over every image (in inference mode, as the training loop would) and trains only the
 * layers above on those features — a copy of them in a small "head" model (src/lib/head) whose weights are
 * copied back after. On a software GPU this turns minutes of backpropagation through convolutions into seconds.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import type { ImageSet } from '../train/batches.ts';
import { HEAD_KINDS } from '../head/model.ts';

/** Called between chunks with images done so far; resolve false to stop (cancel). */
export type Gate = (done: number, total: number) => Promise<boolean>;

/** Whether layers above index `k` can be trained on cached features (a head can copy them all). */
export function cacheable(model: tfl.LayersModel, k: number): boolean {
  return k >= 0 && model.layers.slice(k + 1).every((l) => HEAD_KINDS.includes(l.getClassName()));
}

/** Outputs of layers 0…k for every image, in chunks; null when the gate stopped it. The caller disposes. */
export async function computeFeatures(tf: Tf, model: tfl.LayersModel, set: ImageSet, k: number, gate: Gate, chunk = 16): Promise<Tensor | null> {
  const parts: Tensor[] = [];
  const px = 784;
  try {
    for (let start = 0; start < set.count; start += chunk) {
      const n = Math.min(chunk, set.count - start);
      const buf = new Float32Array(n * px);
      for (let i = 0; i < buf.length; i++) buf[i] = set.images[start * px + i]! / 255;
      const part = tf.tidy(() => {
        let h: Tensor = tf.tensor4d(buf, [n, 28, 28, 1]);
        for (const layer of model.layers.slice(0, k + 1)) h = layer.apply(h, { training: false }) as Tensor;
        return h;
      });
      parts.push(part);
      // Wait for the device here — the one place to report progress and stop, and it keeps a cancel prompt (the
      // queue holds one chunk, not all of them) — by reading one number: the GPU runs in order, so it is there
      // only once the chunk is, and the whole chunk no longer crosses to the CPU just to be waited for.
      const probe = tf.slice(part, Array(part.rank).fill(0), Array(part.rank).fill(1));
      try {
        await probe.data();
      } finally {
        probe.dispose();
      }
      if (!(await gate(start + n, set.count))) return null;
    }
    return parts.length === 1 ? tf.clone(parts[0]!) : tf.concat(parts);
  } finally {
    tf.dispose(parts);
  }
}
