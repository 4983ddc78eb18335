/** The explorer's attributes: defaults and one parser each (shared with the MDX shell and the embed page). */
import { ParamError } from '@lib/params/index.ts';
import type { Msg } from '@lib/i18n/index.ts';
import { parseLogits, parseSmoothing, parseTarget, parseTemperature } from '@lib/losses/params.ts';

export interface ExplorerSettings { logits: number[]; temperature: number; target: number; smoothing: number }

export const DEFAULTS: ExplorerSettings = { logits: [2, 1, 0.1], temperature: 1, target: 0, smoothing: 0 };
export const EXPLORER_ATTRS = ['logits', 'temperature', 'target', 'smoothing'] as const;
export type ExplorerAttr = (typeof EXPLORER_ATTRS)[number];

/**
 * Reads every attribute in a fixed order (logits before target, since the target's range depends on the
 * number of classes). A value that fails keeps the previous good one and adds its message to `errors`;
 * a target left out of range by fewer logits falls back to class 0 and says so.
 */
export function readSettings(get: (name: ExplorerAttr) => string | null, previous: ExplorerSettings): { settings: ExplorerSettings; errors: (string | Msg)[] } {
  const s = { ...previous };
  const errors: (string | Msg)[] = [];
  const attempt = (fn: () => void) => {
    try { fn(); } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      errors.push(e.said);
    }
  };
  const raw = (name: ExplorerAttr) => get(name);
  attempt(() => { const r = raw('logits'); s.logits = r === null ? DEFAULTS.logits : parseLogits('logits', r); });
  attempt(() => { const r = raw('temperature'); s.temperature = r === null ? DEFAULTS.temperature : parseTemperature('temperature', r); });
  attempt(() => { const r = raw('smoothing'); s.smoothing = r === null ? DEFAULTS.smoothing : parseSmoothing('smoothing', r); });
  attempt(() => { const r = raw('target'); s.target = r === null ? DEFAULTS.target : parseTarget('target', r, s.logits.length); });
  if (s.target >= s.logits.length) s.target = 0;
  return { settings: s, errors };
}

/** Logits as attribute text: short decimals, so a dragged 0.30000000000000004 is written 0.3. */
export function formatLogits(logits: readonly number[]): string {
  return logits.map((v) => String(Number(v.toPrecision(10)))).join(', ');
}
