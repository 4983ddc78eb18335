/**
 * The static markup of `<fm-network-explorer>` (labels and structure only; everything data-driven is filled as text).
 * Each fixed text names its catalogue key — `data-text` (the element's text) or `data-label` (its aria-label) — so
 * `relabelShell` can say them all again when the language changes.
 */
import { t, type Lang, type MessageKey } from '@lib/i18n/index.ts';
import { MODEL_CHOICES } from './explorer-settings.ts';

type Key = MessageKey & `networkExplorer.${string}`;

export const shell = (lang: Lang): string => {
  const say = (key: Key) => t(lang, key as 'networkExplorer.model');
  const text = (key: Key) => `<span data-text="${key}">${say(key)}</span>`;
  const label = (key: Key) => `data-label="${key}" aria-label="${say(key)}"`;
  return `
<div class="controls">
  <label>${text('networkExplorer.model')} <select data-attr="model">${MODEL_CHOICES.map((m) => `<option value="${m.name}" data-text="${m.title.key}">${say(m.title.key as Key)}</option>`).join('')}</select></label>
  <fieldset class="source"><legend>${text('networkExplorer.input')}</legend>
    <label><input type="radio" name="source" value="test" checked> ${text('networkExplorer.testImage')}</label>
    <label><input type="radio" name="source" value="draw"> ${text('networkExplorer.yourDrawing')}</label>
  </fieldset>
  <span class="test-only">
    <label>${text('networkExplorer.imageNumber')} <input type="number" data-attr="image" min="0" step="1"></label>
    <button type="button" data-role="prev" ${label('networkExplorer.prev')}>‹</button><button type="button" data-role="next" ${label('networkExplorer.next')}>›</button>
  </span>
</div>
<p data-role="message" role="alert" hidden></p>
<div class="io">
  <figure class="input-fig">
    <canvas data-role="input" width="28" height="28" role="img" ${label('networkExplorer.inputImage')}></canvas>
    <div data-role="pad-slot" hidden></div>
    <figcaption data-role="input-caption">${say('networkExplorer.input')}</figcaption>
  </figure>
  <figure class="probs-fig">
    <figcaption>${text('networkExplorer.probsCaption')}</figcaption>
    <ol data-role="probs" class="probs"></ol>
  </figure>
</div>
<p data-role="summary" class="summary" aria-live="polite">${say('networkExplorer.loading')}</p>
<p class="legend">${text('networkExplorer.legendNegative')} <span class="ramp"></span> ${text('networkExplorer.legendPositive')}</p>
<div data-role="maps"></div>
<section data-role="detail" class="detail" ${label('networkExplorer.selectedMap')}>
  <div class="detail-controls">
    <label>${text('networkExplorer.layer')} <select data-attr="layer"></select></label>
    <label>${text('networkExplorer.mapNumber')} <input type="number" data-attr="map" min="1" step="1"></label>
  </div>
  <div class="detail-body">
    <figure class="zoom-fig"><div class="zoom-wrap"><canvas data-role="zoom" tabindex="0" role="img" ${label('networkExplorer.zoomLoading')} aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight"></canvas><div class="ring" data-role="zoom-ring"></div></div>
      <figcaption><span data-role="zoom-caption"></span> <span data-role="zoom-read" class="read"></span></figcaption></figure>
    <figure class="kernels-fig"><canvas data-role="kernels" role="img" ${label('networkExplorer.kernelsLoading')}></canvas><figcaption data-role="kernels-caption"></figcaption></figure>
    <div data-role="explain" class="explain"></div>
  </div>
</section>
<section class="filters" ${label('networkExplorer.filtersRegion')}>
  <p class="block-title">${text('networkExplorer.filtersTitle')}</p>
  <canvas data-role="filters" role="img" ${label('networkExplorer.filtersLoading')}></canvas>
  <p data-role="filters-caption" class="note"></p>
</section>
<details class="table" open>
  <summary>${text('networkExplorer.tableSummary')}</summary>
  <p class="scroll-hint" aria-hidden="true">${text('networkExplorer.scrollHint')}</p>
  <div class="table-scroll" tabindex="0" role="region" ${label('networkExplorer.tableRegion')}><table data-role="table"></table></div>
  <p class="note">${text('networkExplorer.tableNote')}</p>
</details>
<p class="engine"><span data-role="timing"></span> <fm-device-badge></fm-device-badge></p>`;
};

/**
 * Says the shell's fixed texts again in `lang`. An aria-label that a result has since replaced (its `data-label`
 * removed) is the result's to say.
 */
export function relabelShell(root: ShadowRoot, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = t(lang, el.dataset.text as 'networkExplorer.model');
  for (const el of root.querySelectorAll<HTMLElement>('[data-label]')) el.setAttribute('aria-label', t(lang, el.dataset.label as 'networkExplorer.model'));
}
