/** Central differences (f(x + h e_i) − f(x − h e_i)) / 2h: the check on every analytic gradient here. */
export function centralDifference(f: (x: number[]) => number, x: readonly number[], h = 1e-5): number[] {
  return x.map((_, i) => {
    const up = [...x];
    const down = [...x];
    up[i] = x[i]! + h;
    down[i] = x[i]! - h;
    return (f(up) - f(down)) / (2 * h);
  });
}
