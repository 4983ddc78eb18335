/** The loss-curves widget's attributes: defaults and parsers (shared with the MDX shell and the embed page). */
import { ParamError, parseInteger, parseKeyword, quote } from '@lib/params/index.ts';
import { parseReal } from '@lib/losses/params.ts';
import { CURVE_LOSSES, type CurveGradient, type CurveLoss } from '@lib/losses/curves.ts';
import { msg, type Msg } from '@lib/i18n/index.ts';

export interface CurvesSettings { classes: number; gradient: CurveGradient; losses: CurveLoss[]; p: number }
export const DEFAULTS: CurvesSettings = { classes: 10, gradient: 'logit', losses: [...CURVE_LOSSES], p: 0.1 };
export const CURVES_ATTRS = ['classes', 'gradient', 'losses', 'p'] as const;
export type CurvesAttr = (typeof CURVES_ATTRS)[number];
export const P_MIN = 0.001;
export const P_MAX = 0.999;

export function parseLosses(name: string, raw: string): CurveLoss[] {
  const parts = raw.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0) throw new ParamError(name, msg('lossCurves.noLoss', { name, list: CURVE_LOSSES.join(', '), value: quote(raw) }));
  const picked = parts.map((part) => parseKeyword(name, part, CURVE_LOSSES));
  return CURVE_LOSSES.filter((l) => picked.includes(l));
}

const PARSE: Record<CurvesAttr, (raw: string) => Partial<CurvesSettings>> = {
  classes: (raw) => ({ classes: parseInteger('classes', raw, 2, 10) }),
  gradient: (raw) => ({ gradient: parseKeyword('gradient', raw, ['logit', 'p'] as const) }),
  losses: (raw) => ({ losses: parseLosses('losses', raw) }),
  p: (raw) => ({ p: parseReal('p', raw, P_MIN, P_MAX) }),
};

/** Every attribute; a value that fails keeps the previous good one and adds its message (as the reader is shown it) to `errors`. */
export function readSettings(get: (name: CurvesAttr) => string | null, previous: CurvesSettings): { settings: CurvesSettings; errors: (string | Msg)[] } {
  let s = { ...previous };
  const errors: (string | Msg)[] = [];
  for (const name of CURVES_ATTRS) {
    const raw = get(name);
    try {
      s = { ...s, ...(raw === null ? { [name]: DEFAULTS[name] } : PARSE[name](raw)) };
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      errors.push(e.said);
    }
  }
  return { settings: s, errors };
}
