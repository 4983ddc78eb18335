/**
 * embed.js, the host page's helper for embed contract v1 (served bundled and minified at /embed/v1/embed.js):
 * sizes every Feature Maps frame on the page from that frame's own messages, and adds `on`, `getState`,
 * `setState` and `run` to `window.FeatureMaps` (merged: the book's pages define `getEngine` there too). A message
 * counts only when it passes the v1 validator, comes from a frame's window (`event.source`) and from the origin
 * of that frame's `src`. Loaded twice, the second copy does nothing.
 */
import { hostMessage, parseWidgetMessage, type HostType, type WidgetMessage, type WidgetState } from './protocol.ts';

type Listener = (msg: WidgetMessage) => void;
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
interface FrameRecord { ready: boolean; queue: (() => void)[]; listeners: Map<string, Set<Listener>>; pending: Map<string, Pending> }
interface Api {
  on(frame: HTMLIFrameElement, type: string, fn: Listener): () => void;
  getState(frame: HTMLIFrameElement): Promise<WidgetState>;
  setState(frame: HTMLIFrameElement, state: Record<string, string | number>): Promise<WidgetState>;
  run(frame: HTMLIFrameElement): Promise<unknown>;
}

/** Our embed pages' paths, under any base: /…/embed/v1/<slug>/ or the unversioned /…/embed/<slug>/. */
const EMBED_PATH = /\/embed\/(v1\/)?[a-z][a-z0-9-]*\/$/;
const records = new WeakMap<HTMLIFrameElement, FrameRecord>();
let counter = 0;

function frameOrigin(frame: HTMLIFrameElement): string | null {
  try {
    const url = new URL(frame.src, location.href);
    return EMBED_PATH.test(url.pathname) ? url.origin : null;
  } catch { return null; }
}

/** True when the frame already holds its page (so a request will reach the page's listener, not about:blank). */
function loaded(frame: HTMLIFrameElement): boolean {
  try {
    const doc = frame.contentDocument;
    return doc === null || (doc.readyState === 'complete' && doc.URL !== 'about:blank');
  } catch { return true; }
}

function record(frame: HTMLIFrameElement): FrameRecord {
  let r = records.get(frame);
  if (!r) {
    r = { ready: false, queue: [], listeners: new Map(), pending: new Map() };
    records.set(frame, r);
    const rec = r;
    frame.addEventListener('load', () => markReady(rec));
    if (loaded(frame)) markReady(rec);
  }
  return r;
}

function markReady(r: FrameRecord): void {
  r.ready = true;
  for (const send of r.queue.splice(0)) send();
}

function frameOf(source: MessageEventSource | null): HTMLIFrameElement | undefined {
  if (!source) return undefined;
  return [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === source);
}

/** What a border-box frame's height must add to its content's (borders and padding); 0 for content-box. */
function boxExtra(frame: HTMLIFrameElement): number {
  const cs = getComputedStyle(frame);
  if (cs.boxSizing !== 'border-box') return 0;
  return ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom'].reduce((sum, k) => sum + (parseFloat(cs[k as 'borderTopWidth']) || 0), 0);
}

function onMessage(event: MessageEvent): void {
  const frame = frameOf(event.source);
  if (!frame || frameOrigin(frame) !== event.origin) return;
  const msg = parseWidgetMessage(event.data);
  if (!msg) return;
  const r = record(frame);
  if (!r.ready) markReady(r);
  // The frame reports its content's own height; the frame's box follows it, growing and shrinking.
  if (msg.type === 'resize') frame.style.height = `${Math.ceil(msg.height) + boxExtra(frame)}px`;
  const waiting = msg.requestId === undefined ? undefined : r.pending.get(msg.requestId);
  if (waiting && msg.type !== 'resize') {
    r.pending.delete(msg.requestId!);
    if (msg.type === 'error') waiting.reject(new Error(msg.message));
    else waiting.resolve(msg.type === 'result' ? msg.detail : msg.type === 'state' ? msg.state : undefined);
  }
  for (const fn of r.listeners.get(msg.type) ?? []) fn(msg);
}

function request(frame: HTMLIFrameElement, type: HostType, state?: WidgetState): Promise<unknown> {
  const origin = frameOrigin(frame);
  if (!origin) return Promise.reject(new Error('FeatureMaps: this iframe is not a Feature Maps embed (/embed/v1/<widget>/).'));
  const r = record(frame);
  const requestId = `r${++counter}`;
  return new Promise((resolve, reject) => {
    r.pending.set(requestId, { resolve, reject });
    const send = () => frame.contentWindow?.postMessage(hostMessage(type, state ? { requestId, state } : { requestId }), origin);
    if (r.ready) send(); else r.queue.push(send);
  });
}

function install(): void {
  const w = window as unknown as { FeatureMaps?: Record<string, unknown> };
  const fm = (w.FeatureMaps ??= {});
  if (fm.embedVersion === 1) return;
  const api: Api = {
    on(frame, type, fn) {
      const set = record(frame).listeners.get(type) ?? new Set<Listener>();
      record(frame).listeners.set(type, set.add(fn));
      return () => set.delete(fn);
    },
    getState: (frame) => request(frame, 'getState') as Promise<WidgetState>,
    setState: (frame, state) => request(frame, 'setState', state as WidgetState) as Promise<WidgetState>,
    run: (frame) => request(frame, 'run'),
  };
  Object.assign(fm, api, { embedVersion: 1 });
  addEventListener('message', onMessage);
  // Frames present now whose page may have spoken before this script ran: ask once, so each answers with its height.
  for (const frame of document.querySelectorAll('iframe')) {
    if (frameOrigin(frame) && loaded(frame)) void request(frame, 'getState').catch(() => {});
  }
}

install();
