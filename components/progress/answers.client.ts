/**
 * Remembers, in this browser only, what the reader wrote under each "predict, then check" question and exercise
 * and whether they opened its solution; restores both on the next visit; keeps the chapter's "n of m questions
 * answered" line current; and clears the page's answers on request. Markup: AnswerBox.astro inside Predict.astro
 * and Exercise.astro (`[data-fm-question]` holding `textarea[data-fm-answer]` and `details[data-fm-solution]`),
 * the counter in ChapterProgress.astro. Without JavaScript the boxes are plain text areas and nothing is kept.
 * Its words are in the page's language (the counter's `lang`, inherited) and are said again if that changes.
 */
import { msg, resolveLang, say, t, watchLang, type Lang, type Msg } from '@lib/i18n/page.ts';
import { answerKey, isAnswered, isKeyOfPage, parseRecord, serializeRecord, type AnswerRecord } from '@lib/progress/record.ts';
import { progressStorage, store } from './storage.ts';

interface Question { id: string; box: HTMLTextAreaElement; solution: HTMLDetailsElement | null; record: AnswerRecord; timer?: number }

/** Typing is saved this long after the last key, so storage is not written on every keystroke. */
const SAVE_DELAY_MS = 400;
/**
 * Sets up the page's answer boxes and progress line (ChapterScripts.astro calls it once, in a task of its own after
 * the figures' share controls: together they were one 25 ms task of a 4x slower CPU while the chapter loaded).
 */
export function setUpAnswers(): void {
  const path = location.pathname;
  const storage = progressStorage();
  const questions: Question[] = [];
  // "Print with answers" opens every solution for the print (components/print-chapter); that is not the reader revealing them.
  let printing = false;
  addEventListener('beforeprint', () => (printing = true));
  addEventListener('afterprint', () => setTimeout(() => (printing = false)));

  function save(q: Question): void {
    clearTimeout(q.timer);
    q.timer = undefined;
    store(storage, answerKey(path, q.id), serializeRecord(q.record));
  }

  const line = document.querySelector<HTMLElement>('[data-fm-progress]');
  let lang: Lang = line ? resolveLang(line) : 'en';
  /** What the status line and the storage note say (null: as built), kept to say again in another language. */
  let cleared: Msg | null = null;
  let storageNote: Msg | null = null;

  function updateCounter(): void {
    if (!line) return;
    const count = line.querySelector<HTMLElement>('[data-fm-progress-count]')!;
    const answered = questions.filter((q) => isAnswered(q.record)).length;
    // Exercises count too, so the line names both (every chapter has several of each).
    // Counts as text, not numbers: a number would be formatted with Intl, and a page's first Intl call (~40 ms on a
    // phone) would be a long task while the chapter loads; a chapter's few dozen questions read the same either way.
    count.textContent = t(lang, 'progress.count', { answered: String(answered), total: String(questions.length) });
    line.hidden = questions.length === 0;
  }

  /** Every word of the progress line in `lang`: the counter, the button, the note, and the status if it spoke. */
  function relabel(): void {
    if (!line) return;
    updateCounter();
    line.querySelector('[data-fm-progress-clear]')!.textContent = t(lang, 'progress.clear');
    line.querySelector('[data-fm-progress-storage]')!.textContent = say(lang, storageNote ?? msg('progress.kept'));
    if (cleared) line.querySelector('[data-fm-progress-status]')!.textContent = say(lang, cleared);
  }
  if (line) watchLang(line, (now) => { lang = now; relabel(); });

  for (const item of document.querySelectorAll<HTMLElement>('[data-fm-question]')) {
    const box = item.querySelector<HTMLTextAreaElement>('textarea[data-fm-answer]');
    if (!box) continue;
    const q: Question = { id: item.dataset.fmQuestion!, box, solution: item.querySelector('details[data-fm-solution]'), record: { answer: '', revealed: false } };
    q.record = parseRecord(storage?.getItem(answerKey(path, q.id)) ?? null);
    // Text typed before this script ran (a slow connection) wins over the stored copy.
    if (box.value === '') box.value = q.record.answer;
    else q.record.answer = box.value;
    if (q.record.revealed && q.solution) q.solution.open = true;
    box.addEventListener('input', () => {
      q.record.answer = box.value;
      updateCounter();
      clearTimeout(q.timer);
      q.timer = window.setTimeout(() => save(q), SAVE_DELAY_MS);
    });
    box.addEventListener('change', () => save(q));
    q.solution?.addEventListener('toggle', () => {
      if (!q.solution!.open || printing || q.record.revealed) return;
      q.record.revealed = true;
      save(q);
      updateCounter();
    });
    questions.push(q);
  }
  // Leaving the page (or reloading) within the save delay still keeps the last words typed.
  addEventListener('pagehide', () => questions.filter((q) => q.timer !== undefined).forEach(save));

  function clearPage(): void {
    for (const q of questions) {
      clearTimeout(q.timer);
      q.timer = undefined;
      q.record = { answer: '', revealed: false };
      q.box.value = '';
      if (q.solution) q.solution.open = false;
    }
    const keys = Array.from({ length: storage?.length ?? 0 }, (_, i) => storage!.key(i)).filter((k): k is string => k !== null && isKeyOfPage(k, path));
    for (const key of keys) store(storage, key, null);
    updateCounter();
  }

  const clear = document.querySelector<HTMLButtonElement>('[data-fm-progress-clear]');
  clear?.addEventListener('click', () => {
    if (!confirm(t(lang, 'progress.confirmClear'))) return;
    clearPage();
    cleared = msg('progress.cleared');
    document.querySelector<HTMLElement>('[data-fm-progress-status]')!.textContent = say(lang, cleared);
  });
  const note = document.querySelector<HTMLElement>('[data-fm-progress-storage]');
  if (!storage) storageNote = msg('progress.noStorage');
  if (note && storageNote) note.textContent = say(lang, storageNote);
  updateCounter();
}
