/**
 * Float64 forward and backward pass of the network of plain-net.ts, plain or residual: the oracle for the
 * engine's per-layer gradient norms. Written out loop by loop so it shares no code with tfjs.
 */
import { activation } from '../activations/functions.ts';
import { BATCH, type NetData, type NetSpec } from './plain-net.ts';

/**
 * gradNorms[l−1] = ‖∂L/∂W_l‖; activationStd[l−1] = std of h_l; signalNorms[l] = ‖∂L/∂h_l‖ for l = 0 (the
 * input x) … D: the backward signal itself, before it meets a layer's input.
 */
export interface OracleResult { loss: number; gradNorms: number[]; activationStd: number[]; signalNorms: number[] }

const norm = (v: Float64Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

/** a [r, k] · b [k, c] → [r, c]; `ta` reads a transposed ([k, r] storage), `tb` reads b transposed. */
function matmul(a: ArrayLike<number>, b: ArrayLike<number>, r: number, k: number, c: number, ta = false, tb = false): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let m = 0; m < k; m++) s += (ta ? a[m * r + i]! : a[i * k + m]!) * (tb ? b[j * k + m]! : b[m * c + j]!);
      out[i * c + j] = s;
    }
  return out;
}

function std(v: Float64Array): number {
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let s = 0;
  for (const x of v) s += (x - m) ** 2;
  return Math.sqrt(s / v.length);
}

export function oracleGradNorms(spec: NetSpec, data: NetData): OracleResult {
  const { width: w, depth } = spec;
  const residual = spec.architecture === 'residual';
  const act = activation(spec.activation);
  const B = BATCH;
  const hs: Float64Array[] = [Float64Array.from(data.x)];
  const zs: Float64Array[] = [];
  for (let l = 0; l < depth; l++) {
    const z = matmul(hs[l]!, data.weights[l]!, B, w, w);
    zs.push(z);
    const prev = hs[l]!;
    hs.push(z.map((v, i) => (residual ? prev[i]! : 0) + act.f(v)));
  }
  const out = hs[depth]!;
  let loss = 0;
  let g: Float64Array = new Float64Array(B * w);
  for (let i = 0; i < g.length; i++) {
    const d = out[i]! - data.t[i]!;
    loss += d * d;
    g[i] = d / B;
  }
  loss /= 2 * B;
  const gradNorms = new Array<number>(depth);
  const signalNorms = new Array<number>(depth + 1);
  signalNorms[depth] = norm(g);
  for (let l = depth - 1; l >= 0; l--) {
    const z = zs[l]!;
    const dz = g.map((v, i) => v * act.df(z[i]!));
    const dW = matmul(hs[l]!, dz, w, B, w, true); // h_{l−1}ᵀ · dz
    let s = 0;
    for (const v of dW) s += v * v;
    gradNorms[l] = Math.sqrt(s);
    const through = matmul(dz, data.weights[l]!, B, w, w, false, true); // dz · W_lᵀ
    // The skip's Jacobian is the identity: ∂L/∂h_{l−1} = ∂L/∂h_l + dz · W_lᵀ.
    g = residual ? through.map((v, i) => v + g[i]!) : through;
    signalNorms[l] = norm(g);
  }
  return { loss, gradNorms, activationStd: hs.slice(1).map(std), signalNorms };
}
