/** The playground's static shell (fixed markup: nothing from attributes or URLs is ever put into it). */
import { MAX_DECODE_PIXELS, MAX_DECODE_SIDE, MAX_INPUT_SIDE } from '@lib/image/index.ts';
import { SAMPLES, presetOf, type Sample, type Settings } from './settings.ts';
import { t, type Lang, type MessageKey, type Msg } from '@lib/i18n/index.ts';
import en from '@lib/i18n/messages/en/index.ts';
import type { KernelGrid } from './kernel-grid.ts';

/** The shell's fixed words are filled by `labelShell` (`data-t`: an element's text, `data-t-label`: its aria-label). */
export function shellHtml(): string {
  const samples = SAMPLES.map((s) => `<option value="${s.name}" data-t="${sampleKey('title', s)}"></option>`).join('');
  const l = (key: string) => `<span data-t="convPlayground.${key}"></span>`;
  const o = (value: string, key: string) => `<option value="${value}" data-t="convPlayground.${key}"></option>`;
  return `<div class="playground">
  <div class="controls">
    <label>${l('image')} <select data-role="image">${samples}${o('draw', 'yourDrawing')}<option value="upload" disabled data-t="convPlayground.yourPicture"></option></select></label>
    <label class="upload">${l('openPicture')} <input data-role="file" type="file" accept="image/*"></label>
    <label>${l('colour')} <select data-role="color">${o('gray', 'gray')}${o('rgb', 'rgb')}</select></label>
    <label data-role="rgb-mode-label">${l('rgbKernel')} <select data-role="rgb-mode">${o('depthwise', 'depthwise')}${o('full', 'full')}</select></label>
    <label>${l('stride')} <input data-role="stride" type="number" min="1" max="4" step="1"></label>
    <label>${l('padding')} <select data-role="padding-kind">${o('valid', 'valid')}${o('same', 'same')}${o('explicit', 'explicit')}</select></label>
    <label data-role="padding-amount-label">${l('paddingPixels')} <input data-role="padding-amount" type="number" min="0" max="8" step="1"></label>
    <label>${l('dilation')} <input data-role="dilation" type="number" min="1" max="4" step="1"></label>
  </div>
  <div data-role="kernel-slot"></div>
  <p class="message" data-role="message" role="alert" hidden></p>
  <div class="view-controls">
    <label>${l('zoom')} <select data-role="zoom">${o('fit', 'zoomFit')}${o('1', 'zoom1')}${o('2', 'zoom2')}</select></label>
    <label>${l('colourScale')} <select data-role="scale-mode">${o('auto', 'scaleAuto')}${o('sequential', 'scaleSequential')}${o('diverging', 'scaleDiverging')}</select></label>
  </div>
  <div class="views" data-role="views">
    <figure class="input" data-role="drop">
      <canvas data-role="input" role="img" data-t-label="convPlayground.inputImage"></canvas>
      <div data-role="pad-slot"></div>
      <figcaption>${l('input')} <span data-role="input-size"></span><span class="fm-screen-only" data-t="convPlayground.dropHere"></span></figcaption>
    </figure>
    <figure class="output">
      <div data-role="maps"></div>
      <figcaption>${l('output')} <span data-role="output-shape"></span></figcaption>
      <div data-role="legend"></div>
    </figure>
  </div>
  <pre class="formula" data-role="formula" role="note" data-t-label="convPlayground.formulaLabel"></pre>
  <p class="caption" data-role="caption" aria-live="polite"></p>
  <p class="timing"><span data-role="timing" data-t="convPlayground.waiting"></span> <fm-device-badge></fm-device-badge></p>
  <p class="why" data-role="why" hidden></p>
  <p class="limits fm-screen-only" data-role="limits"></p>
</div>`;
}

/** A sample's title, name (as captions and messages say it) or text alternative; unknown samples get the manifest's. */
export function sampleKey(what: 'title' | 'name' | 'alt', s: Sample): MessageKey {
  return `convPlayground.${what}.${s.name}` as MessageKey;
}
export function sampleText(what: 'title' | 'name' | 'alt', s: Sample): Msg | string {
  const key = sampleKey(what, s);
  return key in en ? ({ key } as Msg) : what === 'name' ? s.name : s[what];
}

/**
 * Writes the shell's fixed words in `lang` (the kernel editor's too, once it is in the shell). Texts set once a
 * result exists (input size, caption, …) are re-said by the element. A `data-t` whose sample is not in the
 * catalogue keeps the manifest's title.
 */
export function labelShell(root: ShadowRoot, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-t]')) {
    const key = el.dataset.t!;
    if (key in en) el.textContent = t(lang, key as MessageKey);
    else el.textContent = SAMPLES.find((s) => key === sampleKey('title', s))?.title ?? '';
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-t-label]')) el.setAttribute('aria-label', t(lang, el.dataset.tLabel as MessageKey));
  root.querySelector('[data-role="limits"]')!.textContent = t(lang, 'convPlayground.limits', { side: String(MAX_DECODE_SIDE), megapixels: String(MAX_DECODE_PIXELS / 1e6), max: String(MAX_INPUT_SIDE) });
}

/** Puts the settings in force into the controls (after any change, accepted or refused). */
export function syncControls(root: ShadowRoot, s: Settings, o: { useUpload: boolean; hasUpload: boolean; pad: HTMLElement; grid: KernelGrid }): void {
  const $ = <T extends HTMLElement>(role: string) => root.querySelector<T>(`[data-role="${role}"]`)!;
  const image = $<HTMLSelectElement>('image');
  image.querySelector<HTMLOptionElement>('option[value="upload"]')!.disabled = !o.hasUpload;
  image.value = o.useUpload ? 'upload' : s.image;
  const drawing = !o.useUpload && s.image === 'draw';
  o.pad.hidden = !drawing;
  $('input').hidden = drawing;
  $<HTMLSelectElement>('color').value = s.color;
  $<HTMLSelectElement>('rgb-mode').value = s.rgbMode;
  $<HTMLSelectElement>('rgb-mode').disabled = s.color !== 'rgb';
  $<HTMLInputElement>('stride').value = String(s.stride);
  $<HTMLInputElement>('dilation').value = String(s.dilation);
  $<HTMLSelectElement>('padding-kind').value = typeof s.padding === 'number' ? 'explicit' : s.padding;
  $<HTMLInputElement>('padding-amount').value = String(typeof s.padding === 'number' ? s.padding : 1);
  $('padding-amount-label').hidden = typeof s.padding !== 'number';
  o.grid.show(s.kernel, presetOf(s), s.kernelSize);
}
