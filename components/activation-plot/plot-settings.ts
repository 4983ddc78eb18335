/** `<fm-activation-plot>`'s attributes: defaults and one parser each (also run by the MDX shell at build time). */
import { ParamError, quote } from '@lib/params/index.ts';
import { msg } from '@lib/i18n/index.ts';
import { DEFAULT_SLOPE, type ActivationName } from '@lib/activations/functions.ts';
import { parseActivationList, parseSlope } from '@lib/activations/params.ts';
import { X_MAX, X_MIN } from '@lib/activations/curve.ts';

export interface PlotSettings { functions: ActivationName[]; slope: number; x: number }
export const PLOT_DEFAULTS: PlotSettings = { functions: ['relu', 'sigmoid', 'tanh'], slope: DEFAULT_SLOPE, x: 1 };
export const PLOT_ATTRS = ['functions', 'slope', 'x'] as const;
export type PlotAttr = (typeof PLOT_ATTRS)[number];

export function parseX(raw: string): number {
  const v = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(v)) throw new ParamError('x', msg('activationPlot.xNotNumber', { min: X_MIN, max: X_MAX, raw: quote(raw) }));
  if (v < X_MIN || v > X_MAX) throw new ParamError('x', msg('activationPlot.xOutOfRange', { min: X_MIN, max: X_MAX, value: String(v) }));
  return v;
}

/** One parser per attribute; each returns the setting it changes or throws a ParamError for the reader. */
export const PLOT_PARSE: Record<PlotAttr, (raw: string) => Partial<PlotSettings>> = {
  functions: (raw) => ({ functions: parseActivationList(raw) }),
  slope: (raw) => ({ slope: parseSlope(raw) }),
  x: (raw) => ({ x: parseX(raw) }),
};
