import { describe, expect, it } from 'vitest';
import { filledSquare, KEY_STEP, MAX_POINTS, StrokeModel } from '../../../src/lib/stroke-pad/model.ts';
import { PAD_SIZE, rasterise } from '../../../src/lib/doodle/strokes.ts';

const keys = (m: StrokeModel, ...ks: string[]) => ks.map((k) => m.key(k.replace('Shift+', ''), k.startsWith('Shift+'), false));

describe('StrokeModel pointer strokes', () => {
  it('begins, extends (skipping points under one unit apart) and ends a stroke; points are cleaned', () => {
    const m = new StrokeModel();
    expect(m.begin(10.04, -3)).toBe(true);
    expect(m.extend(10.5, 0)).toBe(false); // 0.5 units from the last point
    expect(m.extend(20.26, 300)).toBe(true);
    expect(m.drawing).toEqual([]); // not finished yet
    expect(m.visible).toEqual([[[10, 0], [20.3, PAD_SIZE]]]);
    expect(m.end()).toBe(true);
    expect(m.end()).toBe(false);
    expect(m.drawing).toEqual([[[10, 0], [20.3, PAD_SIZE]]]);
    expect(m.blank).toBe(false);
  });
  it('undo drops the stroke being drawn, else the last one; clear empties; copies are returned', () => {
    const m = new StrokeModel();
    m.load([[[1, 1], [50, 50]], [], [[60, 60]]]);
    expect(m.drawing).toHaveLength(2);
    m.drawing[0]!.push([0, 0]);
    expect(m.drawing[0]).toHaveLength(2);
    m.begin(5, 5);
    m.undo();
    expect(m.current).toBeNull();
    expect(m.drawing).toHaveLength(2);
    m.undo();
    expect(m.drawing).toEqual([[[1, 1], [50, 50]]]);
    m.clear();
    expect(m.blank).toBe(true);
  });
  it('refuses points past MAX_POINTS', () => {
    const m = new StrokeModel();
    m.begin(0, 0);
    for (let i = 1; i < MAX_POINTS + 50; i++) m.extend((i * 2) % 250, Math.floor(i / 125));
    expect(m.current!.length).toBe(MAX_POINTS);
    m.end();
    expect(m.begin(1, 1)).toBe(false);
  });
});

describe('StrokeModel keyboard route', () => {
  it('arrows move the cursor (Shift: four steps), Space puts the pen down and lifts it, drawing a line', () => {
    const m = new StrokeModel();
    expect(keys(m, 'Shift+ArrowLeft', 'Shift+ArrowLeft', 'Shift+ArrowLeft')).toEqual(Array(3).fill({ kind: 'move', extended: false }));
    expect(m.key(' ', false, false)).toEqual({ kind: 'down' });
    keys(m, ...Array(6).fill('Shift+ArrowRight'));
    expect(m.key('Enter', false, false)).toEqual({ kind: 'up' });
    expect(m.drawing).toHaveLength(1);
    expect(m.drawing[0]![0]).toEqual([128 - 12 * KEY_STEP, 128]);
    expect(m.drawing[0]!.at(-1)).toEqual([128 + 12 * KEY_STEP, 128]);
  });
  it('down then up is a dot; Escape lifts the pen; Ctrl+Z undoes; other keys are not the pad\'s', () => {
    const m = new StrokeModel();
    keys(m, ' ', ' ');
    expect(m.drawing).toEqual([[[128, 128]]]);
    keys(m, ' ', 'ArrowUp');
    expect(m.key('Escape', false, false)).toEqual({ kind: 'up' });
    expect(m.key('Escape', false, false)).toBeNull();
    expect(m.drawing[1]).toEqual([[128, 128], [128, 128 - KEY_STEP]]);
    expect(m.key('Z', false, true)).toEqual({ kind: 'undo' });
    expect(m.drawing).toHaveLength(1);
    expect(m.key('a', false, false)).toBeNull();
    expect(m.key('c', false, true)).toBeNull();
  });
  it('keeps the cursor on the pad and takes its step in pad units', () => {
    const m = new StrokeModel(PAD_SIZE / 28);
    for (let i = 0; i < 40; i++) m.key('ArrowRight', false, false);
    expect(m.cursor).toEqual([PAD_SIZE, 128]);
    for (let i = 0; i < 7; i++) m.key('ArrowLeft', false, false);
    expect(m.cursor[0]).toBeCloseTo(PAD_SIZE - 64, 9); // seven 28ths of the pad, no drift
  });
});

describe('filledSquare', () => {
  it('covers the square fully and nothing outside it but the round corners', () => {
    const cov = rasterise(filledSquare(64, 192, 10), 256, 10);
    for (const [x, y] of [[64.5, 100], [64.5, 104], [100, 64.5], [191.5, 150], [191.5, 146], [128, 191.5], [128, 128], [70, 185], [185, 70]]) expect(cov[Math.floor(y) * 256 + Math.floor(x)], `${x},${y}`).toBe(1);
    for (const [x, y] of [[63, 100], [100, 193], [193, 150], [64, 64]]) expect(cov[Math.floor(y) * 256 + Math.floor(x)], `${x},${y}`).toBeLessThan(0.5);
  });
});
