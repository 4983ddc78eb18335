/**
 * The fine-tuning lab's set-up as plain text a teacher can type into attributes or a URL: one parser per
 * key (each throws a ParamError with a message for the reader), defaults, and the `compare` list — up to two
 * more runs written as overrides of the first (`compare="source=random freeze=none; lr=0.01"`).
 */
import { ParamError, parseInteger, parseKeyword, quote } from '../params/index.ts';
import { msg, type Arg } from '../i18n/index.ts';

export const SOURCES = ['digits04-cnn', 'fashion-cnn', 'random'] as const;
export const TARGETS = ['digits-5-9', 'digits-0-9', 'custom'] as const;
/** Freeze everything up to and including: nothing, block 1, both conv blocks, the whole base (all but the new head). */
export const FREEZE = ['none', 'conv1', 'conv2', 'hidden'] as const;
export const MAX_RUNS = 3;

export type Source = (typeof SOURCES)[number];
export type TargetId = (typeof TARGETS)[number];
export type Freeze = (typeof FREEZE)[number];

/** One run of the lab. */
export interface RunConfig {
  source: Source;
  target: TargetId;
  perClass: number;
  freeze: Freeze;
  lr: number;
  headLr: number;
  epochs: number;
  augment: boolean;
}

/** Settings every run of the lab shares. */
export interface LabSettings { seed: number; holdout: number }

export const RUN_DEFAULTS: RunConfig = {
  source: 'digits04-cnn', target: 'digits-5-9', perClass: 10, freeze: 'conv2', lr: 0.001, headLr: 10, epochs: 10, augment: false,
};
export const LAB_DEFAULTS: LabSettings = { seed: 1, holdout: 20 };

/** Attribute name → RunConfig key. */
export const RUN_KEYS = {
  source: 'source', target: 'target', 'per-class': 'perClass', freeze: 'freeze', lr: 'lr', 'head-lr': 'headLr', epochs: 'epochs', augment: 'augment',
} as const satisfies Record<string, keyof RunConfig>;
export type RunAttr = keyof typeof RUN_KEYS;
export const RUN_ATTRS = Object.keys(RUN_KEYS) as RunAttr[];

/** A positive decimal such as 0.001 or 1e-3 within [min, max]. */
export function parseDecimal(name: string, raw: string, min: number, max: number): number {
  const text = raw.trim();
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) throw new ParamError(name, msg('finetuneLab.param.number', { name, min: String(min), value: quote(raw) }));
  const value = Number(text);
  if (!(value >= min && value <= max)) throw new ParamError(name, msg('finetuneLab.param.range', { name, min: String(min), max: String(max), value: quote(raw) }));
  return value;
}

export const RUN_PARSE: { [A in RunAttr]: (raw: string) => RunConfig[(typeof RUN_KEYS)[A]] } = {
  source: (raw) => parseKeyword('source', raw, SOURCES),
  target: (raw) => parseKeyword('target', raw, TARGETS),
  'per-class': (raw) => {
    const n = parseInteger('per-class', raw, 0, 500);
    if (n === 0) throw new ParamError('per-class', msg('finetuneLab.param.perClassZero'));
    return n;
  },
  freeze: (raw) => parseKeyword('freeze', raw, FREEZE),
  lr: (raw) => parseDecimal('lr', raw, 1e-5, 1),
  'head-lr': (raw) => parseDecimal('head-lr', raw, 0.1, 100),
  epochs: (raw) => parseInteger('epochs', raw, 1, 50),
  augment: (raw) => parseKeyword('augment', raw, ['on', 'off'] as const) === 'on',
};

export const LAB_PARSE = {
  seed: (raw: string) => parseInteger('seed', raw, 0, 999_999),
  holdout: (raw: string) => parseInteger('holdout', raw, 5, 150),
};

/** The value as an attribute holds it (inverse of RUN_PARSE). */
export function formatValue(attr: RunAttr, config: RunConfig): string {
  const v = config[RUN_KEYS[attr]];
  return typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v);
}

/** Applies one `key=value` list ("source=random freeze=none", spaces or commas between pairs) to `base`. */
export function parseOverrides(raw: string, base: RunConfig, label: Arg): RunConfig {
  const out = { ...base } as Record<keyof RunConfig, unknown>;
  for (const pair of raw.split(/[\s,]+/).filter(Boolean)) {
    const m = /^([a-z-]+)=(.*)$/i.exec(pair);
    if (!m) throw new ParamError('compare', msg('finetuneLab.param.pair', { label, value: quote(pair) }));
    const key = m[1]!.toLowerCase();
    if (!(key in RUN_KEYS)) throw new ParamError('compare', msg('finetuneLab.param.unknown', { label, value: quote(key), settings: RUN_ATTRS.join(', ') }));
    try {
      out[RUN_KEYS[key as RunAttr]] = RUN_PARSE[key as RunAttr](m[2]!);
    } catch (e) {
      throw new ParamError('compare', msg('finetuneLab.param.inCompare', { label, error: e instanceof ParamError ? e.said : (e as Error).message }));
    }
  }
  return out as unknown as RunConfig;
}

/** The extra runs of `compare` (at most MAX_RUNS − 1), each a copy of `base` with its overrides. */
export function parseCompare(raw: string, base: RunConfig): RunConfig[] {
  const parts = raw.split(';').map((s) => s.trim()).filter(Boolean);
  if (parts.length > MAX_RUNS - 1) throw new ParamError('compare', msg('finetuneLab.param.tooMany', { max: MAX_RUNS - 1, runs: parts.length }));
  return parts.map((p, i) => parseOverrides(p, base, msg('finetuneLab.param.run', { run: runLabel(i + 1) })));
}

/** `compare` text for runs 2…n: what differs from the first run (a run equal to it still needs one pair). */
export function formatCompare(runs: readonly RunConfig[]): string {
  const [base, ...rest] = runs;
  const diff = (r: RunConfig) => RUN_ATTRS.filter((a) => formatValue(a, r) !== formatValue(a, base!));
  return rest.map((r) => (diff(r).length ? diff(r) : (['source'] as RunAttr[])).map((a) => `${a}=${formatValue(a, r)}`).join(' ')).join('; ');
}

export function runLabel(index: number): string {
  return String.fromCharCode(65 + index);
}
