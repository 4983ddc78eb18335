/**
 * The per-layer gradient norms by real backprop on the engine: the network of plain-net.ts (plain or residual) built
 * from tensors, tf.grads of the loss with respect to every weight matrix, and each gradient's Frobenius norm reduced
 * on the engine (every layer's in one pass). Norms are computed as m·‖g/m‖ with m = max|g| per layer, so that
 * squaring entries of 1e-20 does not underflow float32. Every tensor made here is disposed before returning.
 */
import type { Tf } from '../engine/types.ts';
import { BATCH, type NetData, type NetSpec } from './plain-net.ts';
import { yieldToPage } from '../schedule/slices.ts';

type T = ReturnType<Tf['tensor']>;
let gradientsRegistered: Promise<unknown> | null = null;

export interface EngineGradResult { loss: number; gradNorms: Float32Array; ms: number; backend: string }

function act(tf: Tf, name: NetSpec['activation'], z: T): T {
  return name === 'relu' ? tf.relu(z) : name === 'tanh' ? tf.tanh(z) : tf.sigmoid(z);
}

/** The loss and every layer's gradient norm, as one tensor [loss, norm₁ … norm_depth] (inside the caller's tidy). */
function lossAndNorms(tf: Tf, spec: NetSpec, x: T, t: T, weights: T[]): T {
  const w = spec.width;
  const lossOf = (...ws: T[]) => {
    let h: T = x;
    for (const W of ws) {
      const a = act(tf, spec.activation, tf.matMul(h, W));
      h = spec.architecture === 'residual' ? tf.add(h, a) : a;
    }
    return tf.div(tf.sum(tf.square(tf.sub(h, t))), 2 * BATCH);
  };
  const { value, grads } = tf.valueAndGrads(lossOf)(weights);
  // Every layer's norm at once, one row per layer: a handful of ops, not ten per layer (on a 20-layer net
  // 200 ops, half of the widget's longest task on the page, ~50 ms of dispatching here).
  const g = tf.reshape(tf.stack(grads), [weights.length, w * w]);
  const m = tf.max(tf.abs(g), 1, true);
  const safe = tf.where(tf.greater(m, 0), m, tf.onesLike(m));
  const norms = tf.mul(tf.reshape(m, [weights.length]), tf.sqrt(tf.sum(tf.square(tf.div(g, safe)), 1)));
  return tf.concat([tf.reshape(value, [1]), norms]);
}

/** The networks (backend, activation, architecture, width) this page has run once: their programs are built. */
const warmed = new Set<string>();

export async function engineGradNorms(tf: Tf, spec: NetSpec, data: NetData): Promise<EngineGradResult> {
  // tfjs-core registers gradient functions only through this side-effect module (tfjs-layers imports it too).
  gradientsRegistered ??= import('@tensorflow/tfjs-core/dist/register_all_gradients');
  await gradientsRegistered;
  const t0 = performance.now();
  const w = spec.width;
  const x = tf.tensor2d(data.x, [BATCH, w]);
  const t = tf.tensor2d(data.t, [BATCH, w]);
  const weights = data.weights.map((d) => tf.tensor2d(d, [w, w]));
  let out: T | null = null;
  try {
    // A network's first run on a page builds a GPU program for each of its ops and runs much of tfjs's code for the
    // first time: one layer first, in a task of its own, builds the programs every layer shares (a 20-layer run was
    // one task of 60–200 ms on the embed page here). Its numbers are not used.
    const key = `${tf.getBackend()} ${spec.activation} ${spec.architecture} ${w}`;
    if (!warmed.has(key) && weights.length > 1) {
      await yieldToPage();
      const first = tf.tidy(() => lossAndNorms(tf, spec, x, t, weights.slice(0, 1)));
      await first.data();
      first.dispose();
      warmed.add(key);
      await yieldToPage();
    }
    out = tf.tidy(() => lossAndNorms(tf, spec, x, t, weights));
    const all = (await out.data()) as Float32Array;
    return { loss: all[0]!, gradNorms: all.slice(1), ms: performance.now() - t0, backend: tf.getBackend() };
  } finally {
    tf.dispose([x, t, ...weights, ...(out ? [out] : [])]);
  }
}
