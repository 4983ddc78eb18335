/**
 * The race in words: the text alternative of the charts (and the script's closing line). Each network's
 * losses are stated in its own loss; the accuracies are directly comparable. The curves are validation
 * figures; the test accuracy is stated once, when the race has measured it after the last epoch.
 */
import type { LossKind } from '../train/forward.ts';
import type { RaceState } from './loss-race.ts';
import type { RacePhase } from './types.ts';
import { ownLoss } from './series.ts';

export const LOSS_NAMES: Record<LossKind, string> = { ce: 'cross-entropy', mse: 'squared error' };

const num = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : String(v));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** One sentence per network at the latest point, after a lead sentence on where the race stands. */
export function raceSummary(s: RaceState): string {
  const steps = Math.min(...s.runs.map((r) => r.steps));
  const epochs = s.perEpoch ? steps / s.perEpoch : 0;
  const where = s.phase === 'done'
    ? `After ${s.config.epochs} epoch${s.config.epochs === 1 ? '' : 's'} (${s.totalSteps} steps per network)`
    : steps === 0
      ? 'Before training, both networks have the same weights'
      : `${s.phase === 'cancelled' ? 'Cancelled' : s.phase === 'paused' ? 'Paused' : 'Running'} at step ${steps} of ${s.totalSteps} (epoch ${+epochs.toFixed(2)})`;
  const parts = s.runs.map((run) => {
    const name = `${LOSS_NAMES[run.kind]} network`;
    const v = run.validation.at(-1);
    const t = run.train.at(-1);
    const bits: string[] = [];
    if (t) bits.push(`training loss ${num(t[1])} (last batch)`);
    if (v) bits.push(`validation ${LOSS_NAMES[run.kind]} ${num(ownLoss(run, v))}${v.step < run.steps ? ` at step ${v.step}` : ''}`, `validation accuracy ${pct(v.accuracy)}`);
    return `${name}: ${bits.join(', ') || 'no numbers yet'}`;
  });
  const text = parts.join('; ');
  const test = testSentence(s);
  return `${where}. ${text.charAt(0).toUpperCase()}${text.slice(1)}.${test ? ` ${test}` : ''}`;
}

/** The final comparison: test accuracy, measured once after training; '' before that (or for a cancelled race). */
export function testSentence(s: RaceState): string {
  const runs = s.runs.filter((r) => r.test);
  if (runs.length === 0 || runs.length !== s.runs.length) return '';
  const list = runs.map((r) => `${LOSS_NAMES[r.kind]} ${pct(r.test!.accuracy)}`).join(', ');
  return `Test accuracy, measured once after training on ${runs[0]!.test!.count} test images: ${list}.`;
}

/** The accuracies at the latest common validation point, for the status line ("CE 71.2% vs SE 64.0%"). */
export function accuracyLine(s: RaceState): string {
  return s.runs.map((r) => {
    const v = r.validation.at(-1);
    return `${LOSS_NAMES[r.kind]} ${v ? pct(v.accuracy) : '—'}`;
  }).join(' vs ');
}

/**
 * What a race update changes in the status line, if anything: a new phase, or a new epoch's validation accuracy.
 * `previous` is the phase shown before this update: only a race that was held is "Resumed" (Start leaves `ready`
 * or `done` for `running`, and the element has already said the race is under way).
 */
export function raceNews(s: RaceState, o: { previous: RacePhase | undefined; epochs: number; epochsSaid: number; paused: string; tests: number }): string | null {
  const step = Math.min(...s.runs.map((r) => r.steps));
  const phaseChanged = s.phase !== o.previous;
  if (phaseChanged && s.phase === 'running') return o.previous === 'paused' || o.previous === 'pausing' ? 'Resumed.' : null;
  if (phaseChanged && s.phase === 'pausing') return 'Pausing after the current step…';
  if (phaseChanged && s.phase === 'paused') return `${o.paused} at step ${step} of ${s.totalSteps}.`;
  if (phaseChanged && s.phase === 'testing') return `Both networks trained: measuring their test accuracy on the ${o.tests} test images, once…`;
  if (o.epochs > o.epochsSaid && s.phase === 'running') return `Epoch ${o.epochs} of ${s.config.epochs}: validation accuracy ${accuracyLine(s)}.`;
  return null;
}
