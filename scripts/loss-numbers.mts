/**
 * Every number Chapter 4 (Loss functions) states, computed from src/lib/losses in float64. Deterministic:
 * no random numbers are drawn, so there is no seed. Run: `npx node scripts/loss-numbers.mts`.
 */
import { naiveSoftmax, softmax, EXP_LIMIT } from '../src/lib/losses/softmax.ts';
import { binaryCrossEntropy, binaryCrossEntropyGrad, crossEntropy, crossEntropyGrad, sigmoid } from '../src/lib/losses/cross-entropy.ts';
import { meanSquaredError, meanSquaredErrorGrad, probabilitySquaredError, probabilitySquaredErrorGrad } from '../src/lib/losses/squared-error.ts';
import { curveGradLogit, curveLoss, logitsFor } from '../src/lib/losses/curves.ts';
import { smoothedTarget } from '../src/lib/losses/targets.ts';
import { multiclassHinge } from '../src/lib/losses/hinge.ts';

const f = (v: number, d = 4) => (Number.isNaN(v) ? 'NaN' : Number(v.toPrecision(d)).toString());
const list = (a: readonly number[], d = 4) => `(${a.map((v) => f(v, d)).join(', ')})`;
const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);

console.log('§ Regression: mean squared error');
line('MSE of (2.5, 0, 2.1) against (3, -0.5, 2)', f(meanSquaredError([2.5, 0, 2.1], [3, -0.5, 2])));
line('  its gradient 2(ŷ − y)/n', list(meanSquaredErrorGrad([2.5, 0, 2.1], [3, -0.5, 2])));

console.log('\n§ Softmax of z = (2, 1, 0.1)');
const z = [2, 1, 0.1];
for (const t of [1, 0.5, 5]) line(`  p at T = ${t}`, list(softmax(z, t), 3));
line('  CE for true class 0 (T = 1)', f(crossEntropy(z, 0), 3));
line('  gradient p − y (T = 1)', list(crossEntropyGrad(z, 0), 3));
line('  CE for true class 2 (T = 1)', f(crossEntropy(z, 2), 3));
line('  gradient p − y for class 2', list(crossEntropyGrad(z, 2), 3));

console.log('\n§ Cross-entropy −log p');
for (const p of [0.9, 0.5, 0.1, 0.01, 0.001]) line(`  p = ${p}`, f(-Math.log(p), 4));

console.log('\n§ Pushes on the true-class logit, K = 10 (wrong classes share 1 − p)');
for (const p of [0.5, 0.1, 0.01, 0.001]) {
  const ce = curveGradLogit('ce', p, 10), mse = curveGradLogit('mse', p, 10);
  line(`  p = ${p}: CE, squared error, ratio`, `${f(ce)}, ${f(mse)}, ${f(ce / mse, 3)}×`);
}
line('  squared error pushes hardest at p = 1/3', f(curveGradLogit('mse', 1 / 3, 10)));
line('  check, general K-class gradient at p = 0.01', f(probabilitySquaredErrorGrad(logitsFor(0.01, 10), 0)[0]!));
line('  squared-error loss at p = 0.01 (K = 10)', f(probabilitySquaredError(logitsFor(0.01, 10), 0)));
line('  hinge stops at p (K = 10)', f(1 / (1 + 9 / Math.E), 3));
line('  hinge at z = (3, 1, 0), class 0', f(multiclassHinge([3, 1, 0], 0)));
line('  hinge at z = (1.5, 1, 0), class 0', f(multiclassHinge([1.5, 1, 0], 0)));

console.log('\n§ Binary cross-entropy');
line('  z = 2, y = 1: σ(z), loss, gradient', `${f(sigmoid(2))}, ${f(binaryCrossEntropy(2, 1))}, ${f(binaryCrossEntropyGrad(2, 1))}`);
line('  z = 2, y = 0: loss, gradient', `${f(binaryCrossEntropy(2, 0))}, ${f(binaryCrossEntropyGrad(2, 0))}`);

console.log('\n§ Label smoothing, K = 10, ε = 0.1');
const q = smoothedTarget(10, 0, 0.1);
line('  target q (true, each other)', `${f(q[0]!)}, ${f(q[1]!)}`);
line('  best logit lead log(q_true / q_other)', f(Math.log(q[0]! / q[1]!)));
line('  smallest possible loss = entropy of q', f(-q.reduce((s, v) => s + v * Math.log(v), 0)));
const gapZ = [Math.log(q[0]! / q[1]!), 0, 0, 0, 0, 0, 0, 0, 0, 0];
line('  CE with smoothing at that lead (check)', f(crossEntropy(gapZ, 0, { smoothing: 0.1 })));
line('  gradient at lead 10 with ε = 0.1 (true logit)', f(crossEntropyGrad([10, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, { smoothing: 0.1 })[0]!));
line('  gradient at lead 10 with ε = 0 (true logit)', f(crossEntropyGrad([10, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0)[0]!));

console.log('\n§ Numerical stability');
line('  exp overflows above (float32, float64)', `${f(EXP_LIMIT.float32)}, ${f(EXP_LIMIT.float64)}`);
line('  naive softmax (1000, 999, 998), float64', list(naiveSoftmax([1000, 999, 998])));
line('  stable softmax (1000, 999, 998)', list(softmax([1000, 999, 998]), 3));
line('  naive softmax (-1000, -999, -998), float64', list(naiveSoftmax([-1000, -999, -998])));
line('  naive softmax (100, 99, 98), float32', list(naiveSoftmax([100, 99, 98], 1, true)));
line('  CE of (1e6, 0, -1e6), class 2, and its gradient', `${f(crossEntropy([1e6, 0, -1e6], 2))}, ${list(crossEntropyGrad([1e6, 0, -1e6], 2))}`);
line('  log p_2 via log-softmax vs log(softmax)', `${f(-crossEntropy([1e6, 0, -1e6], 2))}, ${Math.log(softmax([1e6, 0, -1e6])[2]!)}`);
