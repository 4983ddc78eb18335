/**
 * The lab's "your own classes": reads the doodle classes the reader saved with `<fm-doodle-classes>` (IndexedDB,
 * the record saved last that holds drawings) when the lab starts and again whenever a doodle widget saves
 * (`fm-doodles-saved` on window), and turns them into the lab's custom task — or into the sentence saying why not.
 * Loaded with the lab's heavy part; `stop()` removes the listener.
 */
import { doodleTask, latestDoodles, type DoodleSplit } from '@lib/doodle/custom-task.ts';
import { SAVED_EVENT, loadAllRecords } from '@lib/doodle/store.ts';
import { shortNote, validationOf } from '@lib/transfer/custom.ts';
import type { CustomTask } from '@lib/transfer/targets.ts';
import { NO_DOODLES_NOTE, WHERE } from './lab-form.ts';

export { WHERE };

export type DoodleNews =
  | { kind: 'task'; key: string; task: CustomTask; split: DoodleSplit[] }
  | { kind: 'problem'; problem: string }
  | { kind: 'none' };


export function watchDoodles(onNews: (news: DoodleNews) => void): { first: Promise<void>; stop: () => void } {
  let gen = 0;
  let stopped = false;
  const read = async (): Promise<void> => {
    const g = ++gen;
    let news: DoodleNews;
    try {
      const latest = latestDoodles(await loadAllRecords());
      const r = latest && doodleTask(latest.state);
      news = !latest || !r ? { kind: 'none' } : r.ok ? { kind: 'task', key: latest.key, task: r.task, split: r.split } : { kind: 'problem', problem: r.problem };
    } catch (err) {
      news = { kind: 'problem', problem: `Your saved drawings could not be read in this browser (${(err as Error).message}).` };
    }
    if (g === gen && !stopped) onNews(news); // a newer read wins
  };
  const onSaved = () => void read();
  window.addEventListener(SAVED_EVENT, onSaved);
  return { first: read(), stop: () => { stopped = true; window.removeEventListener(SAVED_EVENT, onSaved); } };
}

/** The sentence under the set-up table about the reader's own classes. */
export function doodleNote(news: DoodleNews, perClass: number | null): string {
  if (news.kind === 'none') return NO_DOODLES_NOTE;
  if (news.kind === 'problem') return `Your own classes cannot be used yet: ${news.problem} Add drawings in ${WHERE}.`;
  // Validation drawings come out of the drawings to learn from, for every class or for none (src/lib/transfer/custom.ts).
  const validates = news.split.every((s) => validationOf(s.train) > 0);
  const val = (n: number) => (validates ? validationOf(n) : 0);
  const parts = news.split.map((s) => `“${s.name}” ${s.train - val(s.train)} to learn from, ${validates ? `${val(s.train)} to validate on, ` : ''}${s.test} held out to test`);
  const short = perClass === null ? [] : news.split.filter((s) => s.train - val(s.train) < perClass).map((s) => ({ name: s.name, have: s.train - val(s.train) }));
  const how = validates
    ? 'The last drawing of each class (one in four when there are more) is held out to test, measured once after training; of the rest, the last (one in four, rounded down, when there are more) are validation drawings for the curves. Neither is ever trained on.'
    : 'The last drawing of each class (one in four when there are more) is held out to test, measured once after training, and never trained on. A class has only one drawing to learn from, so none is spared for validation: the curves show the training loss only.';
  return `Your own classes from the drawing lab: ${parts.join('; ')}. ${how} “Test images per class” applies to digits only.` +
    (perClass === null ? '' : ` ${shortNote(perClass, short)}`).trimEnd();
}
