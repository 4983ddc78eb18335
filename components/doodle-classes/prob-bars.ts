/** Class probabilities as labelled bars with their numbers (the bars are decoration; the text carries the values). */
import { msg, say, type Lang, type Msg } from '@lib/i18n/index.ts';
import { MIN_EXAMPLES } from '@lib/doodle/classes.ts';

export function renderBars(list: HTMLUListElement, names: readonly string[], probs: readonly number[] | null): void {
  const top = probs ? probs.indexOf(Math.max(...probs)) : -1;
  list.replaceChildren(...names.map((name, i) => {
    const li = document.createElement('li');
    if (i === top) li.className = 'top';
    const label = Object.assign(document.createElement('span'), { className: 'name', textContent: name });
    const bar = Object.assign(document.createElement('span'), { className: 'bar' });
    bar.setAttribute('aria-hidden', 'true');
    const fill = document.createElement('span');
    fill.style.width = `${probs ? (100 * probs[i]!).toFixed(1) : 0}%`;
    bar.append(fill);
    const pct = Object.assign(document.createElement('span'), { className: 'pct', textContent: probs ? formatPct(probs[i]!) : '–' });
    li.append(label, bar, pct);
    return li;
  }));
}

export function formatPct(p: number): string {
  return p >= 0.9995 ? '>99.9%' : p < 0.0005 ? '<0.1%' : `${(100 * p).toFixed(1)}%`;
}

/** The sentence under the bars. */
export function verdict(hasModel: boolean, names: readonly string[], probs: readonly number[] | null): Msg {
  if (!hasModel) return msg('doodleClasses.noModelYet', { min: MIN_EXAMPLES });
  if (!probs) return msg('doodleClasses.drawToClassify');
  const top = probs.indexOf(Math.max(...probs));
  return msg('doodleClasses.modelSays', { name: names[top]!, p: formatPct(probs[top]!) });
}

/** The bars and the verdict for the latest classification: one still running when a newer one starts is dropped. */
export class BarsView {
  private shown = 0;
  private readonly list: HTMLUListElement;
  private readonly verdictLine: HTMLElement;
  /** The sentence shown, kept to say again in another language. */
  private said: Msg | null = null;
  /** The language the sentence is said in (the element sets it; `relabel()` says the sentence again). */
  lang: Lang = 'en';

  constructor(list: HTMLUListElement, verdictLine: HTMLElement) {
    this.list = list;
    this.verdictLine = verdictLine;
  }

  async show(names: readonly string[], hasModel: boolean, pending: Promise<readonly number[] | null> | null): Promise<void> {
    const n = ++this.shown;
    const probs = (await pending) ?? null;
    if (n !== this.shown) return; // a newer drawing is being classified
    renderBars(this.list, names, probs);
    this.said = verdict(hasModel, names, probs);
    this.relabel();
  }

  relabel(): void {
    if (this.said) this.verdictLine.textContent = say(this.lang, this.said);
  }
}
