import { yieldToPage } from '../schedule/slices.ts';

/**
 * Defines a custom element once, so a page (or a host site) may load a widget's script twice. The definition waits
 * for the next task: defining upgrades every instance on the page and draws the shell of one near the viewport, and
 * that had been the same task as the evaluation of the element's module and its imports (8–21 ms of script on this
 * machine before the shell's own, on embed pages). Callers wait with `customElements.whenDefined`. A second call
 * before then (a second copy of the script) finds the tag defined when its turn comes, and leaves it.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  void yieldToPage().then(() => {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  });
}
