import { describe, expect, it } from 'vitest';
import { DRAW_SIZE, defaultDrawing, drawingTensor, isEmptyDrawing, shiftDrawing } from '../../../src/lib/pool/drawing.ts';

describe('drawing', () => {
  it('the example is not empty; a blank grid is', () => {
    expect(isEmptyDrawing(defaultDrawing())).toBe(false);
    expect(isEmptyDrawing(new Uint8Array(DRAW_SIZE * DRAW_SIZE))).toBe(true);
  });
  it('shifting right then left restores a drawing that stays inside the grid', () => {
    const d = defaultDrawing();
    expect(shiftDrawing(shiftDrawing(d, 0, 1), 0, -1)).toEqual(d);
    expect(shiftDrawing(shiftDrawing(d, 1, 0), -1, 0)).toEqual(d);
    const moved = shiftDrawing(d, 0, 1);
    for (let i = 0; i < d.length; i++) if (d[i] && i % DRAW_SIZE < DRAW_SIZE - 1) expect(moved[i + 1]).toBe(1);
  });
  it('ink that leaves the grid is lost', () => {
    const d = new Uint8Array(DRAW_SIZE * DRAW_SIZE);
    d[DRAW_SIZE - 1] = 1;
    expect(isEmptyDrawing(shiftDrawing(d, 0, 1))).toBe(true);
  });
  it('becomes a [1, n, n, 1] tensor with ink = 1', () => {
    const t = drawingTensor(defaultDrawing());
    expect(t.shape).toEqual([1, DRAW_SIZE, DRAW_SIZE, 1]);
    expect(t.data.reduce((a, b) => a + b, 0)).toBe(defaultDrawing().reduce((a, b) => a + b, 0));
  });
});
