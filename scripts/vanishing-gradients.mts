/**
 * The numbers Chapter 3 quotes about the deep network: per-layer gradient norms from the float64 oracle
 * (src/lib/nets/oracle.ts) for every activation × initialisation, depth 20, width 64, batch 16, seed 1 (the
 * widget's defaults), first for the plain network, then for the residual one h_l = h_{l−1} + φ(W_l h_{l−1})
 * beside the plain network with the same weights. Run: npx node scripts/vanishing-gradients.mts [depth] [seed]
 * Also prints the GELU approximation gap.
 */
import { INITS, NET_ACTIVATIONS, netData } from '../src/lib/nets/plain-net.ts';
import { oracleGradNorms } from '../src/lib/nets/oracle.ts';
import { activation, geluTanh } from '../src/lib/activations/functions.ts';

const depth = Number(process.argv[2] ?? 20);
const seed = Number(process.argv[3] ?? 1);
const e = (v: number) => v.toExponential(2);
console.log(`Plain network: depth ${depth}, width 64, batch 16, seed ${seed}, no biases, loss ‖h_D − t‖²/(2B)`);
console.log('activation  init     ‖∇W_1‖     ‖∇W_D‖     first/last  std(h_D)');
for (const act of NET_ACTIVATIONS)
  for (const init of INITS) {
    const spec = { depth, width: 64, activation: act, init, seed, architecture: 'plain' as const };
    const r = oracleGradNorms(spec, netData(spec));
    const g = r.gradNorms;
    console.log(`${act.padEnd(11)} ${init.padEnd(8)} ${e(g[0]!).padStart(10)} ${e(g[depth - 1]!).padStart(10)} ${e(g[0]! / g[depth - 1]!).padStart(11)}  ${e(r.activationStd[depth - 1]!)}`);
  }

console.log(`\nResidual network h_l = h_{l−1} + φ(W_l h_{l−1}), the same weights; plain ratio repeated for comparison`);
console.log('‖∂L/∂x‖/‖∂L/∂h_D‖: how much of the output\'s gradient reaches the input (the backward signal, before any weight)');
console.log('activation  init     ‖∇W_1‖     ‖∇W_D‖   res. first/last  plain first/last  std(h_D) res.  std(h_D) plain  ‖∂L/∂x‖/‖∂L/∂h_D‖ res.  plain');
for (const act of NET_ACTIVATIONS)
  for (const init of INITS) {
    const spec = { depth, width: 64, activation: act, init, seed };
    const data = netData(spec);
    const res = oracleGradNorms({ ...spec, architecture: 'residual' }, data);
    const plain = oracleGradNorms({ ...spec, architecture: 'plain' }, data);
    const [g, p] = [res.gradNorms, plain.gradNorms];
    const reach = (r: typeof res) => e(r.signalNorms[0]! / r.signalNorms[depth]!);
    console.log(`${act.padEnd(11)} ${init.padEnd(8)} ${e(g[0]!).padStart(10)} ${e(g[depth - 1]!).padStart(10)} ${e(g[0]! / g[depth - 1]!).padStart(16)} ${e(p[0]! / p[depth - 1]!).padStart(17)} ${e(res.activationStd[depth - 1]!).padStart(14)} ${e(plain.activationStd[depth - 1]!).padStart(15)} ${reach(res).padStart(23)} ${reach(plain).padStart(9)}`);
  }

let gap = 0;
for (let x = -6; x <= 6; x += 0.001) gap = Math.max(gap, Math.abs(activation('gelu').f(x) - geluTanh(x)));
console.log(`GELU exact vs tanh approximation: max |difference| on [−6, 6] = ${e(gap)}`);
