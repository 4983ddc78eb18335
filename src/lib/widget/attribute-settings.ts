/**
 * The settings in force for a widget whose attributes each have one parser, and the messages of the refused ones.
 * A refused value (a ParamError) leaves the last good value in force; its message stays until that attribute is
 * set again. Other keys (checks across attributes, a failed load) share the same messages, in the order first set.
 */
import { ParamError } from '../params/index.ts';
import { saySentences, type Lang, type Msg } from '../i18n/index.ts';

/** One parser per attribute: the raw text → the part of the settings it sets; throws ParamError when refused. */
export type AttributeParsers<S, A extends string> = Record<A, (raw: string) => Partial<S>>;
type Control = HTMLInputElement | HTMLSelectElement;

export class AttributeSettings<S extends object, A extends keyof S & string> {
  values: S;
  private readonly defaults: S;
  private readonly parse: AttributeParsers<S, A>;
  private readonly messages = new Map<string, string | Msg>();

  // No constructor parameter properties: Node's type stripping rejects them.
  constructor(defaults: S, parse: AttributeParsers<S, A>) {
    this.values = this.defaults = defaults;
    this.parse = parse;
  }

  /** Reads one attribute (null: back to its default); returns false when the value was refused. */
  apply(name: A, raw: string | null): boolean {
    try {
      this.values = { ...this.values, ...(raw === null ? { [name]: this.defaults[name] } : this.parse[name](raw)) };
      this.messages.delete(name);
      return true;
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      this.messages.set(name, e.said);
      return false;
    }
  }

  /** Sets (a catalogue message, or text shown as is) or clears (null) the message kept under `key`. */
  setMessage(key: string, text: string | Msg | null): void {
    if (text === null) this.messages.delete(key);
    else this.messages.set(key, text);
  }

  hasMessage(key: string): boolean {
    return this.messages.has(key);
  }

  /** Every message in force, in English (texts as given), joined; '' when none. */
  get message(): string {
    return this.messageIn('en');
  }

  /** Every message in force, said in `lang` and joined (Chinese sentences end in 。 and take no space); '' when none. */
  messageIn(lang: Lang): string {
    return saySentences(lang, [...this.messages.values()]);
  }

  /** Writes each `[data-attr]` control's value from `values` (the settings in force unless given). */
  syncControls(root: ParentNode, values: object = this.values): void {
    for (const c of root.querySelectorAll<Control>('[data-attr]')) c.value = String((values as Record<string, unknown>)[c.dataset.attr!]);
  }
}

/** Calls `onChange(attribute, value)` when a `[data-attr]` control changes. */
export function bindControls(root: ParentNode, onChange: (name: string, value: string) => void): void {
  for (const c of root.querySelectorAll<Control>('[data-attr]')) c.addEventListener('change', () => onChange(c.dataset.attr!, c.value));
}
