/**
 * The reader's classes as a list: a name field, the number of drawings, a strip of the drawings as the network
 * sees them (28×28 each), and buttons to add the pad's drawing, remove the last drawing, or remove the class
 * (only when it has no drawings, so no drawing is lost by a slip). Rebuilt on structural changes only.
 */
import { MIN_CLASSES, MAX_NAME } from '@lib/doodle/classes.ts';
import type { DoodleClass } from '@lib/doodle/state.ts';
import { describeModel, plural } from '@lib/doodle/edits.ts';

export interface ClassActions {
  add(i: number): void;
  removeLast(i: number): void;
  removeClass(i: number): void;
  rename(i: number, name: string): void;
  /** 28×28 pixels (0–255) of a drawing, as the network sees it. */
  pixels(d: DoodleClass['drawings'][number]): Uint8Array | null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...kids);
  return e;
}

export function renderClasses(list: HTMLOListElement, classes: readonly DoodleClass[], act: ClassActions, busy: boolean): void {
  const focused = list.querySelector<HTMLElement>(':focus')?.dataset;
  const focus = focused ? { i: focused.index, role: focused.role } : null;
  list.replaceChildren(...classes.map((c, i) => row(c, i, classes.length, act, busy)));
  if (focus) list.querySelector<HTMLElement>(`[data-index="${focus.i}"][data-role="${focus.role}"]`)?.focus();
}

/** Updates the labels that carry a class's name without rebuilding (keeps the caret in the name field). */
export function relabel(list: HTMLOListElement, i: number, name: string): void {
  const shown = name.trim() || `class ${i + 1}`;
  for (const b of list.querySelectorAll<HTMLElement>(`[data-index="${i}"][data-label]`)) b.setAttribute('aria-label', `${b.dataset.label} “${shown}”`);
}

function row(c: DoodleClass, i: number, n: number, act: ClassActions, busy: boolean): HTMLLIElement {
  const shown = c.name.trim() || `class ${i + 1}`;
  const name = el('input', { type: 'text', value: c.name, maxLength: MAX_NAME + 8, autocomplete: 'off', spellcheck: false });
  Object.assign(name.dataset, { index: String(i), role: 'name' });
  name.addEventListener('input', () => { act.rename(i, name.value); relabel(name.closest('ol')!, i, name.value); });
  const button = (role: string, text: string, label: string, onClick: () => void, disabled = false) => {
    const b = el('button', { type: 'button', textContent: text, disabled: disabled || busy });
    Object.assign(b.dataset, { index: String(i), role, label });
    b.setAttribute('aria-label', `${label} “${shown}”`);
    b.addEventListener('click', onClick);
    return b;
  };
  const strip = el('canvas', { className: 'strip' });
  paintStrip(strip, c, act);
  strip.hidden = c.drawings.length === 0; // the count beside the name already says "0 drawings"
  strip.setAttribute('role', 'img');
  strip.setAttribute('aria-label', c.drawings.length ? `${c.drawings.length} drawing${c.drawings.length === 1 ? '' : 's'} of “${shown}”, each as the network sees it (28×28)` : `No drawings of “${shown}” yet`);
  const count = el('span', { className: 'count', textContent: `${c.drawings.length} drawing${c.drawings.length === 1 ? '' : 's'}` });
  count.dataset.role = 'count';
  return el('li', {},
    el('div', { className: 'row' },
      el('label', {}, `Class ${i + 1} `, name), count,
      button('add', 'Add drawing', 'Add the pad’s drawing to', () => act.add(i)),
      button('remove-last', 'Remove last', 'Remove the last drawing of', () => act.removeLast(i), c.drawings.length === 0),
      button('remove-class', 'Remove class', 'Remove the class', () => act.removeClass(i), n <= MIN_CLASSES || c.drawings.length > 0)),
    el('div', { className: 'strip-wrap' }, strip));
}

/** The class's drawings side by side as the network sees them: white ink on black, like MNIST and the pad's preview. */
function paintStrip(canvas: HTMLCanvasElement, c: DoodleClass, act: ClassActions): void {
  const n = Math.max(1, c.drawings.length);
  const w = 29 * n;
  canvas.width = w;
  canvas.height = 28;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(w, 28);
  c.drawings.forEach((d, k) => {
    const px = act.pixels(d);
    for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) {
      const v = px?.[y * 28 + x] ?? 0;
      img.data.set([v, v, v, 255], (y * w + k * 29 + x) * 4);
    }
  });
  ctx.putImageData(img, 0, 0);
}

/** The pad's drawing as the network sees it (white ink on black, like MNIST), with words for screen readers. */
export function paintSeen(canvas: HTMLCanvasElement, px: Uint8Array | null): void {
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(28, 28);
  for (let i = 0; i < 784; i++) img.data.set([px?.[i] ?? 0, px?.[i] ?? 0, px?.[i] ?? 0, 255], i * 4);
  ctx.putImageData(img, 0, 0);
  const inked = px ? px.reduce((n, v) => n + (v > 127 ? 1 : 0), 0) : 0;
  canvas.setAttribute('aria-label', px ? `The pad's drawing as the network sees it: 28 by 28 pixels, ${inked} of them mostly ink.` : 'The pad is empty.');
}

/** The buttons that depend on the classes and on a run in progress, the classes' count line and the model line. */
export function paintControls(root: ShadowRoot, classes: readonly DoodleClass[], model: Parameters<typeof describeModel>[0], busy: boolean): void {
  const act = (a: string) => root.querySelector<HTMLButtonElement>(`[data-act="${a}"]`)!;
  act('add-class').disabled = busy || classes.length >= 5;
  act('train').disabled = busy;
  act('cancel').disabled = !busy;
  const text = (role: string, t: string) => (root.querySelector<HTMLElement>(`[data-role="${role}"]`)!.textContent = t);
  text('classes-summary', `${plural(classes.length, 'class')}, ${plural(classes.reduce((s, c) => s + c.drawings.length, 0), 'drawing')} in all.`);
  text('model-line', describeModel(model, classes));
}
