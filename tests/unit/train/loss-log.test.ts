import { describe, expect, it } from 'vitest';
import { LossLog, MAX_READ_EVERY, ReadCadence } from '../../../src/lib/train/loss-log.ts';
import { cpu } from './helpers.ts';

describe('LossLog', () => {
  it('keeps the last `capacity` losses on the device and reads the newest `count`, oldest first', async () => {
    const tf = await cpu();
    const before = tf.memory().numTensors;
    const log = new LossLog(tf, 4);
    for (const v of [1, 2, 3, 4, 5, 6]) {
      const t = tf.scalar(v);
      log.push(t);
      t.dispose();
    }
    expect(await log.read(3)).toEqual([4, 5, 6]);
    expect(await log.read(4)).toEqual([3, 4, 5, 6]);
    await expect(log.read(5)).rejects.toThrow(/holds 4 losses, asked for 5/);
    log.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with capacity 1 holds just the last loss (read every step: no slice, no concat)', async () => {
    const tf = await cpu();
    const log = new LossLog(tf, 1);
    const t = tf.scalar(2.5);
    log.push(t);
    t.dispose();
    expect(await log.read(1)).toEqual([2.5]);
    log.dispose();
  });
});

describe('ReadCadence', () => {
  it('a fixed readEvery reads at its multiples and never earlier; its ring holds at most the run', () => {
    const c = new ReadCadence({ readEvery: 4, totalSteps: 100 });
    expect([1, 2, 3, 4, 5, 8].map((s) => c.due(s, s % 4 || 4))).toEqual([false, false, false, true, false, true]);
    c.record(4, 4000);
    expect(c.due(12, 4)).toBe(true);
    expect(c.capacity).toBe(4);
    expect(c.flushesOnPause).toBe(false);
    expect(new ReadCadence({ readEvery: 100, totalSteps: 12 }).capacity).toBe(12);
    expect(() => new ReadCadence({ readEvery: 0, totalSteps: 5 })).toThrow(/readEvery must be a whole number ≥ 1, got 0/);
  });

  it('by time: first read after one step, then as many steps as fit the interval (1 … capacity)', () => {
    const c = new ReadCadence({ totalSteps: 1000, intervalMs: 400 });
    expect(c.capacity).toBe(MAX_READ_EVERY);
    expect(c.due(1, 1)).toBe(true);
    c.record(1, 2000); // the first step compiles: slow
    expect(c.due(2, 1)).toBe(true);
    c.record(1, 50); // 50 ms a step: 8 steps in 400 ms
    expect([1, 7, 8].map((k) => c.due(10, k))).toEqual([false, false, true]);
    c.record(8, 8); // 1 ms a step: capped at the ring's size
    expect(c.due(100, MAX_READ_EVERY - 1)).toBe(false);
    expect(c.due(100, MAX_READ_EVERY)).toBe(true);
    c.record(2, 1000); // slower than the interval: every step
    expect(c.due(101, 1)).toBe(true);
    expect(c.flushesOnPause).toBe(true);
    expect(new ReadCadence({ totalSteps: 3 }).capacity).toBe(3);
  });
});
