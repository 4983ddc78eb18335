import { describe, expect, it } from 'vitest';
import { say, type Msg } from '../../../src/lib/i18n/index.ts';
import { explorerMapSize, MAP_SIDE, poolOutput, poolOutputLength, unreadCells } from '../../../src/lib/pool/geometry.ts';

/** Counts window positions by sliding one, the definition the formula must agree with. */
function slide(n: number, size: number, stride: number): number {
  let count = 0;
  for (let start = 0; start + size <= n; start += stride) count++;
  return count;
}

describe('poolOutputLength', () => {
  it('matches sliding the window for every n ≤ 40, size ≤ 8, stride ≤ 8', () => {
    for (let n = 1; n <= 40; n++)
      for (let size = 1; size <= 8; size++)
        for (let stride = 1; stride <= 8; stride++) expect(poolOutputLength(n, size, stride), `${n} ${size} ${stride}`).toBe(slide(n, size, stride));
  });
  it.each([[28, 2, 2, 14], [14, 2, 2, 7], [7, 2, 2, 3], [13, 3, 2, 6]])('n=%i size=%i stride=%i → %i', (n, size, stride, out) => {
    expect(poolOutputLength(n, size, stride)).toBe(out);
  });
});

describe('poolOutput', () => {
  it('says why there is no output when the window is larger than the map', () => {
    const none = poolOutput(16, 5, 8, 1) as { error: Msg };
    expect(say('en', none.error)).toBe('A 8×8 pooling window does not fit in the 16×5 feature map: there is no output. Use a smaller pool size.');
    expect(say('zh-CN', none.error)).toBe('8×8的池化窗口放不进16×5的特征图，没有输出。请用更小的池化窗口。');
    expect(poolOutput(64, 43, 2, 2)).toEqual({ outH: 32, outW: 21 });
  });
});

describe('unreadCells', () => {
  it('counts the cells no window covers, by marking the covered ones', () => {
    for (let n = 1; n <= 30; n++)
      for (let size = 1; size <= 6; size++)
        for (let stride = 1; stride <= 6; stride++) {
          const seen = new Array<boolean>(n).fill(false);
          for (let start = 0; start + size <= n; start += stride) for (let i = start; i < start + size; i++) seen[i] = true;
          expect(unreadCells(n, size, stride), `${n} ${size} ${stride}`).toBe(seen.filter((s) => !s).length);
        }
  });
});

describe('explorerMapSize', () => {
  it('shrinks the longest side to MAP_SIDE, keeps the aspect, and loses 2 to the valid 3×3 conv', () => {
    expect(explorerMapSize(384, 303)).toEqual({ h: 37, w: 48, shrunk: { width: 50, height: 39 } });
    expect(explorerMapSize(512, 512)).toEqual({ h: MAP_SIDE - 2, w: MAP_SIDE - 2, shrunk: { width: MAP_SIDE, height: MAP_SIDE } });
  });
});
