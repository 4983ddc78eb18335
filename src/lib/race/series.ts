/**
 * What the race's charts draw, from a race state: per network its training loss (each batch) and validation
 * loss against epochs, and both networks' validation accuracy (in %). Pure, so tests and the view agree.
 */
import type { LossKind } from '../train/forward.ts';
import type { RaceState, RunHistory } from './loss-race.ts';

export interface ChartSeries { cls: string; points: [number, number][]; dots?: boolean }
export interface LossPanel { kind: LossKind; series: ChartSeries[]; domain: [number, number] }

/** Each network's own loss: validation cross-entropy for the CE network, squared error for the other. */
export function ownLoss(run: RunHistory, v: { ce: number; mse: number }): number {
  return run.kind === 'mse' ? v.mse : v.ce;
}

export function lossPanel(s: RaceState, run: RunHistory): LossPanel {
  const e = (step: number) => (s.perEpoch ? step / s.perEpoch : 0);
  const train = run.train.map(([step, loss]) => [e(step), loss] as [number, number]);
  const val = run.validation.map((v) => [e(v.step), ownLoss(run, v)] as [number, number]);
  const finite = [...train, ...val].map((p) => p[1]).filter(Number.isFinite);
  const top = finite.length ? Math.max(...finite) : run.kind === 'mse' ? 1 : 2.5;
  return {
    kind: run.kind,
    series: [{ cls: `${run.kind} train`, points: train }, { cls: `${run.kind} val`, points: val, dots: true }],
    domain: [0, top * 1.05],
  };
}

export function accuracySeries(s: RaceState): ChartSeries[] {
  return s.runs.map((run) => ({
    cls: `${run.kind} acc`,
    points: run.validation.map((v) => [s.perEpoch ? v.step / s.perEpoch : 0, v.accuracy * 100] as [number, number]),
    dots: true,
  }));
}
