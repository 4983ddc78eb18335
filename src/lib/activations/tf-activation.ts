/**
 * An activation applied with tfjs ops on the engine's backend (the widgets' path; the float64 oracle is
 * functions.ts). GELU uses tf.erf, i.e. the exact form x·Φ(x), as the oracle does.
 */
import type { Tf } from '../engine/types.ts';
import type { ActivationName } from './functions.ts';

type T = ReturnType<Tf['tensor']>;

export function applyActivation(tf: Tf, x: T, name: ActivationName, slope: number): T {
  switch (name) {
    case 'relu': return tf.relu(x);
    case 'leaky-relu': return tf.leakyRelu(x, slope);
    case 'sigmoid': return tf.sigmoid(x);
    case 'tanh': return tf.tanh(x);
    case 'gelu': return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))));
  }
}
