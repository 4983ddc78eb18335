/**
 * The race in words: the text alternative of the charts (and the script's closing line). Each network's
 * losses are stated in its own loss; the accuracies are directly comparable. The curves are validation
 * figures; the test accuracy is stated once, when the race has measured it after the last epoch.
 */
import type { LossKind } from '../train/forward.ts';
import { formatNumber, msg, t, type Lang, type Msg } from '../i18n/index.ts';
import type { RaceState } from './loss-race.ts';
import type { RacePhase } from './types.ts';
import { ownLoss } from './series.ts';

export const LOSS_NAMES: Record<LossKind, string> = { ce: 'cross-entropy', mse: 'squared error' };
const LOSS_KEYS = { ce: 'lossRace.loss.ce', mse: 'lossRace.loss.mse' } as const;
const NETWORK_KEYS = { ce: 'lossRace.network.ce', mse: 'lossRace.network.mse' } as const;
const NAMED_KEYS = { ce: 'lossRace.named.ce', mse: 'lossRace.named.mse' } as const;

/** `v` with `digits` decimals (as `toFixed`, no grouping) in the locale's digits; a non-finite value as `String(v)`. */
export const fixed = (lang: Lang, v: number, digits: number) =>
  Number.isFinite(v) ? formatNumber(lang, v, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }) : String(v);
/** A count as the race has always written it: no grouping (1600 steps, not 1,600). */
export const count = (lang: Lang, n: number) => formatNumber(lang, n, { useGrouping: false });
const pct = (lang: Lang, v: number) => `${fixed(lang, v * 100, 1)}%`;
/** `items` joined by a two-place message (`{before}, {after}`), in order. */
const joined = (lang: Lang, items: string[], key: 'lossRace.and' | 'lossRace.vs' | 'lossRace.runs') =>
  items.reduce((before, after) => t(lang, key, { before, after }));

/** One sentence per network at the latest point, after a lead sentence on where the race stands; in `lang`. */
export function raceSummary(s: RaceState, lang: Lang = 'en'): string {
  const steps = Math.min(...s.runs.map((r) => r.steps));
  const epochs = s.perEpoch ? steps / s.perEpoch : 0;
  const at = { step: count(lang, steps), total: count(lang, s.totalSteps), epoch: formatNumber(lang, +epochs.toFixed(2), { maximumFractionDigits: 2 }) };
  const where = s.phase === 'done'
    ? t(lang, 'lossRace.where.done', { count: s.config.epochs, steps: count(lang, s.totalSteps) })
    : steps === 0
      ? t(lang, 'lossRace.where.before')
      : t(lang, s.phase === 'cancelled' ? 'lossRace.where.cancelled' : s.phase === 'paused' ? 'lossRace.where.paused' : 'lossRace.where.running', at);
  const parts = s.runs.map((run) => {
    const v = run.validation.at(-1);
    const tr = run.train.at(-1);
    const loss = msg(LOSS_KEYS[run.kind]);
    const bits: string[] = [];
    if (tr) bits.push(t(lang, 'lossRace.trainLoss', { value: fixed(lang, tr[1], 3) }));
    if (v) {
      const value = fixed(lang, ownLoss(run, v), 3);
      bits.push(v.step < run.steps ? t(lang, 'lossRace.validationLossAt', { loss, value, step: count(lang, v.step) }) : t(lang, 'lossRace.validationLoss', { loss, value }),
        t(lang, 'lossRace.validationAccuracy', { value: pct(lang, v.accuracy) }));
    }
    return t(lang, 'lossRace.run', { network: msg(NETWORK_KEYS[run.kind]), figures: bits.length ? joined(lang, bits, 'lossRace.and') : t(lang, 'lossRace.noNumbers') });
  });
  const text = joined(lang, parts, 'lossRace.runs');
  const runs = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  const test = testSentence(s, lang);
  return test ? t(lang, 'lossRace.summaryTest', { where, runs, test }) : t(lang, 'lossRace.summary', { where, runs });
}

/** The final comparison: test accuracy, measured once after training; '' before that (or for a cancelled race). */
export function testSentence(s: RaceState, lang: Lang = 'en'): string {
  const runs = s.runs.filter((r) => r.test);
  if (runs.length === 0 || runs.length !== s.runs.length) return '';
  const list = joined(lang, runs.map((r) => t(lang, NAMED_KEYS[r.kind], { value: pct(lang, r.test!.accuracy) })), 'lossRace.and');
  return t(lang, 'lossRace.test', { count: runs[0]!.test!.count, list });
}

/** The accuracies at the latest common validation point, for the status line ("CE 71.2% vs SE 64.0%"). */
export function accuracyLine(s: Pick<RaceState, 'runs'>, lang: Lang = 'en'): string {
  return joined(lang, s.runs.map((r) => {
    const v = r.validation.at(-1);
    return t(lang, NAMED_KEYS[r.kind], { value: v ? pct(lang, v.accuracy) : '—' });
  }), 'lossRace.vs');
}

/** A line said in the reader's language when it is shown, and again when the language changes (nothing recomputed). */
export type Said = Msg | ((lang: Lang) => string);

/**
 * What a race update changes in the status line, if anything: a new phase, or a new epoch's validation accuracy.
 * `previous` is the phase shown before this update: only a race that was held is "Resumed" (Start leaves `ready`
 * or `done` for `running`, and the element has already said the race is under way). `outOfView`: the race was
 * paused because the widget left the view.
 */
export function raceNews(s: RaceState, o: { previous: RacePhase | undefined; epochs: number; epochsSaid: number; outOfView: boolean; tests: number }): Said | null {
  const step = Math.min(...s.runs.map((r) => r.steps));
  const phaseChanged = s.phase !== o.previous;
  if (phaseChanged && s.phase === 'running') return o.previous === 'paused' || o.previous === 'pausing' ? msg('lossRace.resumed') : null;
  if (phaseChanged && s.phase === 'pausing') return msg('lossRace.pausing');
  const total = s.totalSteps;
  if (phaseChanged && s.phase === 'paused') return (lang) => t(lang, o.outOfView ? 'lossRace.pausedOutOfView' : 'lossRace.paused', { step: count(lang, step), total: count(lang, total) });
  if (phaseChanged && s.phase === 'testing') return (lang) => t(lang, 'lossRace.testing', { count: o.tests });
  if (o.epochs > o.epochsSaid && s.phase === 'running') {
    // The figures of this epoch, kept: the race goes on updating its state while the line is on screen.
    const now = { runs: s.runs.map((r) => ({ ...r, validation: r.validation.slice(-1) })) }, epochs = s.config.epochs;
    return (lang) => t(lang, 'lossRace.epochNews', { epoch: o.epochs, epochs, accuracies: accuracyLine(now, lang) });
  }
  return null;
}
