/**
 * C = op(A) · op(B) for 2-D float32 buffers, barrier-free (see program.ts): each thread computes a 4 × 4 block
 * of C, reading A and B straight from memory and masking the edges (so any M, N, K work). op is an optional
 * transpose, read through the strides — nothing is transposed in memory.
 */
import { run, type Backend, type Info } from './program.ts';

export function matMul(backend: Backend, a: Info, b: Info, transposeA: boolean, transposeB: boolean): Info {
  const [ar, ac] = a.shape as [number, number];
  const [br, bc] = b.shape as [number, number];
  const [m, k] = transposeA ? [ac, ar] : [ar, ac];
  const [k2, n] = transposeB ? [bc, br] : [br, bc];
  if (k !== k2) throw new Error(`matMul: inner sizes ${k} and ${k2} differ`);
  const nb = Math.ceil(n / 4);
  // Every size is a uniform: in a dense layer's products the batch is M (forward, input gradient) or K (weight
  // gradient), so baking sizes in compiled three programs per layer for every new batch size.
  // A(r, kk) and B(kk, c) as flat indices; A's row stride is ac (= m transposed, else k), B's is bc (= k transposed, else n).
  const aAt = (r: string) => (transposeA ? `kk * uniforms.m + ${r}` : `${r} * uniforms.k + kk`);
  const bAt = (c: string) => (transposeB ? `${c} * uniforms.k + kk` : `kk * uniforms.n + ${c}`);
  const q = [0, 1, 2, 3];
  return run(backend, {
    key: `matmul_${transposeA}_${transposeB}`, inputs: [['a', 1], ['b', 1]], outShape: [m, n],
    threads: Math.ceil(m / 4) * nb, ints: { m, n, k, nb },
    body: `
      let r0 = (index / uniforms.nb) * 4;
      let c0 = (index % uniforms.nb) * 4;
      ${q.map((i) => `let ra${i} = min(r0 + ${i}, uniforms.m - 1); let cb${i} = min(c0 + ${i}, uniforms.n - 1);`).join('\n')}
      ${q.map((i) => `var acc${i} = vec4<f32>(0.0);`).join(' ')}
      for (var kk = 0; kk < uniforms.k; kk++) {
        let bv = vec4<f32>(${q.map((i) => `b[${bAt(`cb${i}`)}]`).join(', ')});
        ${q.map((i) => `acc${i} += a[${aAt(`ra${i}`)}] * bv;`).join('\n')}
      }
      ${q.map((i) => `if (r0 + ${i} < uniforms.m) {
        ${q.map((j) => `if (c0 + ${j} < uniforms.n) { result[(r0 + ${i}) * uniforms.n + c0 + ${j}] = acc${i}[${j}]; }`).join(' ')}
      }`).join('\n')}`,
  }, [a, b]);
}

/** x [rows, c] + bias [c]: the element-wise broadcast without tfjs's shared-memory variant. */
export function biasAdd(backend: Backend, x: Info, bias: Info): Info {
  const c = bias.shape[0]!;
  const comp: 1 | 4 = c % 4 === 0 ? 4 : 1;
  const cb = c / comp;
  const size = x.shape.reduce((p, d) => p * d, 1) / comp;
  return run(backend, {
    key: `biasadd_${c}`, inputs: [['x', comp], ['bias', comp]], outShape: x.shape, outComponents: comp, threads: size,
    body: `result[index] = x[index] + bias[index % ${cb}];`,
  }, [x, bias]);
}
