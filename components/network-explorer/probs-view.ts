/**
 * The explorer's class probabilities as a bar list (text first, bars decorate), one row per class in class order
 * so bars keep their place from image to image. Light (no d3, no tfjs): the shell lists the classes before the
 * first forward pass, with the bars empty and the percentages blank.
 */
import { t, type Lang } from '@lib/i18n/index.ts';
import { className } from '@lib/data/class-names.ts';

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
};
const pct = (p: number) => `${(100 * p).toFixed(p >= 0.9995 || p < 0.0005 ? 0 : 1)}%`;

/**
 * Fills the list: the largest probability is bold, `label` (a test image's class) is marked in words. `probs` null:
 * not computed yet (every row there, the bars empty, the percentages blank).
 */
export function renderProbs(list: HTMLElement, names: readonly string[], probs: ArrayLike<number> | null, label: number | null, lang: Lang): void {
  const top = probs ? Array.from(probs).indexOf(Math.max(...Array.from(probs))) : -1;
  list.replaceChildren(...names.map((_, i) => {
    const li = make('li', i === top ? 'top' : '');
    const name = make('span', 'name', className(lang, names[i]!));
    const bar = make('span', 'bar');
    bar.setAttribute('aria-hidden', 'true');
    bar.style.setProperty('--p', String(probs ? probs[i] : 0));
    // Four cells a row (the list is a grid): the last one says "true label" or stays empty.
    li.append(name, bar, make('span', 'p', probs ? pct(probs[i]!) : ''), make('span', i === label ? 'truth' : '', i === label ? t(lang, 'networkExplorer.trueLabel') : ''));
    return li;
  }));
}
