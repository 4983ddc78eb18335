/**
 * The sentence under `<fm-vanishing-gradients>`'s chart, which is also the chart's text alternative: the
 * first and last layers' ‖∂L/∂W‖ and their ratio, for the residual network also the plain network with the
 * same weights (the dashed line), and why any non-finite or zero norm is missing from the log-scale plot.
 */
import { formatValue } from '@lib/charts/format.ts';
import { INIT_LABELS, type NetSpec } from '@lib/nets/plain-net.ts';

export interface CaptionInput {
  spec: Pick<NetSpec, 'activation' | 'init' | 'architecture'>;
  /** ‖∂L/∂W_l‖ of the network in force, l = 1…depth. */
  norms: ArrayLike<number>;
  /** The plain network's norms on the same weights, shown for comparison when the network is residual. */
  plain: ArrayLike<number> | null;
  /** The read-out layer, 1-based. */
  layer: number;
}

interface Series { first: number; last: number; ratio: number | null; overflowed: number; zeros: number }

function series(n: ArrayLike<number>): Series {
  const v = Array.from(n);
  const first = v[0]!, last = v[v.length - 1]!;
  const ok = Number.isFinite(first) && Number.isFinite(last) && first > 0 && last > 0;
  return { first, last, ratio: ok ? first / last : null, overflowed: v.filter((x) => !Number.isFinite(x)).length, zeros: v.filter((x) => x === 0).length };
}

const OVERFLOW = (count: number, depth: number) =>
  `The numbers overflowed float32 (larger than about 3.4e38) in ${count} of ${depth} layers: exploding activations and gradients. Only finite norms are plotted; try Glorot or He initialisation or fewer layers.`;
const ZEROS = (count: number) =>
  ` ${count} layer${count > 1 ? 's have' : ' has'} a gradient of exactly 0 (it underflowed float32 or no unit was active): not plotted on the log scale.`;

export function gradientCaption({ spec, norms, plain, layer }: CaptionInput): string {
  const depth = norms.length;
  const s = series(norms);
  const residual = spec.architecture === 'residual' && plain !== null;
  if (s.overflowed) return OVERFLOW(s.overflowed, depth);
  const what = residual ? `Residual network (identity skip), ${spec.activation}` : spec.activation;
  let text = `${what}, ${INIT_LABELS[spec.init]} initialisation, ${depth} layers: ‖∂L/∂W‖ is ${formatValue(s.first)} at layer 1 and ${formatValue(s.last)} at layer ${depth}`;
  if (s.ratio !== null) text += `, a ratio first/last of ${formatValue(s.ratio)}`;
  text += '.';
  if (residual) {
    const p = series(plain);
    if (p.overflowed) text += ` Without the skip (the plain network with the same weights, dashed line) the numbers overflowed float32 in ${p.overflowed} of ${depth} layers; only its finite norms are plotted.`;
    else {
      text += ` Without the skip (the plain network with the same weights, dashed line): ${formatValue(p.first)} at layer 1 and ${formatValue(p.last)} at layer ${depth}`;
      text += p.ratio !== null ? `, a ratio of ${formatValue(p.ratio)}.` : '.';
    }
    text += ` Layer ${layer}: ${formatValue(norms[layer - 1]!)} (without the skip: ${formatValue(plain[layer - 1]!)}).`;
  } else {
    text += ` Layer ${layer}: ${formatValue(norms[layer - 1]!)}.`;
  }
  if (s.zeros) text += ZEROS(s.zeros);
  const plainZeros = residual ? series(plain).zeros : 0;
  if (plainZeros) text += ` Without the skip, ${plainZeros} layer${plainZeros > 1 ? 's have' : ' has'} a gradient of exactly 0, not plotted.`;
  return text;
}
