import { describe, expect, it } from 'vitest';
import { gradientCaption } from '../../../../components/vanishing-gradients/gradient-caption.ts';
import { parseLayer } from '../../../../src/lib/nets/plain-net.ts';
import type { ParamError } from '../../../../src/lib/params/index.ts';
import { say } from '../../../../src/lib/i18n/index.ts';

const spec = { activation: 'sigmoid', init: 'glorot', architecture: 'residual' } as const;

describe('gradientCaption', () => {
  it('plain: first, last, their ratio and the read-out layer', () => {
    const text = gradientCaption({ spec: { ...spec, architecture: 'plain' }, norms: [1e-6, 0.5, 2], plain: null, layer: 2 });
    expect(text).toBe('sigmoid, Glorot, N(0, 1/width) initialisation, 3 layers: ‖∂L/∂W‖ is 1.00e-6 at layer 1 and 2 at layer 3, a ratio first/last of 5.00e-7. Layer 2: 0.5.');
  });
  it('residual: both networks\' ratios and the read-out layer of both', () => {
    const text = gradientCaption({ spec, norms: [1, 2, 4], plain: [1e-6, 0.5, 2], layer: 3 });
    expect(text).toContain('Residual network (identity skip), sigmoid');
    expect(text).toContain('is 1 at layer 1 and 4 at layer 3, a ratio first/last of 0.25.');
    expect(text).toContain('Without the skip (the plain network with the same weights, dashed line): 1.00e-6 at layer 1 and 2 at layer 3, a ratio of 5.00e-7.');
    expect(text).toContain('Layer 3: 4 (without the skip: 2).');
  });
  it('an overflow in either network is explained; zeros are named per network', () => {
    expect(gradientCaption({ spec, norms: [Infinity, 1], plain: [1, 1], layer: 1 })).toMatch(/^The numbers overflowed float32 .* in 1 of 2 layers/);
    const text = gradientCaption({ spec, norms: [1, 1], plain: [NaN, 1], layer: 1 });
    expect(text).toContain('Without the skip (the plain network with the same weights, dashed line) the numbers overflowed float32 in 1 of 2 layers');
    expect(gradientCaption({ spec, norms: [1, 1], plain: [0, 1], layer: 1 })).toContain('Without the skip, 1 layer has a gradient of exactly 0, not plotted.');
  });
  it('in Chinese: the same facts in the catalogue\'s sentences, joined without spaces', () => {
    expect(gradientCaption({ spec: { ...spec, architecture: 'plain' }, norms: [1e-6, 0.5, 2], plain: null, layer: 2 }, 'zh-CN'))
      .toBe('sigmoid，Glorot初始化N(0, 1/width)，3层：‖∂L/∂W‖在第1层为1.00e-6，在第3层为2，首层与末层之比为5.00e-7。第2层：0.5。');
    const text = gradientCaption({ spec, norms: [1, 0], plain: [0, 0], layer: 2 }, 'zh-CN');
    expect(text).toBe('残差网络（恒等跳跃连接），sigmoid，Glorot初始化N(0, 1/width)，2层：‖∂L/∂W‖在第1层为1，在第2层为0。'
      + '去掉跳跃连接（权重相同的普通网络，虚线）：第1层为0，第2层为0。第2层：0（去掉跳跃连接：0）。'
      + '有1层的梯度恰好为0（在float32中下溢，或者没有任何单元被激活）：无法画在对数坐标上。去掉跳跃连接后，有2层的梯度恰好为0，未画出。');
    expect(gradientCaption({ spec, norms: [Infinity, 1], plain: [1, 1], layer: 1 }, 'zh-CN')).toMatch(/^在2层中，有1层的数值超出了float32的范围/);
  });
  it('a read-out layer beyond the network: its message in both languages', () => {
    const error = (() => { try { parseLayer('9', 3); } catch (e) { return e as ParamError; } })()!;
    expect(error.message).toBe('layer must be from 1 to 3; got 9. The network has 3 layers.');
    expect(say('zh-CN', error.said)).toMatch(/这个网络共有3层。$/);
  });
});

