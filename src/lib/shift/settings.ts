/**
 * `<fm-domain-shift>`'s attributes (here, not beside the element, so scripts can read the defaults): defaults and one parser each (also run by the MDX shell at build time).
 * `strength` means something different for each shift (STRENGTH), so it is read against the shift in force:
 * the raw text is kept and resolved by `resolveStrength`, and a strength from another shift never leaks over.
 */
import { ParamError, parseInteger, parseKeyword, quote } from '../params/index.ts';
import { SHIFTS, STRENGTH, shiftName, strengthMeaning, type Shift } from './transforms.ts';
import { msg } from '../i18n/t.ts';

export interface ShiftAttrs { shift: Shift; strength: string | null; seed: number; images: number; labels: number }
export const SHIFT_DEFAULTS: ShiftAttrs = { shift: 'inverted', strength: null, seed: 1, images: 200, labels: 10 };
export const SHIFT_ATTRS = ['shift', 'strength', 'seed', 'images', 'labels'] as const;
export type ShiftAttr = (typeof SHIFT_ATTRS)[number];
export const LIMITS = { seed: [1, 999_999], images: [10, 1000], labels: [0, 20] } as const;

export const SHIFT_PARSE: Record<ShiftAttr, (raw: string) => Partial<ShiftAttrs>> = {
  shift: (raw) => ({ shift: parseKeyword('shift', raw, SHIFTS) }),
  // Checked for being a number here; its range depends on the shift (resolveStrength).
  strength: (raw) => {
    if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(raw)) throw new ParamError('strength', msg('domainShift.strengthNotNumber', { raw: quote(raw) }));
    return { strength: raw.trim() };
  },
  seed: (raw) => ({ seed: parseInteger('seed', raw, ...LIMITS.seed) }),
  images: (raw) => ({ images: parseInteger('images', raw, ...LIMITS.images) }),
  labels: (raw) => ({ labels: parseInteger('labels', raw, ...LIMITS.labels) }),
};

/** The strength for `shift`: its default when none is given; a ParamError naming the range when out of it. */
export function resolveStrength(shift: Shift, raw: string | null): number {
  const spec = STRENGTH[shift];
  if (raw === null) return spec.default;
  const v = Number(raw);
  const ok = Number.isFinite(v) && v >= spec.min && v <= spec.max && (!spec.integer || Number.isInteger(v));
  if (!ok) {
    const params = { shift: shiftName(shift), meaning: strengthMeaning(shift), min: String(spec.min), max: String(spec.max), raw: quote(raw) };
    throw new ParamError('strength', msg(spec.integer ? 'domainShift.strengthRangeWhole' : 'domainShift.strengthRange', params));
  }
  return v;
}

/** Labelled examples must come from the target images: at most images ÷ classes of each digit. */
export function checkLabels(labels: number, images: number, classes: number): void {
  const most = Math.floor(images / classes);
  if (labels > most) {
    throw new ParamError('labels', msg('domainShift.labelsTooMany', { labels: String(labels), images: String(images), most: String(most) }));
  }
}
