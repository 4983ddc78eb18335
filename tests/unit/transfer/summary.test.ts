import { describe, expect, it } from 'vitest';
import { RUN_DEFAULTS } from '../../../src/lib/transfer/config.ts';
import { cellImages, describeConfig, describeCurve, describeResult } from '../../../src/lib/transfer/summary.ts';
import type { RunResult } from '../../../src/lib/transfer/run.ts';

const result = (over: Partial<RunResult>): RunResult => ({
  cancelled: false, path: 'features', curve: [], losses: [], accuracy: 0.5, perClass: [1, 0], confusion: [[2, 0], [2, 0]],
  pred: Int32Array.from([0, 0, 0, 0]), msPerEpoch: 1, featureMs: 1, totalMs: 2, batchSize: 4, ...over,
});

describe('summary words', () => {
  it('cellImages lists the held-out indices of one confusion cell', () => {
    expect(cellImages([0, 1, 1, 0, 1], [0, 0, 1, 1, 0], 0, 1)).toEqual([1, 4]);
    expect(cellImages([0, 1], [0, 0], 1, 1)).toEqual([]);
  });

  it('describeResult names the accuracy, the weakest class and the most frequent mistake', () => {
    expect(describeResult(result({}), ['cat', 'dog'])).toBe('50.0% of 4 held-out images right; weakest class dog (0.0%). Most frequent mistake: dog taken for cat (2×).');
    expect(describeResult(result({ cancelled: true, pred: new Int32Array(0) }), ['a'])).toBe('Cancelled before any evaluation.');
  });

  it('describeCurve gives the start, the end and the best epoch', () => {
    const curve = [
      { epoch: 0, trainLoss: null, testLoss: 1.7, testAccuracy: 0.2 },
      { epoch: 1, trainLoss: 0.9, testLoss: 0.8, testAccuracy: 0.7 },
      { epoch: 2, trainLoss: 0.5, testLoss: 0.9, testAccuracy: 0.6 },
    ];
    expect(describeCurve(curve)).toBe('held-out accuracy 20.0% before training, 60.0% after epoch 2, training loss 0.500, held-out loss 0.900; best 70.0% at epoch 1');
  });

  it('describeConfig reads as a sentence', () => {
    expect(describeConfig(RUN_DEFAULTS)).toBe('digits 0–4 CNN → digits 5–9, 10 per class, both conv blocks frozen, learning rate 0.001 (head ×10), 10 epochs');
  });
});
