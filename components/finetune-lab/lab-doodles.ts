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
import { msg, say, t, type Arg, type Lang } from '@lib/i18n/index.ts';
import { count } from '@lib/transfer/summary.ts';

export { WHERE };

export type DoodleNews =
  | { kind: 'task'; key: string; task: CustomTask; split: DoodleSplit[] }
  | { kind: 'problem'; problem: Arg }
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
      news = { kind: 'problem', problem: msg('finetuneLab.drawingsUnreadable', { error: (err as Error).message }) };
    }
    if (g === gen && !stopped) onNews(news); // a newer read wins
  };
  const onSaved = () => void read();
  window.addEventListener(SAVED_EVENT, onSaved);
  return { first: read(), stop: () => { stopped = true; window.removeEventListener(SAVED_EVENT, onSaved); } };
}

/** The sentence under the set-up table about the reader's own classes, in `lang`. */
export function doodleNote(news: DoodleNews, perClass: number | null, lang: Lang = 'en'): string {
  if (news.kind === 'none') return say(lang, NO_DOODLES_NOTE);
  if (news.kind === 'problem') return t(lang, 'finetuneLab.doodleProblem', { problem: news.problem, where: WHERE });
  // Validation drawings come out of the drawings to learn from, for every class or for none (src/lib/transfer/custom.ts).
  const validates = news.split.every((s) => validationOf(s.train) > 0);
  const val = (n: number) => (validates ? validationOf(n) : 0);
  const parts = news.split.map((s) => {
    const figures = { name: s.name, learn: count(lang, s.train - val(s.train)), test: count(lang, s.test) };
    return validates ? t(lang, 'finetuneLab.doodlePart', { ...figures, validate: count(lang, val(s.train)) }) : t(lang, 'finetuneLab.doodlePartNoValidation', figures);
  }).reduce((before, after) => t(lang, 'finetuneLab.parts', { before, after }));
  const short = perClass === null ? [] : news.split.filter((s) => s.train - val(s.train) < perClass).map((s) => ({ name: s.name, have: s.train - val(s.train) }));
  const how = msg(validates ? 'finetuneLab.doodleSplit' : 'finetuneLab.doodleSplitNoValidation');
  const note = perClass === null ? '' : shortNote(perClass, short, lang);
  return note ? t(lang, 'finetuneLab.doodlesShort', { parts, how, short: note }) : t(lang, 'finetuneLab.doodles', { parts, how });
}
