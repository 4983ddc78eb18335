/**
 * Catastrophic forgetting, measured: after fine-tuning a source network on a new task, put its ORIGINAL head
 * (kept aside) back on the fine-tuned base and test it on the source task again. The arithmetic of
 * scripts/forgetting.mts: the arms it compares, the swapped-head network, how far the pretrained weights moved,
 * and the summaries over seeds. The results file is src/data/forgetting.json.
 */
import type { Gemm } from '../train/cpu/gemm.ts';
import { CpuNet, type Op } from '../train/cpu/net.ts';
import { mean, sampleSd } from './stats.ts';
import type { StrategyId } from './strategies.ts';

export interface ForgettingArm {
  id: string;
  label: string;
  strategy: Extract<StrategyId, 'full' | 'conv-frozen'>;
  /** L2-SP strengths (src/lib/train/cpu/l2sp.ts); absent: plain fine-tuning. */
  l2sp?: { alpha: number; beta: number };
}

/** Plain full fine-tuning, full fine-tuning with L2-SP at each α, and the lab's default (conv blocks frozen). */
export function forgettingArms(alphas: readonly number[], beta: number): ForgettingArm[] {
  return [
    { id: 'full', label: 'Full fine-tuning', strategy: 'full' },
    ...alphas.map((alpha): ForgettingArm => ({ id: `full-l2sp-${alpha}`, label: `Full fine-tuning + L2-SP, λ_SP = ${alpha}`, strategy: 'full', l2sp: { alpha, beta } })),
    { id: 'conv-frozen', label: 'Conv blocks frozen (the lab’s default)', strategy: 'conv-frozen' },
  ];
}

/** `net` with its `logits` layer replaced by `head` (other layers shared, not copied). */
export function withHead(net: CpuNet, head: Op, gemm?: Gemm): CpuNet {
  if (head.name !== 'logits' || head.kind !== 'dense') throw new Error(`the head must be a dense layer named logits, got ${head.kind} "${head.name}"`);
  return new CpuNet(net.ops.map((op) => (op.name === 'logits' ? head : op)), gemm ? { gemm } : {});
}

/** `net` with every BatchNorm layer's moving statistics taken from the layer of the same name in `from`. */
export function withStatisticsOf(net: CpuNet, from: CpuNet, gemm?: Gemm): CpuNet {
  const stats = new Map(from.ops.flatMap((op) => (op.kind === 'bn' ? [[op.name, op] as const] : [])));
  return new CpuNet(net.ops.map((op) => {
    const s = op.kind === 'bn' ? stats.get(op.name) : undefined;
    return op.kind === 'bn' && s ? { ...op, mean: s.mean, variance: s.variance } : op;
  }), gemm ? { gemm } : {});
}

/**
 * ‖w − w⁰‖² summed over the weights `net` shares with `source` (conv kernels, BatchNorm γ and β, dense kernels
 * and biases; the head excluded): how far fine-tuning moved the pretrained layers.
 */
export function pretrainedDrift(net: CpuNet, source: CpuNet, head = 'logits'): number {
  const weights = (op: Op): Float32Array[] => (op.kind === 'conv' ? [op.kernel] : op.kind === 'bn' ? [op.gamma, op.beta] : op.kind === 'dense' ? [op.kernel, op.bias] : []);
  const byName = new Map(source.ops.map((op) => [op.name, op]));
  let sum = 0;
  for (const op of net.ops) {
    const s = byName.get(op.name);
    if (!s || op.name === head) continue;
    const [a, b] = [weights(op), weights(s)];
    a.forEach((w, i) => {
      const w0 = b[i]!;
      if (w0.length !== w.length) throw new Error(`layer ${op.name}: ${w.length} values against the source's ${w0.length}`);
      for (let j = 0; j < w.length; j++) sum += (w[j]! - w0[j]!) ** 2;
    });
  }
  return sum;
}

export interface ForgettingRun {
  arm: string;
  perClass: number;
  seed: number;
  /** Test accuracy on the new task (new head). */
  targetAccuracy: number;
  /** Test accuracy on the source task: fine-tuned base, original head, the base's BatchNorm statistics as fine-tuning left them. */
  sourceAccuracy: number;
  /** The same with the source's BatchNorm statistics put back (how much of the loss is the statistics). */
  sourceAccuracySourceBn: number;
  /** ‖w − w⁰‖² over the pretrained layers. */
  drift: number;
  steps: number;
  batch: number;
  ms: number;
}

type Stat = { mean: number; sd: number; values: number[] };
export interface ForgettingSummary {
  arm: string;
  perClass: number;
  seeds: number[];
  targetAccuracy: Stat;
  sourceAccuracy: Stat;
  sourceAccuracySourceBn: Stat;
  drift: Stat;
  /** sourceAccuracy − the source network's accuracy before fine-tuning, per seed. */
  forgetting: Stat;
}

const stat = (values: number[]): Stat => ({ mean: mean(values), sd: sampleSd(values), values });

/** One summary per (arm, label count), in the order of `arms` then `perClass`, seeds ascending. */
export function summariseForgetting(runs: readonly ForgettingRun[], before: number, arms: readonly string[], perClass: readonly number[]): ForgettingSummary[] {
  return arms.flatMap((arm) => perClass.flatMap((n) => {
    const rs = runs.filter((r) => r.arm === arm && r.perClass === n).sort((a, b) => a.seed - b.seed);
    if (rs.length === 0) return [];
    const of = (f: (r: ForgettingRun) => number) => stat(rs.map(f));
    return [{
      arm, perClass: n, seeds: rs.map((r) => r.seed),
      targetAccuracy: of((r) => r.targetAccuracy), sourceAccuracy: of((r) => r.sourceAccuracy),
      sourceAccuracySourceBn: of((r) => r.sourceAccuracySourceBn), drift: of((r) => r.drift),
      forgetting: of((r) => r.sourceAccuracy - before),
    }];
  }));
}
