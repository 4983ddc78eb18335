/** Shared by the training tests: tfjs on the CPU backend in Node, a seeded synthetic image set. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { lcg } from '../../../src/lib/random/lcg.ts';
import type { ImageSet } from '../../../src/lib/train/batches.ts';

export async function cpu(): Promise<typeof tf> {
  await tf.setBackend('cpu');
  return tf;
}

/** `count` 28×28 images: class c has a bright bar at row 2c + noise, so a CNN can learn it quickly. */
export function synthetic(count: number, classes: number, seed: number): ImageSet {
  const next = lcg(seed);
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % classes;
    labels[i] = c;
    for (let p = 0; p < 784; p++) images[i * 784 + p] = Math.floor(next() * 60) + (Math.floor(p / 28) === 2 * c + 4 ? 180 : 0);
  }
  return { images, labels, count };
}

export async function values(ts: { data(): Promise<ArrayLike<number>> }[]): Promise<Float32Array[]> {
  return Promise.all(ts.map(async (t) => Float32Array.from(await t.data())));
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
