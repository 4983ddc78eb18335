/**
 * BatchNormalization's batch statistics and closed-form backward pass over the last axis, barrier-free (see
 * program.ts and ../batch-norm.ts for the formulas). x is viewed as [rows, channels]; rows (batch × height × width)
 * reach the shaders as uniforms, so the keys name only the channels.
 */
import { columnSums, f, run, type Backend, type Info } from './program.ts';
import { precondition } from './validation.ts';

const view = (x: Info) => {
  const c = x.shape.at(-1)!;
  precondition(c % 4 === 0, 'FmBatchNorm', `channels must be a multiple of 4, got ${c}`);
  return { c, rows: x.shape.reduce((a, b) => a * b, 1) / c };
};

/** [mean, biased variance] per channel, two passes as tf.moments does (mean, then mean of squared deviations). */
export function moments(backend: Backend, x: Info): [Info, Info] {
  const { c, rows } = view(x);
  const c4 = c / 4;
  const mean = columnSums(backend, { key: 'mean', rows, cols: c, inputs: [['x', x]], terms: [`x[r * ${c4} + c]`], scale: 1 / rows });
  const variance = columnSums(backend, {
    key: 'var', rows, cols: c, inputs: [['x', x], ['mean', mean]], pre: 'let mu = mean[c];',
    terms: [`(x[r * ${c4} + c] - mu) * (x[r * ${c4} + c] - mu)`], scale: 1 / rows,
  });
  return [mean, variance];
}

/** [Σ dy, Σ dy·(x − μ)] per channel, as [2, channels]. */
export function gradSums(backend: Backend, dy: Info, x: Info, mean: Info): Info {
  const { c, rows } = view(x);
  const c4 = c / 4;
  return columnSums(backend, {
    key: 'bngrad', rows, cols: c, inputs: [['dy', dy], ['x', x], ['mean', mean]], pre: 'let mu = mean[c];',
    terms: [`dy[r * ${c4} + c]`, `dy[r * ${c4} + c] * (x[r * ${c4} + c] - mu)`],
  });
}

/** dx = γ/σ · (dy − Σdy/n − x̂ · Σ(dy·x̂)/n), with σ = √(var + ε) and x̂ = (x − μ)/σ. */
export function inputGrad(backend: Backend, dy: Info, x: Info, mean: Info, variance: Info, gamma: Info, sums: Info, eps: number): Info {
  const { c, rows } = view(x);
  const c4 = c / 4;
  return run(backend, {
    key: `bndx_${c}_${eps}`, inputs: [['dy', 4], ['x', 4], ['mean', 4], ['vari', 4], ['gamma', 4], ['sums', 4]],
    outShape: x.shape, outComponents: 4, threads: rows * c4, uniforms: { decl: 'invRows : f32,', data: [1 / rows] },
    body: `
      let c = index % ${c4};
      let rs = inverseSqrt(vari[c] + ${f(eps)});
      let xhat = (x[index] - mean[c]) * rs;
      let db = sums[c] * uniforms.invRows;
      let dg = sums[${c4} + c] * rs * uniforms.invRows;
      result[index] = gamma[c] * rs * (dy[index] - db - xhat * dg);`,
  }, [dy, x, mean, variance, gamma, sums]);
}

/** [dγ, dβ] per channel from the sums: dγ = Σ dy·(x − μ) / σ, dβ = Σ dy. */
export function paramGrads(backend: Backend, sums: Info, variance: Info, eps: number): [Info, Info] {
  const c = variance.shape[0]!;
  const one = (key: string, expr: string) => run(backend, {
    key: `bn${key}_${c}_${eps}`, inputs: [['sums', 1], ['vari', 1]], outShape: [c], threads: c, body: `result[index] = ${expr};`,
  }, [sums, variance]);
  return [one('dgamma', `sums[${c} + index] * inverseSqrt(vari[index] + ${f(eps)})`), one('dbeta', 'sums[index]')];
}

/** y = (x − μ) / √(var + ε) · γ + β, element-wise over vec4 channel blocks. */
export function apply(backend: Backend, x: Info, mean: Info, variance: Info, gamma: Info, beta: Info, eps: number): Info {
  const { c, rows } = view(x);
  const c4 = c / 4;
  return run(backend, {
    key: `bnapply_${c}_${eps}`, inputs: [['x', 4], ['mean', 4], ['vari', 4], ['gamma', 4], ['beta', 4]],
    outShape: x.shape, outComponents: 4, threads: rows * c4,
    body: `
      let c = index % ${c4};
      result[index] = (x[index] - mean[c]) * inverseSqrt(vari[c] + ${f(eps)}) * gamma[c] + beta[c];`,
  }, [x, mean, variance, gamma, beta]);
}
