/**
 * The static markup of `<fm-doodle-classes>` (no reader- or URL-supplied text is ever put in it). Its words come from
 * the catalogue: an element with `data-t` shows that key, one with `data-t-aria` is named by it, so `relabelShell`
 * says them all again in another language without rebuilding anything.
 */
import { MODELS } from '@lib/models/shipped.ts';
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';

/** A model's option: its name and its dataset. */
const option = (lang: Lang, m: string) => t(lang, 'doodleClasses.modelOption', { model: m, dataset: MODELS[m]!.dataset === 'fashion' ? 'Fashion-MNIST' : t(lang, 'doodleClasses.digits04') });

/** `level`: its headings' level where it stands (src/lib/widget/heading-level.ts). */
export const SHELL = (models: readonly string[], lang: Lang, level: number) => {
  const h = `h${level}`;
  const w = (key: MessageKey) => `data-t="${key}">${t(lang, key).replace(FILES_G, '<code>$1</code>')}`;
  const aria = (key: MessageKey) => `data-t-aria="${key}" aria-label="${t(lang, key)}"`;
  return `
<div class="layout">
  <section class="draw" aria-labelledby="pad-title">
    <${h} id="pad-title" class="title" ${w('doodleClasses.draw')}</${h}>
    <div class="pad-row">
      <div data-role="pad-slot"></div>
      <figure class="seen"><canvas data-role="seen" width="28" height="28" role="img" aria-label="${t(lang, 'doodleClasses.seenEmpty')}"></canvas>
        <figcaption ${w('doodleClasses.seenCaption')}</figcaption></figure>
    </div>
  </section>
  <section class="classes" aria-labelledby="classes-title">
    <${h} id="classes-title" class="title" ${w('doodleClasses.yourClasses')}</${h}>
    <p class="hint" ${w('doodleClasses.hint')}</p>
    <ol data-role="classes"></ol>
    <p><button type="button" data-act="add-class" ${w('doodleClasses.addClass')}</button> <span data-role="classes-summary"></span></p>
  </section>
</div>
<div class="train" role="group" ${aria('doodleClasses.training')}>
  <label><span ${w('doodleClasses.sourceModel')}</span> <select data-attr="source">${models.map((m) => `<option value="${m}">${option(lang, m)}</option>`).join('')}</select></label>
  <label><span ${w('doodleClasses.epochs')}</span> <input type="number" data-attr="epochs" min="1" max="1000" step="10"></label>
  <label><span ${w('doodleClasses.seed')}</span> <input type="number" data-attr="seed" min="0" max="999999"></label>
  <button type="button" data-act="train" class="primary" ${w('doodleClasses.train')}</button>
  <button type="button" data-act="cancel" ${w('doodleClasses.cancel')}</button>
  <progress data-role="progress" max="1" value="0" ${aria('doodleClasses.progress')}></progress>
  <span data-role="progress-text" class="hint"></span>
</div>
<p data-role="message" role="alert" hidden></p>
<section class="result" aria-labelledby="result-title">
  <${h} id="result-title" class="title" ${w('doodleClasses.prediction')}</${h}>
  <ul data-role="bars" class="bars"></ul>
  <p data-role="verdict" aria-live="polite"></p>
  <p data-role="model-line" class="hint"></p>
</section>
<div class="files">
  <button type="button" data-act="export" ${w('doodleClasses.export')}</button>
  <label class="import"><span ${w('doodleClasses.import')}</span> <input type="file" data-role="import" multiple accept=".json,.bin,application/json,application/octet-stream"></label>
</div>
<p class="sr-only" data-role="announce" aria-live="polite"></p>
<p class="engine"><fm-device-badge></fm-device-badge></p>`;
};

/** File names, which stay as they are in every language: shown as code (`<code>`, styled as the text around it). */
const FILES = /(model\.json|weights\.bin)/;
const FILES_G = new RegExp(FILES.source, 'g');

/** The shell's words again in `lang` (the controls, their values and everything the reader made stay as they are). */
export function relabelShell(root: ShadowRoot, lang: Lang): void {
  for (const e of root.querySelectorAll<HTMLElement>('[data-t]')) {
    e.replaceChildren(...t(lang, e.dataset.t as MessageKey).split(FILES).map((part, i) => (i % 2 ? Object.assign(document.createElement('code'), { textContent: part }) : part)));
  }
  for (const e of root.querySelectorAll<HTMLElement>('[data-t-aria]')) e.setAttribute('aria-label', t(lang, e.dataset.tAria as MessageKey));
  for (const o of root.querySelectorAll<HTMLOptionElement>('select[data-attr="source"] option')) o.textContent = option(lang, o.value);
}
