/**
 * The training loop's losses without a read-back per step. Each step's loss stays on the device in a ring of the
 * last `capacity` values (a fixed shape: one slice + one concat per step, compiled once, whatever the batch size)
 * and the loop reads the ring in one go every few steps — one wait for the GPU instead of one per step, and every
 * step's loss still reaches the chart.
 *
 * How often (ReadCadence): a caller's fixed `readEvery`, or by time — after each read the loop measures the wall
 * time per step (GPU included, since the read waited for it) and reads again after as many steps as fit in
 * `intervalMs` (at least 1, at most `capacity`), so a curve updates at least about twice a second on a slow
 * software GPU and every few dozen steps on a fast one.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from '../engine/types.ts';

/** Steps between reads by time; a real GPU runs far more, but a longer wait only makes the chart jerky. */
export const MAX_READ_EVERY = 64;
/** Target time between two reads when the caller names no `readEvery`: twice a second with room to spare. */
export const READ_INTERVAL_MS = 400;

export class LossLog {
  private ring: Tensor;
  private readonly tf: Tf;
  readonly capacity: number;

  constructor(tf: Tf, capacity: number) {
    this.tf = tf;
    this.capacity = Math.max(1, capacity);
    this.ring = tf.zeros([this.capacity]);
  }

  /** Appends a scalar loss (the caller keeps and disposes it). */
  push(loss: Tensor): void {
    const { tf, capacity } = this;
    const next = tf.tidy(() => (capacity === 1 ? tf.reshape(loss, [1]) : tf.concat([tf.slice(this.ring, 1, capacity - 1), tf.reshape(loss, [1])])));
    this.ring.dispose();
    this.ring = next;
  }

  /** The last `count` losses pushed, oldest first (`count` ≤ capacity). */
  async read(count: number): Promise<number[]> {
    if (count > this.capacity) throw new Error(`LossLog holds ${this.capacity} losses, asked for ${count}`);
    const all = (await this.ring.data()) as Float32Array;
    return Array.from(all.subarray(this.capacity - count));
  }

  dispose(): void {
    this.ring.dispose();
  }
}

export class ReadCadence {
  /** Steps between reads now. */
  private every: number;
  private readonly fixed: boolean;
  private readonly intervalMs: number;
  readonly capacity: number;

  constructor(o: { readEvery?: number; intervalMs?: number; totalSteps: number }) {
    if (o.readEvery !== undefined && !(Number.isInteger(o.readEvery) && o.readEvery >= 1)) throw new Error(`readEvery must be a whole number ≥ 1, got ${o.readEvery}`);
    this.fixed = o.readEvery !== undefined;
    this.intervalMs = o.intervalMs ?? READ_INTERVAL_MS;
    // The first read comes after one step: a curve's first point at once, and the first timing.
    this.every = o.readEvery ?? 1;
    this.capacity = Math.max(1, Math.min(o.readEvery ?? MAX_READ_EVERY, o.totalSteps));
  }

  /** Whether the loop reads after `step` (1-based), `sinceRead` steps after the previous read. */
  due(step: number, sinceRead: number): boolean {
    return this.fixed ? step % this.every === 0 : sinceRead >= this.every;
  }

  /** Whether the curve should be brought up to date before a pause (fixed cadences keep their exact read steps). */
  get flushesOnPause(): boolean {
    return !this.fixed;
  }

  /** After a read: `steps` were trained in `ms` of wall time since the previous one. */
  record(steps: number, ms: number): void {
    if (this.fixed || steps < 1 || !(ms > 0)) return;
    this.every = Math.max(1, Math.min(this.capacity, Math.floor(this.intervalMs / (ms / steps))));
  }
}
