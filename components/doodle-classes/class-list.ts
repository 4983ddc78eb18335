/**
 * The reader's classes as a list: a name field, the number of drawings, a strip of the drawings as the network
 * sees them (28×28 each), and buttons to add the pad's drawing, remove the last drawing, or remove the class
 * (only when it has no drawings, so no drawing is lost by a slip). Rebuilt on structural changes only (and on a change
 * of language: nothing is computed, the strips are painted from the cached pixels). Words from the catalogue in `lang`.
 */
import { MIN_CLASSES, MAX_NAME } from '@lib/doodle/classes.ts';
import type { DoodleClass } from '@lib/doodle/state.ts';
import { describeModel, plural } from '@lib/doodle/edits.ts';
import { msg, say, t, type Lang, type MessageKey } from '@lib/i18n/index.ts';
import { greyInto } from '@lib/image/pixels.ts';

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

export function renderClasses(list: HTMLOListElement, classes: readonly DoodleClass[], act: ClassActions, busy: boolean, lang: Lang): void {
  const focused = list.querySelector<HTMLElement>(':focus')?.dataset;
  const focus = focused ? { i: focused.index, role: focused.role } : null;
  list.replaceChildren(...classes.map((c, i) => row(c, i, classes.length, act, busy, lang)));
  if (focus) list.querySelector<HTMLElement>(`[data-index="${focus.i}"][data-role="${focus.role}"]`)?.focus();
}

/** Updates the labels that carry a class's name without rebuilding (keeps the caret in the name field). */
export function relabel(list: HTMLOListElement, i: number, name: string, lang: Lang): void {
  const shown = name.trim() || t(lang, 'doodleClasses.unnamed', { n: i + 1 });
  for (const b of list.querySelectorAll<HTMLElement>(`[data-index="${i}"][data-label]`)) b.setAttribute('aria-label', t(lang, b.dataset.label as MessageKey, { name: shown }));
}

function row(c: DoodleClass, i: number, n: number, act: ClassActions, busy: boolean, lang: Lang): HTMLLIElement {
  const shown = c.name.trim() || t(lang, 'doodleClasses.unnamed', { n: i + 1 });
  const name = el('input', { type: 'text', value: c.name, maxLength: MAX_NAME + 8, autocomplete: 'off', spellcheck: false });
  Object.assign(name.dataset, { index: String(i), role: 'name' });
  name.addEventListener('input', () => { act.rename(i, name.value); relabel(name.closest('ol')!, i, name.value, lang); });
  /** `label`: the catalogue key of the button's name, which takes the class's `{name}`. */
  const button = (role: string, text: MessageKey, label: MessageKey, onClick: () => void, disabled = false) => {
    const b = el('button', { type: 'button', textContent: t(lang, text), disabled: disabled || busy });
    Object.assign(b.dataset, { index: String(i), role, label });
    b.setAttribute('aria-label', t(lang, label, { name: shown }));
    b.addEventListener('click', onClick);
    return b;
  };
  const strip = el('canvas', { className: 'strip' });
  paintStrip(strip, c, act);
  strip.hidden = c.drawings.length === 0; // the count beside the name already says "0 drawings"
  strip.setAttribute('role', 'img');
  strip.setAttribute('aria-label', c.drawings.length ? t(lang, 'doodleClasses.strip', { count: c.drawings.length, name: shown }) : t(lang, 'doodleClasses.noStrip', { name: shown }));
  const count = el('span', { className: 'count', textContent: say(lang, plural(c.drawings.length, 'drawing')) });
  count.dataset.role = 'count';
  return el('li', {},
    el('div', { className: 'row' },
      el('label', {}, `${t(lang, 'doodleClasses.classN', { n: i + 1 })} `, name), count,
      button('add', 'doodleClasses.addDrawing', 'doodleClasses.addDrawingTo', () => act.add(i)),
      button('remove-last', 'doodleClasses.removeLast', 'doodleClasses.removeLastOf', () => act.removeLast(i), c.drawings.length === 0),
      button('remove-class', 'doodleClasses.removeClass', 'doodleClasses.removeTheClass', () => act.removeClass(i), n <= MIN_CLASSES || c.drawings.length > 0)),
    el('div', { className: 'strip-wrap' }, strip));
}

/** The class's drawings side by side as the network sees them: white ink on black, like MNIST and the pad's preview. */
function paintStrip(canvas: HTMLCanvasElement, c: DoodleClass, act: ClassActions): void {
  const n = Math.max(1, c.drawings.length);
  const w = 29 * n;
  canvas.width = w;
  canvas.height = 28;
  // A class without drawings shows no strip (hidden): no drawing context is made for it. The shell's first classes
  // are the preset's three, all empty.
  if (c.drawings.length === 0) return;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(w, 28);
  c.drawings.forEach((d, k) => greyInto(img.data, w, k * 29, act.pixels(d) ?? BLANK, 28, 28));
  ctx.putImageData(img, 0, 0);
}

/** The pad's drawing as the network sees it (white ink on black, like MNIST), with words for screen readers. */
export function paintSeen(canvas: HTMLCanvasElement, px: Uint8Array | null, lang: Lang): void {
  canvas.setAttribute('aria-label', px ? t(lang, 'doodleClasses.seen', { inked: px.reduce((n, v) => n + (v > 127 ? 1 : 0), 0) }) : t(lang, 'doodleClasses.seenEmpty'));
  // Nothing drawn: the canvas is left clear, and its black background (doodle-classes.css) shows, as the network
  // sees an empty pad. A drawing context is made with the first drawing (none as the shell is drawn).
  if (!px) {
    if (painted.has(canvas)) canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height);
    return;
  }
  painted.add(canvas);
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(28, 28);
  greyInto(img.data, 28, 0, px, 28, 28);
  ctx.putImageData(img, 0, 0);
}
/** A drawing with no pixels (none is added to a class), drawn black. */
const BLANK = new Uint8Array(784);
/** The "seen" canvases that have been painted (a clear one needs no context). */
const painted = new WeakSet<HTMLCanvasElement>();

/** The buttons that depend on the classes and on a run in progress, the classes' count line and the model line. */
export function paintControls(root: ShadowRoot, classes: readonly DoodleClass[], model: Parameters<typeof describeModel>[0], busy: boolean, lang: Lang): void {
  const act = (a: string) => root.querySelector<HTMLButtonElement>(`[data-act="${a}"]`)!;
  act('add-class').disabled = busy || classes.length >= 5;
  act('train').disabled = busy;
  act('cancel').disabled = !busy;
  const text = (role: string, t: string) => (root.querySelector<HTMLElement>(`[data-role="${role}"]`)!.textContent = t);
  text('classes-summary', say(lang, msg('doodleClasses.summary', { classes: plural(classes.length, 'class'), drawings: plural(classes.reduce((s, c) => s + c.drawings.length, 0), 'drawing') })));
  text('model-line', say(lang, describeModel(model, classes)));
}
