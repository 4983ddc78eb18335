/**
 * The sentence under `<fm-vanishing-gradients>`'s chart, which is also the chart's text alternative: the
 * first and last layers' ‖∂L/∂W‖ and their ratio, for the residual network also the plain network with the
 * same weights (the dashed line), and why any non-finite or zero norm is missing from the log-scale plot.
 */
import { formatValue } from '@lib/charts/format.ts';
import type { NetSpec } from '@lib/nets/plain-net.ts';
import { sentenceGap, msg, t, type Lang } from '@lib/i18n/index.ts';

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

const INIT_KEYS = { naive: 'vanishingGradients.initIn.naive', glorot: 'vanishingGradients.initIn.glorot', he: 'vanishingGradients.initIn.he' } as const;

/** The caption in `lang`: one catalogue sentence per fact, joined as the language joins sentences. */
export function gradientCaption({ spec, norms, plain, layer }: CaptionInput, lang: Lang = 'en'): string {
  const depth = norms.length;
  const s = series(norms);
  const residual = spec.architecture === 'residual' && plain !== null;
  if (s.overflowed) return t(lang, 'vanishingGradients.overflow', { bad: s.overflowed, depth });
  const what = residual ? msg('vanishingGradients.residual', { activation: spec.activation }) : spec.activation;
  const head = { what, init: msg(INIT_KEYS[spec.init]), depth, first: formatValue(s.first), last: formatValue(s.last) };
  const said = [s.ratio !== null ? t(lang, 'vanishingGradients.normsRatio', { ...head, ratio: formatValue(s.ratio) }) : t(lang, 'vanishingGradients.norms', head)];
  if (residual) {
    const p = series(plain);
    if (p.overflowed) said.push(t(lang, 'vanishingGradients.plainOverflow', { bad: p.overflowed, depth }));
    else {
      const both = { first: formatValue(p.first), last: formatValue(p.last), depth };
      said.push(p.ratio !== null ? t(lang, 'vanishingGradients.plainRatio', { ...both, ratio: formatValue(p.ratio) }) : t(lang, 'vanishingGradients.plain', both));
    }
    said.push(t(lang, 'vanishingGradients.readoutBoth', { layer, value: formatValue(norms[layer - 1]!), plain: formatValue(plain[layer - 1]!) }));
  } else {
    said.push(t(lang, 'vanishingGradients.readout', { layer, value: formatValue(norms[layer - 1]!) }));
  }
  if (s.zeros) said.push(t(lang, 'vanishingGradients.zeros', { count: s.zeros }));
  const plainZeros = residual ? series(plain).zeros : 0;
  if (plainZeros) said.push(t(lang, 'vanishingGradients.plainZeros', { count: plainZeros }));
  return said.join(sentenceGap(lang));
}
