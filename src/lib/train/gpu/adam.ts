/**
 * Adam per variable in two element-wise programs (see ../fused-adam.ts for the formula): the moments m and v of
 * a variable live together in one [2, size] buffer, so a step is (1) m, v ← moments(g, m, v) and (2)
 * p ← p − c₁·m / (√(c₂·v) + ε); c₁ and c₂ change every step and are uniforms, so nothing recompiles.
 */
import { f, run, type Backend, type Info } from './program.ts';

export function adamMoments(backend: Backend, g: Info, mv: Info, beta1: number, beta2: number): Info {
  const size = g.shape.reduce((a, b) => a * b, 1);
  return run(backend, {
    key: `adam_mv_${size}_${beta1}_${beta2}`, inputs: [['g', 1], ['mv', 1]], outShape: mv.shape, threads: size,
    body: `
      let gi = g[index];
      result[index] = ${f(beta1)} * mv[index] + ${f(1 - beta1)} * gi;
      result[${size} + index] = ${f(beta2)} * mv[${size} + index] + ${f(1 - beta2)} * gi * gi;`,
  }, [g, mv]);
}

export function adamStep(backend: Backend, p: Info, mv: Info, c1: number, c2: number, epsilon: number): Info {
  const size = p.shape.reduce((a, b) => a * b, 1);
  return run(backend, {
    key: `adam_step_${size}_${epsilon}`, inputs: [['p', 1], ['mv', 1]], outShape: p.shape, threads: size,
    uniforms: { decl: 'c1 : f32, c2 : f32,', data: [c1, c2] },
    body: `result[index] = p[index] - uniforms.c1 * mv[index] / (sqrt(uniforms.c2 * mv[${size} + index]) + ${f(epsilon)});`,
  }, [p, mv]);
}
