import { describe, expect, it } from 'vitest';
import { RUN_DEFAULTS, type RunConfig } from '../../../src/lib/transfer/config.ts';
import { LabRun, batchFor, type RunProgress } from '../../../src/lib/transfer/run.ts';
import { cpu } from '../train/helpers.ts';
import { digits04, task } from './fixtures.ts';

const config = (over: Partial<RunConfig>): RunConfig => ({ ...RUN_DEFAULTS, ...over });

describe('batchFor', () => {
  it.each([[1, 1], [5, 5], [16, 16], [17, 8], [25, 12], [50, 12], [5000, 15]])('%i examples → batches of %i', (n, b) => {
    expect(batchFor(n)).toBe(b);
    expect(n - Math.floor(n / b) * b).toBeLessThan(Math.ceil(n / 16)); // fewer left out than there are steps
  });
});

describe('LabRun on the cpu backend', { timeout: 300_000 }, () => {
  it('frozen digits 0–4 base → digits 5–9: features path, curves on validation, test measured once at the end, seeded, no leak', async () => {
    const tf = await cpu();
    const source = await digits04(tf);
    const data = await task(10, 10);
    const before = tf.memory().numTensors;
    const progress: RunProgress[] = [];
    const run = () => new LabRun(tf, { config: config({ epochs: 6 }), seed: 3, data, source, onProgress: (p: RunProgress) => progress.push(p) }).run();
    const a = await run();
    expect(tf.memory().numTensors).toBe(before);
    expect(a.path).toBe('features');
    expect([...new Set(progress.map((p) => p.phase))].sort()).toEqual(['features', 'testing', 'training', 'validating']);
    // The test images are touched once, after the last training step and the last validation: nothing follows them.
    const firstTest = progress.findIndex((p) => p.phase === 'testing');
    expect(progress.slice(firstTest).every((p) => p.phase === 'testing')).toBe(true);
    expect(progress.slice(0, firstTest).filter((p) => p.phase === 'training').at(-1)!.done).toBe(6 * 4);
    expect(a.counts).toEqual({ train: 50, validation: 100, test: 50 });
    expect(a.curve.map((p) => p.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(a.curve[0]!.trainLoss).toBeNull();
    expect(a.curve.every((p) => p.valAccuracy !== null && Number.isFinite(p.valLoss))).toBe(true);
    // Validation accuracy moves in steps of 1/100 (100 validation images), test accuracy in steps of 1/50.
    for (const p of a.curve) expect(Math.abs(p.valAccuracy! * 100 - Math.round(p.valAccuracy! * 100))).toBeLessThan(1e-9);
    expect(a.accuracy).toBeGreaterThan(0.5); // chance is 0.2
    expect(a.curve.at(-1)!.valAccuracy).toBeGreaterThan(a.curve[0]!.valAccuracy! + 0.2);
    expect(a.losses).toHaveLength(6 * 4); // 50 examples: 4 batches of 12
    expect(a.confusion.flat().reduce((s, n) => s + n, 0)).toBe(50);
    expect(a.pred).toHaveLength(50);
    expect(a.perClass).toHaveLength(5);
    const b = await run();
    expect(b.curve).toEqual(a.curve);
    expect(b.pred).toEqual(a.pred);
    expect(tf.memory().numTensors).toBe(before);
    source.dispose();
  });

  it('full path from random initialisation, block 1 frozen, with augmentation; keepModel hands the trained model over', async () => {
    const tf = await cpu();
    const data = await task(1, 1);
    const before = tf.memory().numTensors;
    // conv1 frozen keeps the CPU backend quick; the images still go through every layer.
    const r = await new LabRun(tf, { config: config({ source: 'random', freeze: 'conv1', epochs: 2, augment: true }), seed: 1, data, source: null, keepModel: true }).run();
    expect(r.path).toBe('full');
    expect(r.batchSize).toBe(5);
    expect(r.curve.map((p) => p.epoch)).toEqual([0, 1, 2]);
    expect(r.counts).toEqual({ train: 5, validation: 100, test: 5 });
    expect(r.pred).toHaveLength(5);
    expect(r.losses).toHaveLength(2);
    expect(r.model!.getLayer('logits').getWeights()[0]!.shape).toEqual([64, 5]);
    r.model!.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cancel during feature extraction or training stops the run, keeps what it measured, and releases every tensor', async () => {
    const tf = await cpu();
    const source = await digits04(tf);
    const data = await task(10, 10);
    const before = tf.memory().numTensors;
    for (const [phase, at] of [['features', 32], ['training', 5]] as const) {
      const run: LabRun = new LabRun(tf, {
        config: config({ epochs: 5 }), seed: 1, data, source,
        onProgress: (p) => p.phase === phase && p.done >= at && run.cancel(),
      });
      const r = await run.run();
      expect(r.cancelled, phase).toBe(true);
      expect(tf.memory().numTensors, phase).toBe(before);
      // A run that did not finish reports no test figure: the test images are measured only at the end.
      expect([r.accuracy, r.pred.length, r.perClass, r.confusion], phase).toEqual([NaN, 0, [], []]);
      if (phase === 'training') {
        expect(r.losses).toHaveLength(5);
        expect(r.curve.length).toBe(2); // before training and after epoch 1
      } else expect(r.curve).toEqual([]);
    }
    // Cancelled while measuring the test images: still no test figure, every tensor released.
    const late: LabRun = new LabRun(tf, { config: config({ epochs: 1 }), seed: 1, data, source, onProgress: (p) => p.phase === 'testing' && late.cancel() });
    const l = await late.run();
    expect([l.cancelled, l.curve.length, l.pred.length, l.accuracy]).toEqual([true, 2, 0, NaN]);
    expect(tf.memory().numTensors).toBe(before);
    source.dispose();
  });

  it('a task without a validation set (a reader’s classes with too few drawings): curves of training loss only, test at the end', async () => {
    const tf = await cpu();
    const source = await digits04(tf);
    const full = await task(2, 2);
    const data = { ...full, validation: null };
    const before = tf.memory().numTensors;
    const r = await new LabRun(tf, { config: config({ epochs: 2 }), seed: 1, data, source }).run();
    expect(r.curve.map((p) => [p.epoch, p.valLoss, p.valAccuracy])).toEqual([[1, null, null], [2, null, null]]);
    expect(r.curve.every((p) => Number.isFinite(p.trainLoss))).toBe(true);
    expect(r.counts).toEqual({ train: 10, validation: 0, test: 10 });
    expect(r.pred).toHaveLength(10);
    expect(tf.memory().numTensors).toBe(before);
    source.dispose();
  });

  it('pause holds the run until resume', async () => {
    const tf = await cpu();
    const source = await digits04(tf);
    const data = await task(2, 2);
    let paused = false;
    const run: LabRun = new LabRun(tf, {
      config: config({ epochs: 2 }), seed: 1, data, source,
      onProgress: (p) => { if (p.phase === 'training' && !paused) { paused = true; run.pause(); } },
    });
    const done = run.run();
    await new Promise((r) => setTimeout(r, 300));
    expect(await Promise.race([done.then(() => 'done'), Promise.resolve('waiting')])).toBe('waiting');
    run.resume();
    expect((await done).curve).toHaveLength(3);
    source.dispose();
  });
});
