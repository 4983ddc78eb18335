/**
 * The per-layer gradient norms by real backprop on the engine: the network of plain-net.ts (plain or residual) built
 * from tensors, ∂L/∂W_l for every layer by the chain rule, and each gradient's Frobenius norm reduced on the engine
 * (every layer's in one pass). Norms are computed as m·‖g/m‖ with m = max|g| per layer, so that squaring entries of
 * 1e-20 does not underflow float32. Every tensor made here is disposed before returning, also on a failure.
 *
 * The backward pass is written out (the ops tfjs's own gradients use: matMul with a transposed operand, the
 * activation's derivative from its output) rather than taken with tf.grads, so that it can pause between layers: on a
 * 20-layer net one tf.grads call dispatched ~150 ops in one task, 30–60 ms of script on the embed page here (over
 * 120 ms on Lighthouse's phone). Each layer's forward step and backward step is a step of a sliced computation
 * (schedule/slices.ts), so the page gets the main thread back every few milliseconds.
 */
import type { Tf } from '../engine/types.ts';
import { BATCH, type NetData, type NetSpec } from './plain-net.ts';
import { runSliced, yieldToPage, type Sliced } from '../schedule/slices.ts';

type T = ReturnType<Tf['tensor']>;

export interface EngineGradResult { loss: number; gradNorms: Float32Array; ms: number; backend: string }

function act(tf: Tf, name: NetSpec['activation'], z: T): T {
  return name === 'relu' ? tf.relu(z) : name === 'tanh' ? tf.tanh(z) : tf.sigmoid(z);
}

/** f'(z) from a = f(z), as tfjs's gradients take it: step(a) for relu, 1 − a² for tanh, a(1 − a) for sigmoid. */
function slope(tf: Tf, name: NetSpec['activation'], a: T): T {
  if (name === 'relu') return tf.cast(tf.greater(a, 0), 'float32');
  if (name === 'tanh') return tf.sub(1, tf.square(a));
  return tf.mul(a, tf.sub(1, a));
}

/**
 * [loss, ‖∂L/∂W_1‖ … ‖∂L/∂W_depth‖] as one tensor, yielding after every layer's forward and backward step. Every tensor
 * it makes and keeps between steps goes into `made`, so the caller disposes all of them whatever happens.
 */
export function* lossAndNorms(tf: Tf, spec: NetSpec, x: T, t: T, weights: T[], made: T[]): Sliced<T> {
  const keep = <U extends T>(u: U): U => (made.push(u), u);
  const residual = spec.architecture === 'residual';
  // Forward: h_l = f(h_{l−1} W_l) (+ h_{l−1} with the skip), keeping every h and every a = f(z) for the backward pass.
  const hs: T[] = [x];
  const as: T[] = [];
  for (const W of weights) {
    const h = hs[hs.length - 1]!;
    const z = keep(tf.matMul(h, W));
    yield; // (the first layer builds the programs of both ops)
    const a = keep(act(tf, spec.activation, z));
    z.dispose();
    as.push(a);
    hs.push(residual ? keep(tf.add(h, a)) : a);
    yield;
  }
  // L = Σ(h_D − t)² / 2B, so ∂L/∂h_D = (h_D − t) / B.
  const out = hs[weights.length]!;
  const loss = keep(tf.tidy(() => tf.reshape(tf.div(tf.sum(tf.square(tf.sub(out, t))), 2 * BATCH), [1])));
  let g = keep(tf.tidy(() => tf.div(tf.sub(out, t), BATCH)));
  yield;
  // Backward: δ_l = ∂L/∂h_l ⊙ f'(z_l); ∂L/∂W_l = h_{l−1}ᵀ δ_l; ∂L/∂h_{l−1} = δ_l W_lᵀ (+ ∂L/∂h_l with the skip).
  const grads: T[] = new Array(weights.length);
  for (let l = weights.length - 1; l >= 0; l--) {
    const gl = g;
    const d = keep(tf.tidy(() => tf.mul(gl, slope(tf, spec.activation, as[l]!))));
    grads[l] = keep(tf.matMul(hs[l]!, d, true, false));
    // A step's first run builds GPU programs for its ops: half a layer per pause keeps that short too.
    yield;
    g = keep(tf.tidy(() => {
      const back = tf.matMul(d, weights[l]!, false, true);
      return residual ? tf.add(gl, back) : back;
    }));
    // What only this layer's step needed: δ, the signal above it, its activation (and, with the skip, its output).
    tf.dispose([d, gl, as[l]!, ...(residual ? [hs[l + 1]!] : [])]);
    yield;
  }
  // Every layer's norm at once, one row per layer: a handful of ops, not ten per layer; in three steps, since their
  // first run builds a GPU program for each (13 ms of script in one task here).
  const w = spec.width;
  const all = keep(tf.tidy(() => tf.reshape(tf.stack(grads), [weights.length, w * w])));
  const m = keep(tf.tidy(() => tf.max(tf.abs(all), 1, true)));
  yield;
  const scaled = keep(tf.tidy(() => tf.div(all, tf.where(tf.greater(m, 0), m, tf.onesLike(m)))));
  yield;
  return keep(tf.tidy(() => tf.concat([loss, tf.mul(tf.reshape(m, [weights.length]), tf.sqrt(tf.sum(tf.square(scaled), 1)))])));
}

export async function engineGradNorms(tf: Tf, spec: NetSpec, data: NetData): Promise<EngineGradResult> {
  const t0 = performance.now();
  const w = spec.width;
  const made: T[] = [];
  const keep = (u: T): T => (made.push(u), u);
  try {
    // Not in the caller's task (which drew the weights), nor in the first layer's (which builds its GPU programs).
    await yieldToPage();
    const x = keep(tf.tensor2d(data.x, [BATCH, w]));
    const t = keep(tf.tensor2d(data.t, [BATCH, w]));
    const weights = data.weights.map((d) => keep(tf.tensor2d(d, [w, w])));
    await yieldToPage();
    const out = await runSliced(lossAndNorms(tf, spec, x, t, weights, made));
    const all = (await out.data()) as Float32Array;
    return { loss: all[0]!, gradNorms: all.slice(1), ms: performance.now() - t0, backend: tf.getBackend() };
  } finally {
    tf.dispose(made);
  }
}
