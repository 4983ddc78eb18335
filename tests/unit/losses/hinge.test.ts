import { describe, expect, it } from 'vitest';
import { multiclassHinge, multiclassHingeGrad } from '../../../src/lib/losses/hinge.ts';
import { centralDifference } from '../../../src/lib/losses/finite-difference.ts';

describe('multiclassHinge (Crammer–Singer)', () => {
  it.each([
    { z: [3, 1, 0], y: 0, loss: 0, grad: [0, 0, 0] },
    { z: [1.5, 1, 0], y: 0, loss: 0.5, grad: [-1, 1, 0] },
    { z: [0, 2, 1], y: 0, loss: 3, grad: [-1, 1, 0] },
    { z: [0, 2, 2], y: 2, loss: 1, grad: [0, 1, -1] },
  ])('$z, class $y → loss $loss', ({ z, y, loss, grad }) => {
    expect(multiclassHinge(z, y)).toBe(loss);
    expect(multiclassHingeGrad(z, y)).toEqual(grad);
  });
  it('subgradient equals central differences away from the kinks', () => {
    const z = [0.3, 1.2, -0.4, 0.9];
    const fd = centralDifference((x) => multiclassHinge(x, 0), z, 1e-6);
    multiclassHingeGrad(z, 0).forEach((g, i) => expect(g).toBeCloseTo(fd[i]!, 6));
  });
});
