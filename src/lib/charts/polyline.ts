/**
 * An SVG path through points given as two arrays and drawn through two linear scales, written in one loop: what
 * d3-shape's `line()` gives for straight segments, at 1/100 px. d3 calls two accessors and two scales per point and
 * builds the string piece by piece; for a chart's first drawing that code is still cold (interpreted), and at a few
 * thousand points it was 30–40 ms of one task on a phone-sized page here. Non-finite values break the line, as
 * d3's `defined()` would.
 */
export interface LinearScale { domain(): number[]; range(): number[] }

/** The affine map of a linear scale: value ↦ a·value + b. A log, power or symlog scale is refused, not bent straight. */
function affine(s: LinearScale): [number, number] {
  if (['base', 'exponent', 'constant'].some((k) => k in s)) throw new Error('polylinePath draws through linear scales only');
  const [d0, d1] = s.domain() as [number, number];
  const [r0, r1] = s.range() as [number, number];
  const a = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return [a, r0 - a * d0];
}

const round = (v: number) => Math.round(v * 100) / 100;

export function polylinePath(xs: ArrayLike<number>, ys: ArrayLike<number>, x: LinearScale, y: LinearScale): string {
  const [ax, bx] = affine(x), [ay, by] = affine(y);
  const n = Math.min(xs.length, ys.length);
  let d = '';
  let open = false;
  for (let i = 0; i < n; i++) {
    const px = ax * xs[i]! + bx, py = ay * ys[i]! + by;
    if (!Number.isFinite(px) || !Number.isFinite(py)) { open = false; continue; }
    d += `${open ? 'L' : 'M'}${round(px)},${round(py)}`;
    open = true;
  }
  return d;
}
