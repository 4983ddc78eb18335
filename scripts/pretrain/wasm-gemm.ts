/**
 * The CPU pretraining path's matrix product on tfjs's wasm backend (XNNPACK, SIMD): about 4–7 GMAC/s on one
 * core here against ~0.9 for the plain-TypeScript product. Node only. It uses its own tfjs-core engine state
 * only through `tf.matMul`; reading with `dataSync()` is safe on wasm (the WebGPU read-back trap does not apply).
 */
import { fileURLToPath } from 'node:url';
import type { Gemm } from '../../src/lib/train/cpu/gemm.ts';

export async function wasmGemm(): Promise<Gemm> {
  const tf = await import('@tensorflow/tfjs-core');
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend did not initialise');
  return (a, b, m, k, n) => {
    const ta = tf.tensor2d(a, [m, k]), tb = tf.tensor2d(b, [k, n]);
    const c = tf.matMul(ta, tb);
    const out = c.dataSync() as Float32Array;
    tf.dispose([ta, tb, c]);
    return out;
  };
}
