/**
 * `<fm-finetune-lab>`'s settings as its attributes give them: run A (the run attributes), runs B and C (`compare`,
 * overrides of A) and the settings shared by all runs (`seed`, `holdout`).
 */
import { ParamError } from '@lib/params/index.ts';
import type { Msg } from '@lib/i18n/index.ts';
import { LAB_DEFAULTS, LAB_PARSE, RUN_ATTRS, RUN_DEFAULTS, RUN_KEYS, RUN_PARSE, parseCompare, type LabSettings, type RunConfig } from '@lib/transfer/config.ts';

export const LAB_ATTRS = [...RUN_ATTRS, 'seed', 'holdout', 'compare'] as const;
export type LabAttr = (typeof LAB_ATTRS)[number];

/** Run A, the `compare` text in force and the runs it gives, and the shared settings. */
export interface LabState { base: RunConfig; compareText: string; extra: RunConfig[]; lab: LabSettings }
export const LAB_START: LabState = { base: RUN_DEFAULTS, compareText: '', extra: [], lab: LAB_DEFAULTS };

/**
 * The settings once attribute `name` is `raw` (null: removed). A refused value leaves the last good one in force
 * and puts its message in `errors`, keyed by attribute; an accepted one removes the key.
 */
export function withLabAttribute(st: LabState, name: LabAttr, raw: string | null, errors: Map<string, string | Msg>): LabState {
  let { base, compareText, extra, lab } = st;
  try {
    if (name === 'seed' || name === 'holdout') lab = { ...lab, [name]: raw === null ? LAB_DEFAULTS[name] : LAB_PARSE[name](raw) };
    else if (name !== 'compare') base = { ...base, [RUN_KEYS[name]]: raw === null ? RUN_DEFAULTS[RUN_KEYS[name]] : RUN_PARSE[name](raw) };
    errors.delete(name);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    errors.set(name, e.said);
  }
  // Runs B and C are overrides of A: re-read them whenever A or the list changes.
  try {
    const text = name === 'compare' ? (raw ?? '') : compareText;
    extra = parseCompare(text, base);
    compareText = text;
    errors.delete('compare');
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    errors.set('compare', e.said);
  }
  return { base, compareText, extra, lab };
}
