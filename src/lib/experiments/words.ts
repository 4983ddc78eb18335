/**
 * The names the results files give strategies, forgetting arms and tasks, and the budget rule, in a reader's
 * language. English is what the scripts wrote (the catalogue's English repeats it; tests/unit/experiments/words.test.ts
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
