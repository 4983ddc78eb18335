import { describe, expect, it } from 'vitest';
import { gradientCaption } from '../../../../components/vanishing-gradients/gradient-caption.ts';

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
});
