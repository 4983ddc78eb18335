/**
 * The matrix product every convolution and dense layer of the CPU path reduces to: C[M, N] = A[M, K] · B[K, N],
 * row-major float32. `jsGemm` is plain TypeScript (4×4 register blocks); pretraining swaps in a faster one
 * (tfjs's wasm backend, XNNPACK with SIMD: scripts/pretrain/wasm-gemm.ts) through the CpuNet's options.
 */
export type Gemm = (a: Float32Array, b: Float32Array, m: number, k: number, n: number) => Float32Array;

export const jsGemm: Gemm = (A, B, M, K, N) => {
  const C = new Float32Array(M * N);
  for (let i = 0; i < M; i += 4) {
    const rows = Math.min(4, M - i);
    for (let j = 0; j < N; j += 4) {
      if (rows < 4 || j + 4 > N) { edge(A, B, C, K, N, i, rows, j, Math.min(4, N - j)); continue; }
      const a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0, b = j; k < K; k++, b += N) {
        const b0 = B[b]!, b1 = B[b + 1]!, b2 = B[b + 2]!, b3 = B[b + 3]!;
        const x0 = A[a0 + k]!, x1 = A[a1 + k]!, x2 = A[a2 + k]!, x3 = A[a3 + k]!;
        c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
        c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
        c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
        c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
      }
      const o0 = i * N + j, o1 = o0 + N, o2 = o1 + N, o3 = o2 + N;
      C[o0] = c00; C[o0 + 1] = c01; C[o0 + 2] = c02; C[o0 + 3] = c03;
      C[o1] = c10; C[o1 + 1] = c11; C[o1 + 2] = c12; C[o1 + 3] = c13;
      C[o2] = c20; C[o2 + 1] = c21; C[o2 + 2] = c22; C[o2 + 3] = c23;
      C[o3] = c30; C[o3 + 1] = c31; C[o3 + 2] = c32; C[o3 + 3] = c33;
    }
  }
  return C;
};

function edge(A: Float32Array, B: Float32Array, C: Float32Array, K: number, N: number, i0: number, rows: number, j0: number, cols: number): void {
  for (let i = i0; i < i0 + rows; i++) for (let j = j0; j < j0 + cols; j++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += A[i * K + k]! * B[k * N + j]!;
    C[i * N + j] = s;
  }
}

/** Row-major transpose of an [m, n] matrix. */
export function transpose(a: Float32Array, m: number, n: number): Float32Array {
  const t = new Float32Array(a.length);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j]!;
  return t;
}
