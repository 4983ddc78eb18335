/**
 * The Train button's wiring for `<fm-doodle-classes>`: the run as one Job through the element's WidgetJobs (paused
 * out of view; a failure ends in status="error" with Retry), its progress line and announcements, and the ending
 * (refused, cancelled or trained) in words. The training itself is DoodleLab's and DoodleSession's.
 */
import { Job } from '@lib/job/job.ts';
import { percent } from '@lib/doodle/edits.ts';
import type { WidgetStatus } from '@lib/widget/fm-element.ts';
import type { WidgetJobs } from '@lib/widget/widget-jobs.ts';
import type { DoodleLab, TrainOutcome } from './doodle-lab.ts';
import type { DoodleSession } from './doodle-session.ts';

export interface TrainHost {
  root: ShadowRoot;
  lab: DoodleLab;
  session: DoodleSession;
  jobs: WidgetJobs;
  settings: { epochs: number; seed: number; source: string };
  sync(): void;
  setStatus(s: WidgetStatus): void;
  note(text: string, kind?: 'error' | 'info'): void;
  retry(): void;
}

/** Trains on the drawings as they are; null when the run failed (already reported). */
export async function trainDoodles(h: TrainHost): Promise<TrainOutcome | null> {
  const $ = (role: string) => h.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const progress = $('progress') as HTMLProgressElement;
  const text = $('progress-text');
  const o = { ...h.settings };
  const job = new Job();
  const r = await h.jobs.run(job, () => h.lab.train(h.session, job, o, (epoch, epochs, loss) => {
    progress.value = epoch / epochs;
    text.textContent = `Epoch ${epoch} of ${epochs}, loss ${loss.toFixed(3)}`;
  }, () => {
    h.sync();
    h.setStatus('running');
    h.note('');
    text.textContent = `Passing the drawings through the frozen ${o.source} base…`;
    $('announce').textContent = `Training a new head for ${h.lab.names.join(', ')}…`;
  }), h.retry);
  progress.value = 0;
  text.textContent = '';
  h.sync();
  if (r?.kind === 'trained') $('announce').textContent = `Trained in ${(r.ms / 1000).toFixed(1)} s: training accuracy ${percent(r.accuracy)}.`;
  else if (r) {
    if (r.kind !== 'refused') h.setStatus('ready');
    h.note(r.text, r.kind === 'cancelled' ? 'info' : 'error');
  }
  return r ?? null;
}
