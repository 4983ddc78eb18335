/**
 * Validation metrics of a network on a held-out set kept on the GPU: both losses (cross-entropy and squared
 * error on probabilities, the definitions the trainer minimises) and the accuracy, in inference mode. The set
 * is uploaded once and run in chunks of the training batch size — the shapes training already compiled GPU
 * programs for (a new shape costs a shader compile, seconds on a software GPU) — summed on the GPU, and read
 * back once.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';
import { upload, type ImageSet } from '../train/batches.ts';
import { crossEntropy, logitsSliced, squaredError } from '../train/forward.ts';
import { runSliced, yieldToPage } from '../schedule/slices.ts';

export interface Metrics { ce: number; mse: number; accuracy: number }

export class Validator {
  readonly count: number;
  private readonly tf: Tf;
  private readonly x: Tensor;
  private readonly y: Tensor;
  private readonly chunk: number;

  constructor(tf: Tf, set: ImageSet, chunk: number) {
    this.tf = tf;
    this.count = set.count;
    this.chunk = chunk;
    ({ x: this.x, y: this.y } = upload(tf, set));
  }

  async measure(model: LayersModel): Promise<Metrics> {
    const { tf, x, y, count } = this;
    let sums = tf.zeros([3]);
    try {
      for (let start = 0; start < count; start += this.chunk) {
        // Each chunk is its own task, and its forward pass and its metrics two: the first pass records every GPU
        // program (~20 ms of main thread each on a software GPU, 4× that on a phone; 19–25 ms in one task when the
        // two were one), and a page opening with the race must stay responsive.
        if (start > 0) await yieldToPage();
        const n = Math.min(this.chunk, count - start);
        // The forward pass pauses between layers where it runs long (the first chunk builds its GPU programs).
        const xb = tf.slice(x, [start, 0, 0, 0], [n, -1, -1, -1]);
        let z: Tensor;
        try {
          z = await runSliced(logitsSliced(tf, model, xb, false));
        } finally {
          xb.dispose();
        }
        const yb = tf.slice(y, [start], [n]);
        let next: Tensor;
        try {
          await yieldToPage();
          next = tf.tidy(() => {
            const hits = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), yb), 'float32'));
            // The losses are batch means: back to sums, so unequal chunks weigh right.
            return tf.add(sums, tf.stack([tf.mul(crossEntropy(tf, z, yb), n), tf.mul(squaredError(tf, z, yb), n), hits]));
          });
        } finally {
          tf.dispose([z, yb]);
        }
        sums.dispose();
        sums = next;
      }
      const [ce, mse, hits] = await sums.data();
      return { ce: ce! / count, mse: mse! / count, accuracy: hits! / count };
    } finally {
      sums.dispose();
    }
  }

  dispose(): void {
    this.tf.dispose([this.x, this.y]);
  }
}
