/**
 * @summary `<fm-device-badge>`: where the book's numbers are computed — backend, adapter, and why it is
 * not WebGPU when it is not. Before any widget starts the engine it only probes WebGPU (no tfjs loaded).
 * It speaks its language (`lang` on it or an ancestor, else the document's: src/lib/i18n/) and says it again,
 * from what it already knows, when that language changes.
 */
import { describeEngine, onEngineReady, peekEngine, type Engine, type Probe } from '@lib/engine/index.ts';
import { resolveLang, say, t, watchLang, type Lang } from '@lib/i18n/index.ts';
import css from './device-badge.css?inline';
import { adoptStyles } from '@lib/widget/host-style.ts';
import { whenIdle } from '@lib/schedule/slices.ts';
import { probeAside } from './probe-aside.ts';
/** What the badge knows: nothing yet, the WebGPU probe's answer, or the engine a widget started. */
type Known = { kind: 'checking' } | { kind: 'probe'; probe: Probe } | { kind: 'engine'; engine: Engine };

export class DeviceBadge extends HTMLElement {
  private cleanups: (() => void)[] = [];
  private known: Known = { kind: 'checking' };
  private language: Lang = 'en';

  connectedCallback(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.innerHTML = `<span class="badge" role="status" part="badge"><span class="dot" aria-hidden="true"></span><span class="text"></span></span>`;
    // Its own look only (an inline badge, not a widget box), adopted for the same CSP reason as the widgets'.
    adoptStyles(root, css, { shared: false });
    this.language = resolveLang(this);
    this.paint();
    this.cleanups.push(
      onEngineReady((engine) => this.show({ kind: 'engine', engine })),
      watchLang(this, (lang) => {
        this.language = lang;
        this.paint();
      }),
    );
    const running = peekEngine();
    if (running) void running.then((engine) => this.show({ kind: 'engine', engine }), () => undefined);
    // The page's first request for an adapter holds the main thread 10–16 ms here (over 50 ms on a phone) while
    // the browser sets WebGPU up: the badge asks in a worker (probe-aside.ts), started when the page is idle (at
    // most 1 s late), and says "checking" until then.
    else whenIdle(() => void this.showProbe(), 1000);
  }

  disconnectedCallback(): void {
    for (const stop of this.cleanups.splice(0)) stop();
  }

  private async showProbe(): Promise<void> {
    // The engine may have been chosen before the probe or while it ran: it says more, so it wins.
    const engineKnown = () => (this.known as Known).kind === 'engine';
    if (!this.isConnected || engineKnown()) return;
    const probe = await probeAside();
    if (!engineKnown()) this.show({ kind: 'probe', probe });
  }

  private show(known: Known): void {
    this.known = known;
    if (known.kind === 'engine') this.dataset.backend = known.engine.backend;
    this.paint();
  }

  /** Writes what the badge knows in its current language (the shell may not exist yet when the engine announces). */
  private paint(): void {
    const badge = this.shadowRoot?.querySelector<HTMLElement>('.badge');
    if (!badge) return;
    const [kind, short, long] = this.words(this.language);
    // Screen readers pronounce the badge in the language it is written in, even where a host says otherwise (lang="xx").
    badge.lang = this.language;
    setOrRemove(badge, 'data-kind', kind);
    setOrRemove(badge, 'title', long);
    setOrRemove(badge, 'aria-label', long);
    badge.querySelector('.text')!.textContent = short;
  }

  /** [the look, the label, the sentence for the tooltip and screen readers]. */
  private words(lang: Lang): [string, string, string] {
    const known = this.known;
    if (known.kind === 'checking') return ['', t(lang, 'badge.checking'), ''];
    if (known.kind === 'engine') {
      const { short, long } = describeEngine(known.engine, lang);
      return [known.engine.backend === 'webgpu' ? 'webgpu' : 'fallback', t(lang, 'badge.engine', { backend: short }), long];
    }
    const { probe } = known;
    if (!('adapter' in probe)) return ['fallback', t(lang, 'badge.noWebgpu'), t(lang, 'badge.noWebgpuLong', { reason: say(lang, probe.reason) })];
    const a = probe.adapter;
    const where = { vendor: a.vendor, architecture: a.architecture };
    return a.isSoftware
      ? ['webgpu', t(lang, 'badge.webgpuAvailableSoftware'), t(lang, 'badge.webgpuAvailableSoftwareLong', where)]
      : ['webgpu', t(lang, 'badge.webgpuAvailable'), t(lang, 'badge.webgpuAvailableLong', where)];
  }
}

function setOrRemove(el: HTMLElement, name: string, value: string): void {
  if (value) el.setAttribute(name, value);
  else el.removeAttribute(name);
}

if (!customElements.get('fm-device-badge')) customElements.define('fm-device-badge', DeviceBadge);
declare global { interface HTMLElementTagNameMap { 'fm-device-badge': DeviceBadge } }
