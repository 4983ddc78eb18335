import { describe, expect, it } from 'vitest';
import { BLANK_BELOW, GRID, blankGrid, gridToPixels, isBlank, moveCursor, stamp, strokeLine } from '../../../src/lib/nets/drawing.ts';

describe('drawing grid', () => {
  it('starts blank; a stamp paints a soft disc around its centre, full at the centre', () => {
    const g = blankGrid();
    expect(g.length).toBe(GRID * GRID);
    expect(isBlank(g)).toBe(true);
    stamp(g, 10.5, 5.5);
    expect(g[5 * GRID + 10]).toBe(1);
    expect(g[5 * GRID + 11]).toBeCloseTo(0.75, 6); // 1 px away: radius 1.25 + 0.5 − 1
    expect(g[6 * GRID + 11]).toBeCloseTo(1.75 - Math.SQRT2, 6);
    expect(g[5 * GRID + 12]).toBe(0); // 2 px away: outside the soft edge
    expect(isBlank(g)).toBe(false);
    const once = Float32Array.from(g);
    stamp(g, 10.5, 5.5);
    expect(g).toEqual(once); // painting twice does not brighten beyond 1
  });

  it('a stroke leaves no gaps between its ends', () => {
    const g = blankGrid();
    strokeLine(g, { x: 2.5, y: 14.5 }, { x: 25.5, y: 14.5 });
    for (let x = 2; x <= 25; x++) expect(g[14 * GRID + x], `x=${x}`).toBe(1);
  });

  it('stays on the grid at the edges and treats near-black as empty', () => {
    const g = blankGrid();
    stamp(g, 0, 0);
    stamp(g, 28, 28);
    expect(g[0]).toBeGreaterThan(0.5);
    expect(g[GRID * GRID - 1]).toBeGreaterThan(0.5);
    const faint = blankGrid().fill(BLANK_BELOW / 2);
    expect(isBlank(faint)).toBe(true);
  });

  it('converts to 8-bit pixels as the test images ship', () => {
    expect(Array.from(gridToPixels([0, 0.5, 1, 1.2]))).toEqual([0, 128, 255, 255]);
  });

  it('moves the keyboard cursor with arrow keys, clamped to the grid', () => {
    expect(moveCursor({ x: 0, y: 0 }, 'ArrowLeft')).toEqual({ x: 0, y: 0 });
    expect(moveCursor({ x: 5, y: 5 }, 'ArrowDown')).toEqual({ x: 5, y: 6 });
    expect(moveCursor({ x: 27, y: 3 }, 'ArrowRight')).toEqual({ x: 27, y: 3 });
    expect(moveCursor({ x: 5, y: 5 }, 'a')).toBeNull();
  });
});
