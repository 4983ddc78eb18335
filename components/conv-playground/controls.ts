/** The playground's static shell (fixed markup: nothing from attributes or URLs is ever put into it). */
import { MAX_DECODE_PIXELS, MAX_DECODE_SIDE, MAX_INPUT_SIDE } from '@lib/image/index.ts';
import { SAMPLES, presetOf, type Settings } from './settings.ts';
import type { KernelGrid } from './kernel-grid.ts';

export function shellHtml(): string {
  const samples = SAMPLES.map((s) => `<option value="${s.name}">${s.title}</option>`).join('');
  return `<div class="playground">
  <div class="controls">
    <label>Image <select data-role="image">${samples}<option value="draw">Your drawing</option><option value="upload" disabled>Your picture</option></select></label>
    <label class="upload">Open a picture <input data-role="file" type="file" accept="image/*"></label>
    <label>Colour <select data-role="color"><option value="gray">grayscale (1 channel)</option><option value="rgb">RGB (3 channels)</option></select></label>
    <label data-role="rgb-mode-label">RGB kernel <select data-role="rgb-mode"><option value="depthwise">depthwise: each channel alone</option><option value="full">full: 3 channels → 1</option></select></label>
    <label>Stride <input data-role="stride" type="number" min="1" max="4" step="1"></label>
    <label>Padding <select data-role="padding-kind"><option value="valid">valid (none)</option><option value="same">same</option><option value="explicit">explicit</option></select></label>
    <label data-role="padding-amount-label">Pixels of padding <input data-role="padding-amount" type="number" min="0" max="8" step="1"></label>
    <label>Dilation <input data-role="dilation" type="number" min="1" max="4" step="1"></label>
  </div>
  <div data-role="kernel-slot"></div>
  <p class="message" data-role="message" role="alert" hidden></p>
  <div class="view-controls">
    <label>Zoom (input and output alike) <select data-role="zoom"><option value="fit">fit to the width</option><option value="1">1× (1 screen pixel per pixel)</option><option value="2">2×</option></select></label>
    <label>Colour scale <select data-role="scale-mode"><option value="auto">automatic</option><option value="sequential">sequential (0 … max)</option><option value="diverging">diverging (−m … 0 … +m)</option></select></label>
  </div>
  <div class="views" data-role="views">
    <figure class="input" data-role="drop">
      <canvas data-role="input" role="img" aria-label="Input image"></canvas>
      <div data-role="pad-slot"></div>
      <figcaption>Input <span data-role="input-size"></span><span class="fm-screen-only"> · drop a picture here</span></figcaption>
    </figure>
    <figure class="output">
      <div data-role="maps"></div>
      <figcaption>Output <span data-role="output-shape"></span></figcaption>
      <div data-role="legend"></div>
    </figure>
  </div>
  <pre class="formula" data-role="formula" role="note" aria-label="Output size formula"></pre>
  <p class="caption" data-role="caption" aria-live="polite"></p>
  <p class="timing"><span data-role="timing">Waiting to compute…</span> <fm-device-badge></fm-device-badge></p>
  <p class="why" data-role="why" hidden></p>
  <p class="limits fm-screen-only">Pictures up to ${MAX_DECODE_SIDE}×${MAX_DECODE_SIDE} pixels (${MAX_DECODE_PIXELS / 1e6} megapixels) open; they are scaled so the longest side is at most ${MAX_INPUT_SIDE} pixels. Nothing leaves your browser.</p>
</div>`;
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
