import { describe, expect, it } from 'vitest';
import { arrowTarget, cellAt } from '../../../src/lib/charts/grid-cursor.ts';

describe('arrowTarget', () => {
  it.each([
    ['ArrowUp', [2, 3]], ['ArrowDown', [4, 3]], ['ArrowLeft', [3, 2]], ['ArrowRight', [3, 4]], ['Home', [3, 0]], ['End', [3, 6]],
  ])('%s from (3, 3) on a 7-wide grid → %j', (key, want) => {
    expect(arrowTarget(key, [3, 3], 7)).toEqual(want);
  });
  it('ignores other keys', () => expect(arrowTarget('a', [0, 0], 7)).toBeNull());
});

describe('cellAt', () => {
  it('maps a point to its cell and clamps the far edges', () => {
    expect(cellAt(0, 0, 100, 70, 7, 10)).toEqual([0, 0]);
    expect(cellAt(55, 35, 100, 70, 7, 10)).toEqual([3, 5]);
    expect(cellAt(100, 70, 100, 70, 7, 10)).toEqual([6, 9]);
  });
});
