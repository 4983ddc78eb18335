import { yieldToPage } from '../schedule/slices.ts';

const pending = new Set<string>();

/**
 * Defines a custom element once, so a page (or a host site) may load a widget's script twice. The definition waits
 * for the next task: defining upgrades every instance on the page and draws the shell of one near the viewport, and
 * that had been the same task as the evaluation of the element's module and its imports (8–21 ms of script on this
 * machine before the shell's own, on embed pages). Callers wait with `customElements.whenDefined`.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag) || pending.has(tag)) return;
  pending.add(tag);
  void yieldToPage().then(() => {
    pending.delete(tag);
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  });
}
