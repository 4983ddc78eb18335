import { describe, expect, it } from 'vitest';
import { describeReuse, layerName } from '../../../../components/feature-reuse/reuse-summary.ts';
import { say } from '../../../../src/lib/i18n/index.ts';
import type { LayerScore } from '../../../../src/lib/transfer/reuse.ts';

const score = (layer: string, dim: number, accuracy: number) => ({ layer, dim, accuracy, trainAccuracy: 1 }) as LayerScore;
const s = { model: 'digits04-cnn', digit: 7, labels: 10, seed: 1 };
const pre = [score('pool1', 6272, 0.824), score('pool2', 3136, 0.9), score('hidden', 64, 0.804)];
const rand = [score('pool1', 6272, 0.788), score('pool2', 3136, 0.82), score('hidden', 64, 0.792)];

describe('describeReuse', () => {
  const m = describeReuse(s, 250, score('pixels', 784, 0.76), pre, rand);
  it('says the probes in English as before', () => {
    expect(say('en', m)).toBe('A linear probe trained on 10 labelled digits of each class 5–9 (digits the model never saw), scored on 250 held-out ones: '
      + 'raw pixels 76.0%; pool1 (6,272 features) 82.4% pretrained vs 78.8% random; pool2 (3,136 features) 90.0% pretrained vs 82.0% random; '
      + 'hidden (64 features) 80.4% pretrained vs 79.2% random. The best pretrained layer is pool2 (90.0%); pretraining helps most at pool2 (+8.0 points over random).');
  });
  it('and in Chinese', () => {
    expect(say('zh-CN', m)).toBe('在5–9每类10个带标签的数字（模型从未见过的数字）上训练线性探针，在250个留出的数字上评估：原始像素76.0%；'
      + 'pool1（6,272个特征）：预训练82.4%，随机78.8%；pool2（3,136个特征）：预训练90.0%，随机82.0%；hidden（64个特征）：预训练80.4%，随机79.2%。'
      + '预训练模型最好的层是pool2（90.0%）；预训练在pool2层帮助最大（相对随机模型+8.0个百分点）。');
  });
  it('names the pixels baseline as a word, layers by their names', () => {
    expect(say('zh-CN', layerName('pixels') as never)).toBe('像素');
    expect(layerName('pool2')).toBe('pool2');
  });
});
