/**
 * Embed contract v1: the messages between a widget's frame (/embed/v1/<slug>/) and the page that embeds it. Every
 * message is namespaced `{ source: 'feature-maps', v: 1, type, … }` so a host can tell ours from any other, and each
 * side drops whatever the validators here refuse (wrong source, version, type or shape). Payloads are plain data
 * (structured-cloneable): a widget's `fm-result` detail travels through `plainData`.
 */
export const SOURCE = 'feature-maps';
export const VERSION = 1;

export const WIDGET_TYPES = ['ready', 'resize', 'result', 'error', 'state'] as const;
export const HOST_TYPES = ['getState', 'setState', 'run'] as const;
export type WidgetType = (typeof WIDGET_TYPES)[number];
export type HostType = (typeof HOST_TYPES)[number];

/** A widget's attributes as text, as they would be written on the element. */
export type WidgetState = Record<string, string>;
type Envelope = { source: typeof SOURCE; v: typeof VERSION };
/** Widget → host. `id` names the frame (`?embedId=` or the frame's name); `requestId` answers a host's request. */
export type WidgetMessage = Envelope & { id: string; widget: string; requestId?: string } & (
  | { type: 'ready'; state: WidgetState }
  | { type: 'resize'; height: number }
  | { type: 'result'; detail: unknown }
  | { type: 'error'; message: string }
  | { type: 'state'; state: WidgetState }
);
/** Host → widget. `requestId` (optional) comes back on the answer so a host can match it. */
export type HostMessage = Envelope & { requestId?: string } & (
  | { type: 'getState' }
  | { type: 'setState'; state: WidgetState }
  | { type: 'run' }
);

/** Frame ids and request ids: short, and safe anywhere (they are never inserted as HTML anyway). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_VALUE = 500;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const optionalId = (x: unknown) => x === undefined || (typeof x === 'string' && ID_PATTERN.test(x));

/** True for any object that claims to be ours (right source and version), whatever its type. */
function isEnvelope(x: unknown): x is Record<string, unknown> {
  return isRecord(x) && x.source === SOURCE && x.v === VERSION;
}

/** A state object as text values, or a reason it is refused (not an object, a value not text or number, too long). */
export function readState(x: unknown): WidgetState | string {
  if (!isRecord(x)) return 'setState needs `state`: an object of attribute names and values.';
  const out: WidgetState = {};
  for (const [name, value] of Object.entries(x)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[name] = String(value);
    else if (typeof value === 'string' && value.length <= MAX_VALUE) out[name] = value;
    else return `The value of "${name.slice(0, 40)}" must be text (at most ${MAX_VALUE} characters) or a finite number.`;
  }
  return out;
}

/** The host's message, or null when it is not a valid v1 request (the frame then ignores it). */
export function parseHostMessage(x: unknown): HostMessage | null {
  if (!isEnvelope(x) || !HOST_TYPES.includes(x.type as HostType) || !optionalId(x.requestId)) return null;
  const base = { source: SOURCE, v: VERSION, ...(x.requestId === undefined ? {} : { requestId: x.requestId as string }) } as const;
  if (x.type !== 'setState') return { ...base, type: x.type as 'getState' | 'run' };
  // A malformed state still reaches the frame, which answers it with an `error` naming the problem.
  return { ...base, type: 'setState', state: x.state as WidgetState };
}

/** The widget's message, or null when it is not a valid v1 message (the host helper then ignores it). */
export function parseWidgetMessage(x: unknown): WidgetMessage | null {
  if (!isEnvelope(x) || !WIDGET_TYPES.includes(x.type as WidgetType)) return null;
  if (typeof x.id !== 'string' || !ID_PATTERN.test(x.id) || typeof x.widget !== 'string' || !optionalId(x.requestId)) return null;
  const ok = {
    ready: () => isRecord(x.state),
    state: () => isRecord(x.state),
    resize: () => typeof x.height === 'number' && Number.isFinite(x.height) && x.height >= 0,
    error: () => typeof x.message === 'string',
    result: () => 'detail' in x,
  }[x.type as WidgetType]();
  return ok ? (x as WidgetMessage) : null;
}

/** Builds a widget → host message. */
export function widgetMessage<T extends WidgetType>(
  type: T, id: string, widget: string, body: Omit<Extract<WidgetMessage, { type: T }>, 'source' | 'v' | 'type' | 'id' | 'widget'>,
): WidgetMessage {
  return { source: SOURCE, v: VERSION, type, id, widget, ...body } as unknown as WidgetMessage;
}

/** Builds a host → widget message. */
export function hostMessage(type: HostType, body: { requestId?: string; state?: WidgetState } = {}): HostMessage {
  return { source: SOURCE, v: VERSION, type, ...body } as HostMessage;
}

/**
 * A copy of `x` that postMessage can always clone: numbers, text, booleans, null, arrays, typed arrays (copied) and
 * plain objects, to a bounded depth; functions, elements and other class instances are left out.
 */
export function plainData(x: unknown, depth = 8): unknown {
  if (x === null || ['string', 'number', 'boolean'].includes(typeof x)) return x;
  if (depth === 0) return undefined;
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return (x as unknown as { slice(): unknown }).slice();
  if (Array.isArray(x)) return x.map((v) => plainData(v, depth - 1) ?? null);
  if (isRecord(x) && [Object.prototype, null].includes(Object.getPrototypeOf(x))) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      const p = plainData(v, depth - 1);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return undefined;
}

/** The message for a `setState` naming attributes the widget does not have (null: all are its own). */
export function unknownAttributes(widget: string, allowed: readonly string[], state: WidgetState): string | null {
  const unknown = Object.keys(state).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return null;
  const names = unknown.map((n) => `"${n.slice(0, 40)}"`).join(', ');
  return `${widget} has no attribute ${names}; it accepts ${allowed.join(', ')}.`;
}
