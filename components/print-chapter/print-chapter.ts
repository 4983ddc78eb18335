/**
 * "Print this chapter" and "Print with answers". A figure starts when it nears the viewport, so most of a chapter has
 * never run when a reader prints it; these controls start every figure, wait for each one's first result (at most
 * WAIT_MS in all, counting on a status line), then open the browser's print dialog. A figure still computing prints
 * as far as it got; one that never started, as its caption with a note (print.css). Each figure's element must be
 * defined by then (its code loaded) to be started. "With answers" sets data-fm-print="answers" on the root and opens every
 * answer and worked solution for that one print; afterprint puts back what the reader had. The controls speak the
 * page's language (the group's `lang`, inherited) and say their words again, the status line included, if it changes.
 */
import { msg, resolveLang, say, t, watchLang, type Msg } from '../../src/lib/i18n/page.ts';

type Figure = HTMLElement & { startNow?: (offscreen?: boolean) => void; ready?: Promise<void> };

const WAIT_MS = 20_000;
/** The widgets let run off screen for a print, put back to pausing out of view after it. */
const running: Figure[] = [];

/** Every widget inside a chapter figure (custom elements named fm-…), in page order. */
function figureWidgets(): Figure[] {
  return [...document.querySelectorAll<Figure>('.fm-widget-figure figure *')].filter((e) => e.localName.startsWith('fm-'));
}

/** Starts one widget and resolves when it has computed once, or at `deadline` (never rejects: a failure prints as is). */
async function prepare(widget: Figure, deadline: Promise<void>): Promise<boolean> {
  const defined = customElements.whenDefined(widget.localName).then(() => true);
  if (!(await Promise.race([defined, deadline.then(() => false)]))) return false;
  widget.startNow?.(true); // computed even far from the viewport, where it would pause (until afterprint)
  running.push(widget);
  if (!widget.ready) return true;
  return Promise.race([widget.ready.then(() => true, () => false), deadline.then(() => false)]);
}

/** The status line of one group of controls: what it says now, kept so that a change of language says it again. */
interface Status { line: HTMLElement; said: Msg | null; tell(message: Msg): void }

async function prepareAll(status: Status): Promise<void> {
  const widgets = figureWidgets();
  let done = 0;
  const counting = () => status.tell(msg('print.preparing', { done, total: widgets.length }));
  counting();
  let timer = 0;
  const deadline = new Promise<void>((resolve) => (timer = window.setTimeout(resolve, WAIT_MS)));
  const results = await Promise.all(widgets.map((w) => prepare(w, deadline).then((ok) => (ok && (done++, counting()), ok))));
  clearTimeout(timer);
  const missing = results.filter((ok) => !ok).length;
  const figures = msg('print.figures', { count: widgets.length });
  status.tell(missing
    ? msg('print.missing', { count: missing, done, figures })
    : widgets.length === 1 ? msg('print.oneReady') : msg('print.allReady', { figures }));
}

// The answers open in beforeprint, not before window.print(): the reader's progress (components/progress) counts a
// solution opened outside a print as revealed, and its `toggle` events come after beforeprint either way.
const opened: HTMLDetailsElement[] = [];
addEventListener('beforeprint', () => {
  if (document.documentElement.dataset.fmPrint !== 'answers') return;
  for (const d of document.querySelectorAll<HTMLDetailsElement>('details.fm-predict-answer:not([open])')) {
    d.open = true;
    opened.push(d);
  }
});
addEventListener('afterprint', () => {
  for (const w of running.splice(0)) w.startNow?.(false);
  for (const d of opened.splice(0)) d.open = false;
  delete document.documentElement.dataset.fmPrint;
});

function setUp(group: HTMLElement): void {
  group.hidden = false;
  let lang = resolveLang(group);
  const status: Status = {
    line: group.querySelector<HTMLElement>('[data-role="print-status"]')!,
    said: null,
    tell(message) {
      this.said = message;
      this.line.textContent = say(lang, message);
    },
  };
  // The buttons were written in the page's language when it was built; a change of language says everything again.
  watchLang(group, (now) => {
    lang = now;
    group.setAttribute('aria-label', t(lang, 'print.plain'));
    group.querySelector('[data-print="plain"]')!.textContent = t(lang, 'print.plain');
    group.querySelector('[data-print="answers"]')!.textContent = t(lang, 'print.answers');
    if (status.said) status.tell(status.said);
  });
  let busy = false;
  group.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-print]');
    if (!button || busy) return;
    busy = true;
    group.setAttribute('aria-busy', 'true');
    prepareAll(status)
      .then(() => {
        if (button.dataset.print === 'answers') document.documentElement.dataset.fmPrint = 'answers';
        window.print();
      })
      .finally(() => {
        busy = false;
        group.removeAttribute('aria-busy');
      });
  });
}

for (const group of document.querySelectorAll<HTMLElement>('.fm-print-chapter')) setUp(group);
