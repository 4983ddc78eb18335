/**
 * A deep fully connected network, the subject of the vanishing-gradient experiment: `depth` layers of `width`
 * units (no biases), plain h_l = φ(h_{l−1} W_l) or residual h_l = h_{l−1} + φ(h_{l−1} W_l) (an identity skip;
 * rows are examples, so W_l here is the book's column-form W_lᵀ), a seeded batch x and targets t, and the loss
 * L = ‖h_D − t‖² / (2B). Everything random comes from one seeded LCG stream, rounded to float32, so the
 * engine and the float64 oracle start from identical numbers; the architecture draws nothing, so a plain and
 * a residual network of the same seed share every weight and can be compared layer by layer.
 */
import { ParamError, parseInteger, parseKeyword } from '../params/index.ts';
import { lcg } from '../random/lcg.ts';
import { runSync, type Sliced } from '../schedule/slices.ts';
import { msg } from '../i18n/t.ts';

export const NET_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type NetActivation = (typeof NET_ACTIVATIONS)[number];
export const INITS = ['naive', 'glorot', 'he'] as const;
export type InitName = (typeof INITS)[number];
export const ARCHITECTURES = ['plain', 'residual'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 50;
export const MIN_WIDTH = 4;
export const MAX_WIDTH = 128;
export const BATCH = 16;

export interface NetSpec { depth: number; width: number; activation: NetActivation; init: InitName; seed: number; architecture: Architecture }
export const DEFAULT_NET: NetSpec = { depth: 20, width: 64, activation: 'sigmoid', init: 'naive', seed: 1, architecture: 'plain' };

/** The standard deviation of each weight: naive N(0, 1); Glorot N(0, 2/(fan_in + fan_out)); He N(0, 2/fan_in). */
export function initStd(init: InitName, width: number): number {
  if (init === 'naive') return 1;
  return init === 'glorot' ? Math.sqrt(2 / (width + width)) : Math.sqrt(2 / width);
}

export const INIT_LABELS: Record<InitName, string> = {
  naive: 'naive, N(0, 1)',
  glorot: 'Glorot, N(0, 1/width)',
  he: 'He, N(0, 2/width)',
};

export const ARCHITECTURE_LABELS: Record<Architecture, string> = {
  plain: 'plain',
  residual: 'residual (identity skip)',
};

export interface NetData { x: Float32Array; t: Float32Array; weights: Float32Array[] }

/** Standard normal draws by Box–Muller from the book's LCG. */
function gaussian(next: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) { const s = spare; spare = null; return s; }
    const u = 1 - next(); // (0, 1]: log never sees 0
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/**
 * x [B, width] ~ N(0,1), t [B, width] ~ N(0,1), then W_1 … W_D [width, width] ~ N(0, std²), in that order, pausing
 * after each array (schedule/slices.ts): a page draws them with runSliced (82,000 draws for the default net, ~10 ms
 * of one task on the embed page here, and ten times as many for the largest), scripts and tests with netData.
 */
export function* netDataSliced(spec: Omit<NetSpec, 'architecture'>): Sliced<NetData> {
  const g = gaussian(lcg(spec.seed));
  // A plain loop: Float32Array.from with a map function over {length} took twice as long (Node, a 50-layer net of
  // width 128: 51 → 27 ms). The same draws in the same order, the same values.
  const fill = (n: number, std: number) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = g() * std;
    return out;
  };
  const w = spec.width;
  const x = fill(BATCH * w, 1);
  const t = fill(BATCH * w, 1);
  const std = initStd(spec.init, w);
  const weights: Float32Array[] = [];
  for (let l = 0; l < spec.depth; l++) {
    yield;
    weights.push(fill(w * w, std));
  }
  return { x, t, weights };
}

export const netData = (spec: Omit<NetSpec, 'architecture'>): NetData => runSync(netDataSliced(spec));

type Parsers = { [K in keyof NetSpec]: (raw: string) => NetSpec[K] };
export const NET_PARSERS: Parsers = {
  depth: (raw) => parseInteger('depth', raw, MIN_DEPTH, MAX_DEPTH),
  width: (raw) => parseInteger('width', raw, MIN_WIDTH, MAX_WIDTH),
  activation: (raw) => parseKeyword('activation', raw, NET_ACTIVATIONS),
  init: (raw) => parseKeyword('init', raw, INITS),
  seed: (raw) => parseInteger('seed', raw, 0, 2 ** 31 - 1),
  architecture: (raw) => parseKeyword('architecture', raw, ARCHITECTURES),
};

/** The selected layer (1-based) for the read-out, within the network's depth. */
export function parseLayer(raw: string, depth: number): number {
  try {
    return parseInteger('layer', raw, 1, depth);
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError('layer', msg('vanishingGradients.layerOutOfRange', { error: e.said, count: depth }));
    throw e;
  }
}
