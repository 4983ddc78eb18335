/**
 * The frame's answers to its host's requests (contract v1): `getState`, `setState`, `run`. Requests wait until the
 * widget has settled once (its first result or error), so a `setState` meets the same parsing, and the same
 * message in the widget, as an attribute written by the page; the refusal the widget reports while the attributes
 * are written is sent back as an `error` with the request's id.
 */
import { readState, unknownAttributes, type HostMessage, type WidgetState } from './protocol.ts';

export interface FrameWidget {
  el: HTMLElement;
  slug: string;
  attributes: readonly string[];
  /** Attribute text in force when absent, per attribute (null: none that can be written back). */
  defaults: Record<string, string | null>;
}
export type Reply = { type: 'state'; state: WidgetState } | { type: 'error'; message: string } | { type: 'result'; detail: unknown };

/** The widget's attributes as text (only those written on the element). */
export function stateOf(w: FrameWidget): WidgetState {
  const state: WidgetState = {};
  for (const name of w.attributes) {
    const v = w.el.getAttribute(name);
    if (v !== null) state[name] = v;
  }
  return state;
}

/** Resolves once the widget has computed or failed once (status `ready` or `error`). */
function settled(el: HTMLElement): Promise<void> {
  const done = () => ['ready', 'error'].includes(el.getAttribute('status') ?? '');
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (done()) { mo.disconnect(); resolve(); }
    });
    mo.observe(el, { attributes: true, attributeFilter: ['status'] });
  });
}

/** Runs `write` and returns the messages of the `fm-error` events the widget dispatched meanwhile (its refusals). */
function refusals(el: HTMLElement, write: () => void): string[] {
  const messages: string[] = [];
  const onError = (e: Event) => messages.push(String((e as CustomEvent<{ message?: unknown }>).detail?.message ?? ''));
  el.addEventListener('fm-error', onError);
  try { write(); } finally { el.removeEventListener('fm-error', onError); }
  return messages;
}

async function setState(w: FrameWidget, raw: unknown): Promise<Reply> {
  const state = readState(raw);
  if (typeof state === 'string') return { type: 'error', message: state };
  const unknown = unknownAttributes(w.slug, w.attributes, state);
  if (unknown) return { type: 'error', message: unknown };
  await settled(w.el);
  const refused = refusals(w.el, () => { for (const [name, value] of Object.entries(state)) w.el.setAttribute(name, value); });
  return refused.length ? { type: 'error', message: refused.join(' ') } : { type: 'state', state: stateOf(w) };
}

/** Widgets whose computation is training the reader starts: `run` does not start it for them. */
const TRAINS = ['loss-race', 'finetune-lab', 'doodle-classes'];

/**
 * `run`: compute again with the settings in force, answered by the next `result` (or `error`). After a failure it
 * presses the widget's Retry; otherwise it writes the attributes in force again, and the first one with a default
 * too (as that default when absent: the same set-up, only the URL gains it), since every widget recomputes when
 * that one is written. Training widgets answer with an `error`: starting a training run stays the reader's choice.
 */
async function run(w: FrameWidget): Promise<Reply> {
  if (TRAINS.includes(w.slug)) return { type: 'error', message: `${w.slug} trains only when the reader starts it; run does not start training.` };
  await settled(w.el);
  return new Promise((resolve) => {
    const onResult = (e: Event) => finish({ type: 'result', detail: (e as CustomEvent).detail });
    const onError = (e: Event) => finish({ type: 'error', message: String((e as CustomEvent<{ message?: unknown }>).detail?.message ?? '') });
    const finish = (reply: Reply) => {
      w.el.removeEventListener('fm-result', onResult);
      w.el.removeEventListener('fm-error', onError);
      resolve(reply);
    };
    w.el.addEventListener('fm-result', onResult);
    w.el.addEventListener('fm-error', onError);
    const retry = w.el.shadowRoot?.querySelector<HTMLButtonElement>('[data-role="retry"]');
    if (retry) return retry.click();
    const state = stateOf(w);
    const first = w.attributes.find((n) => w.defaults[n] !== null);
    if (first && state[first] === undefined) state[first] = w.defaults[first]!;
    for (const [name, value] of Object.entries(state)) w.el.setAttribute(name, value);
  });
}

/** The reply to one valid host request. */
export async function answer(w: FrameWidget, msg: HostMessage): Promise<Reply> {
  await customElements.whenDefined(w.el.localName);
  if (msg.type === 'setState') return setState(w, msg.state);
  if (msg.type === 'run') return run(w);
  return { type: 'state', state: stateOf(w) };
}
