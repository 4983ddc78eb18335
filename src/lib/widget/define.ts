/** Defines a custom element once, so a page (or a host site) may load a widget's script twice. */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
