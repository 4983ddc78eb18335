import { describe, expect, it } from 'vitest';
import { RUN_DEFAULTS } from '../../../src/lib/transfer/config.ts';
import { cellImages, describeCancelled, describeConfig, describeCurve, describeResult } from '../../../src/lib/transfer/summary.ts';
import type { RunResult } from '../../../src/lib/transfer/run.ts';

const result = (over: Partial<RunResult>): RunResult => ({
  cancelled: false, path: 'features', curve: [], losses: [], accuracy: 0.5, testLoss: 0.7, perClass: [1, 0], confusion: [[2, 0], [2, 0]],
  pred: Int32Array.from([0, 0, 0, 0]), counts: { train: 4, validation: 4, test: 4 }, msPerEpoch: 1, featureMs: 1, totalMs: 2, batchSize: 4, ...over,
});

describe('summary words', () => {
  it('cellImages lists the test-image indices of one confusion cell', () => {
    expect(cellImages([0, 1, 1, 0, 1], [0, 0, 1, 1, 0], 0, 1)).toEqual([1, 4]);
    expect(cellImages([0, 1], [0, 0], 1, 1)).toEqual([]);
  });

  it('describeResult names the test accuracy (measured once), the weakest class and the most frequent mistake', () => {
    expect(describeResult(result({}), ['cat', 'dog'])).toBe('Test accuracy 50.0%: 2 of 4 test images right, measured once after the last epoch; weakest class dog (0.0%). Most frequent mistake: dog taken for cat (2×).');
    expect(describeResult(result({ cancelled: true, pred: new Int32Array(0) }), ['a'])).toBe('Cancelled before the end: the test images were not measured.');
  });

  it('describeCurve gives the validation start, end and best epoch; without a validation set, the training loss', () => {
    const curve = [
      { epoch: 0, trainLoss: null, valLoss: 1.7, valAccuracy: 0.2 },
      { epoch: 1, trainLoss: 0.9, valLoss: 0.8, valAccuracy: 0.7 },
      { epoch: 2, trainLoss: 0.5, valLoss: 0.9, valAccuracy: 0.6 },
    ];
    expect(describeCurve(curve)).toBe('validation accuracy 20.0% before training, 60.0% after epoch 2, training loss 0.500, validation loss 0.900; best 70.0% at epoch 1');
    expect(describeCurve([{ epoch: 1, trainLoss: 0.9, valLoss: null, valAccuracy: null }])).toBe('no validation set (a class has too few drawings to spare one); training loss 0.900 after epoch 1');
    expect(describeCurve([])).toBe('No validation point yet.');
  });

  it('describeCancelled: one sentence for the card (no run) and the live line (with the run), from the last finished epoch', () => {
    const curve = [
      { epoch: 0, trainLoss: null, valLoss: 1.7, valAccuracy: 0.2 },
      { epoch: 1, trainLoss: 0.9, valLoss: 0.8, valAccuracy: 0.5 },
      { epoch: 2, trainLoss: 0.5, valLoss: 0.6, valAccuracy: 0.66 },
    ];
    expect(describeCancelled(curve, 5, true, 'B')).toBe('Run B cancelled after epoch 2 of 5: validation accuracy 66.0%; the test images were not measured.');
    expect(describeCancelled(curve, 5, true)).toBe('Cancelled after epoch 2 of 5: validation accuracy 66.0%; the test images were not measured.');
    expect(describeCancelled(curve.slice(0, 1), 5, true, 'A')).toBe('Run A cancelled before its first epoch ended: the test images were not measured.');
    expect(describeCancelled([{ epoch: 1, trainLoss: 0.25, valLoss: null, valAccuracy: null }], 3, true)).toBe('Cancelled after epoch 1 of 3: training loss 0.250; the test images were not measured.');
    expect(describeCancelled([], 3, false, 'C')).toBe('Run C cancelled before it started.');
  });

  it('describeConfig reads as a sentence', () => {
    expect(describeConfig(RUN_DEFAULTS)).toBe('digits 0–4 CNN → digits 5–9, 10 per class, both conv blocks frozen, learning rate 0.001 (head ×10), 10 epochs');
  });
});

describe('the lab\'s sentences in Chinese', () => {
  it('describeConfig, describeCurve, describeCancelled say the same figures in the catalogue\'s words', async () => {
    const { describeConfig, describeCurve, describeCancelled } = await import('../../../src/lib/transfer/summary.ts');
    const { RUN_DEFAULTS } = await import('../../../src/lib/transfer/config.ts');
    const c = { ...RUN_DEFAULTS, source: 'random' as const, freeze: 'none' as const, epochs: 1, augment: true };
    expect(describeConfig(c)).toMatch(/^random initialisation → .*, nothing frozen \(full fine-tuning\), .* 1 epoch, shifted copies$/);
    expect(describeConfig(c, 'zh-CN')).toMatch(/^随机初始化 → .*，不冻结（全量微调），学习率.*，1轮，加平移副本$/);
    const curve = [{ epoch: 0, trainLoss: null, valLoss: 2.3, valAccuracy: 0.1 }, { epoch: 1, trainLoss: 0.5, valLoss: 0.4, valAccuracy: 0.9 }];
    expect(describeCurve(curve)).toBe('validation accuracy 10.0% before training, 90.0% after epoch 1, training loss 0.500, validation loss 0.400; best 90.0% at epoch 1');
    expect(describeCurve(curve, 'zh-CN')).toBe('验证准确率训练前为10.0%，第1轮后为90.0%，训练损失为0.500，验证损失为0.400；最高为90.0%，在第1轮');
    expect(describeCancelled(curve, 3, true, 'B')).toBe('Run B cancelled after epoch 1 of 3: validation accuracy 90.0%; the test images were not measured.');
    expect(describeCancelled(curve, 3, true, 'B', 'zh-CN')).toBe('运行B在第1轮（共3轮）后已取消：验证准确率90.0%；未在测试图像上评估。');
  });
});
