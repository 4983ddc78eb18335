/**
 * The names the results files give strategies, forgetting arms and tasks, the budget rule, and their notes, machine
 * lines and skip reasons, in a reader's language. English is what the scripts wrote (the catalogue's English repeats it; tests/unit/experiments/words.test.ts
 * holds the two equal); a name the catalogue does not know yet (a new strategy in a rerun) is shown as written.
 */
import en from '../i18n/messages/en/results.ts';
import type { Lang } from '../i18n/locales.ts';
import { t } from '../i18n/t.ts';
import type { MessageKey } from '../i18n/types.ts';
import { describeBudget, type Budget } from './budget.ts';

/** A key of the results area, if the catalogue has it. */
function known(key: string): MessageKey | null {
  return key in en ? (key as MessageKey) : null;
}

export function strategyName(lang: Lang, id: string, written: string): string {
  const key = known(`results.strategy.${id}`);
  return key ? t(lang, key as 'results.strategy.full') : written;
}

export function taskTitle(lang: Lang, task: { id: string; title: string }): string {
  const key = known(`results.task.${task.id}`);
  return key ? t(lang, key as 'results.task.fashion-to-digits59') : task.title;
}

/** A forgetting arm: its strategy's name, with the L2-SP strength where it has one. */
export function armName(lang: Lang, arm: { label: string; strategy: string; l2sp?: { alpha: number } }): string {
  if (!known(`results.strategy.${arm.strategy}`)) return arm.label;
  const base = strategyName(lang, arm.strategy, arm.label);
  return arm.l2sp ? t(lang, 'results.arm.l2sp', { base, alpha: arm.l2sp.alpha }) : base;
}

export function budgetRule(lang: Lang, b: Budget): string {
  return describeBudget(b, lang);
}

/** The results files' notes the components show, by catalogue key. */
export type NoteKey = 'results.note.optimizer' | 'results.note.labDefault' | 'results.note.augmentation' | 'results.note.l2sp' | 'results.note.forgettingBatchNorm';

/**
 * One of the results files' notes in a reader's language. English is the file's text exactly as written; another
 * language gets the catalogue's text only while the catalogue's English is still that text, so a rerun that changed
 * a number shows the file's (English) words rather than a translation with the old number (and words.test.ts fails
 * until the note is translated again).
 */
export function note(lang: Lang, key: NoteKey, written: string): string {
  if (lang === 'en' || t('en', key) !== written) return written;
  return t(lang, key);
}

/** The machine line scripts/experiments/machine.ts writes (cpuHardware), split into what varies by machine. */
const HARDWARE = /^(.+) \((\d+) cores shared with other jobs\), one thread; Node (\S+), tfjs-wasm matrix products$/;

/** Where a results file was made, in a reader's language: the CPU's and Node's names stay as written. */
export function hardwareLine(lang: Lang, written: string): string {
  const m = lang === 'en' ? null : HARDWARE.exec(written);
  return m ? t(lang, 'results.hardware', { cpu: m[1]!, cores: m[2]!, node: m[3]! }) : written;
}

/** The reasons scripts/experiments.mts gives for a skipped task (`--only`; scripts/experiments/tasks.ts missing()). */
const NO_MODEL = /^source model (\S+) is not in (\S+)\/ yet \(run `npm run pretrain -- \1` or merge the branch that ships it\), so this task was skipped$/;

/** Why a task was skipped, in a reader's language; a reason the catalogue does not know is shown as written. */
export function skipReason(lang: Lang, written: string): string {
  if (lang === 'en') return written;
  if (written === t('en', 'results.reason.notRun')) return t(lang, 'results.reason.notRun');
  const m = NO_MODEL.exec(written);
  return m ? t(lang, 'results.reason.noModel', { source: m[1]!, dir: m[2]! }) : written;
}
