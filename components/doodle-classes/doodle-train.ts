/**
 * The Train button's wiring for `<fm-doodle-classes>`: the run as one Job through the element's WidgetJobs (paused
 * out of view; a failure ends in status="error" with Retry), its progress line and announcements, and the ending
 * (refused, cancelled or trained) in catalogue messages, which the host keeps to say again on a change of language.
 * The training itself is DoodleLab's and DoodleSession's.
 */
import { Job } from '@lib/job/job.ts';
import { listOf, percent } from '@lib/doodle/edits.ts';
import { msg, type Msg } from '@lib/i18n/index.ts';
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
  note(text: Msg[], kind?: 'error' | 'info'): void;
  /** Shows a message in the element `[data-role=role]` (null: empties it); the host says it again on a change of language. */
  put(role: 'progress-text' | 'announce', text: Msg | null): void;
  retry(): void;
}

/** Trains on the drawings as they are; null when the run failed (already reported). */
export async function trainDoodles(h: TrainHost): Promise<TrainOutcome | null> {
  const $ = (role: string) => h.root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const progress = $('progress') as HTMLProgressElement;
  const o = { ...h.settings };
  const job = new Job();
  const r = await h.jobs.run(job, () => h.lab.train(h.session, job, o, (epoch, epochs, loss) => {
    progress.value = epoch / epochs;
    // Counts as typed (no digit grouping: "of 1000"), the loss to three places.
    h.put('progress-text', msg('doodleClasses.epochProgress', { epoch: String(epoch), epochs: String(epochs), loss: loss.toFixed(3) }));
  }, () => {
    h.sync();
    h.setStatus('running');
    h.note([]);
    h.put('progress-text', msg('doodleClasses.features', { source: o.source }));
    h.put('announce', msg('doodleClasses.trainingFor', { names: listOf(h.lab.names) }));
  }), h.retry);
  progress.value = 0;
  h.put('progress-text', null);
  h.sync();
  if (r?.kind === 'trained') h.put('announce', msg('doodleClasses.trained', { seconds: (r.ms / 1000).toFixed(1), accuracy: percent(r.accuracy) }));
  else if (r) {
    if (r.kind !== 'refused') h.setStatus('ready');
    h.note(r.text, r.kind === 'cancelled' ? 'info' : 'error');
  }
  return r ?? null;
}
