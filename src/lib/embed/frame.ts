/**
 * The widget side of embed contract v1, run by /embed/v1/<slug>/ (and its unversioned alias): names the frame,
 * tells the host `ready`, its content's own height (`resize`: it shrinks as well as grows, which the document's
 * scrollHeight never does inside a frame), each `result` and `error`, and the `state` whenever an attribute
 * changes; answers the parent window's `getState`/`setState`/`run`. Nothing from the URL or a message is ever
 * inserted as HTML: values go to attributes, where the widget parses them.
 */
import { ID_PATTERN, parseHostMessage, plainData, widgetMessage, type WidgetMessage } from './protocol.ts';
import { answer, stateOf, type FrameWidget } from './frame-requests.ts';
import { queryFromElement, type WidgetEntry } from '../widget/registry.ts';

/** The frame's id: a valid `?embedId=`, else a valid frame name, else the widget's slug; `problem` says why not. */
export function frameId(search: string, name: string, slug: string): { id: string; problem: string | null } {
  const asked = new URLSearchParams(search).get('embedId');
  if (asked !== null && ID_PATTERN.test(asked)) return { id: asked, problem: null };
  const id = ID_PATTERN.test(name) ? name : slug;
  const problem = asked === null ? null : `embedId must be 1–64 letters, digits, "-" or "_"; this frame is "${id}" instead.`;
  return { id, problem };
}

export function startFrame(entry: WidgetEntry, el: HTMLElement, options: { legacy: boolean }): void {
  const embedded = window.parent !== window;
  const { id, problem } = frameId(location.search, window.name, entry.slug);
  const w: FrameWidget = {
    el, slug: entry.slug, attributes: entry.attributes,
    defaults: Object.fromEntries(entry.spec.map((s) => [s.name, s.default])),
  };
  const post = (msg: WidgetMessage, origin = '*') => { if (embedded) window.parent.postMessage(msg, origin); };

  void customElements.whenDefined(entry.tag).then(() => {
    post(widgetMessage('ready', id, entry.slug, { state: stateOf(w) }));
    if (problem) post(widgetMessage('error', id, entry.slug, { message: problem }));
  });
  el.addEventListener('fm-result', (e) => post(widgetMessage('result', id, entry.slug, { detail: plainData((e as CustomEvent).detail) })));
  el.addEventListener('fm-error', (e) => {
    post(widgetMessage('error', id, entry.slug, { message: String((e as CustomEvent<{ message?: unknown }>).detail?.message ?? '') }));
  });

  // State round-trips through the URL (what the reader sets is what a copied link reproduces) and to the host.
  new MutationObserver(() => {
    const q = queryFromElement(entry, el);
    const keep = new URLSearchParams(location.search).get('embedId');
    const query = [q, keep !== null && ID_PATTERN.test(keep) ? `embedId=${keep}` : ''].filter(Boolean).join('&');
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    post(widgetMessage('state', id, entry.slug, { state: stateOf(w) }));
  }).observe(el, { attributes: true, attributeFilter: [...entry.attributes] });

  // The content's own height: the body's box (it does not stretch to the frame), which shrinks with its content.
  let last = -1;
  const sendHeight = (always: boolean) => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last && !always) return;
    last = height;
    post(widgetMessage('resize', id, entry.slug, { height }));
    // Pages that embedded the unversioned /embed/<slug>/ listened for this; the alias keeps sending it.
    if (options.legacy && embedded) window.parent.postMessage({ type: 'fm-embed-height', widget: entry.slug, height }, '*');
  };
  new ResizeObserver(() => sendHeight(false)).observe(document.body);

  addEventListener('message', (event) => {
    // Only the page that holds this frame may ask; anything not a v1 request is ignored.
    if (!embedded || event.source !== window.parent) return;
    const msg = parseHostMessage(event.data);
    if (!msg) return;
    // A host helper that loaded after this frame missed its first height: every request is answered with it too.
    sendHeight(true);
    const requestId = msg.requestId === undefined ? {} : { requestId: msg.requestId };
    void answer(w, msg).then((reply) => {
      const body = reply.type === 'result' ? { detail: plainData(reply.detail) } : reply.type === 'state' ? { state: reply.state } : { message: reply.message };
      post(widgetMessage(reply.type, id, entry.slug, { ...body, ...requestId } as never), event.origin === 'null' ? '*' : event.origin);
    });
  });
}
