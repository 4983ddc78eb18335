/**
 * Seeded doodles for the doodle-classes tests (unit and browser): circles, crosses, zigzags, triangles and
 * squares, each with its own position, size, rotation and wobble, as strokes in pad units (0…256).
 */
import { lcg } from '../../src/lib/random/lcg.ts';
import type { Drawing } from '../../src/lib/doodle/strokes.ts';

export const SHAPES = ['circle', 'cross', 'zigzag', 'triangle', 'square'] as const;
export type Shape = (typeof SHAPES)[number];

export function doodle(shape: Shape, seed: number): Drawing {
  const next = lcg(seed * 7 + SHAPES.indexOf(shape) * 1000 + 11);
  const j = (a: number) => (next() * 2 - 1) * a;
  const cx = 128 + j(25), cy = 128 + j(25), r = 65 + j(20), rot = j(0.35);
  const at = (x: number, y: number): [number, number] => {
    const c = Math.cos(rot), s = Math.sin(rot);
    const px = cx + r * (x * c - y * s) + j(2), py = cy + r * (x * s + y * c) + j(2);
    return [Math.round(Math.min(250, Math.max(6, px)) * 10) / 10, Math.round(Math.min(250, Math.max(6, py)) * 10) / 10];
  };
  const path = (pts: [number, number][], steps = 6) => {
    const out: [number, number][] = [];
    for (let i = 0; i < pts.length - 1; i++) {
      for (let k = 0; k < steps; k++) {
        const t = k / steps;
        out.push(at(pts[i]![0] + t * (pts[i + 1]![0] - pts[i]![0]), pts[i]![1] + t * (pts[i + 1]![1] - pts[i]![1])));
      }
    }
    out.push(at(...pts.at(-1)!));
    return out;
  };
  switch (shape) {
    case 'circle': {
      const a0 = next() * Math.PI * 2;
      return [Array.from({ length: 29 }, (_, i) => at(Math.cos(a0 + (i / 28) * Math.PI * 2), Math.sin(a0 + (i / 28) * Math.PI * 2)))];
    }
    case 'cross': return [path([[-1, -1], [1, 1]]), path([[1, -1], [-1, 1]])];
    case 'zigzag': return [path([[-1, -0.6], [-0.5, 0.6], [0, -0.6], [0.5, 0.6], [1, -0.6]], 4)];
    case 'triangle': return [path([[0, -1], [0.95, 0.8], [-0.95, 0.8], [0, -1]])];
    case 'square': return [path([[-0.8, -0.8], [0.8, -0.8], [0.8, 0.8], [-0.8, 0.8], [-0.8, -0.8]])];
  }
}
