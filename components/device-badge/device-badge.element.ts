/**
 * @summary `<fm-device-badge>`: where the book's numbers are computed — backend, adapter, and why it is
 * not WebGPU when it is not. Before any widget starts the engine it only probes WebGPU (no tfjs loaded).
 */
import { describeEngine, onEngineReady, peekEngine, probeWebGPU, type Engine } from '@lib/engine/index.ts';
import css from './device-badge.css?inline';
import { adoptStyles } from '@lib/widget/host-style.ts';

export class DeviceBadge extends HTMLElement {
  private off: (() => void) | null = null;
  private shown: 'probe' | 'engine' = 'probe';

  connectedCallback(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.innerHTML = `<span class="badge" role="status" part="badge"><span class="dot" aria-hidden="true"></span><span class="text">Compute: checking…</span></span>`;
    // Its own look only (an inline badge, not a widget box), adopted for the same CSP reason as the widgets'.
    adoptStyles(root, css, { shared: false });
    this.off = onEngineReady((engine) => this.showEngine(engine));
    const running = peekEngine();
    if (running) void running.then((e) => this.showEngine(e), () => undefined);
    else void this.showProbe();
  }

  disconnectedCallback(): void {
    this.off?.();
  }

  private async showProbe(): Promise<void> {
    const probe = await probeWebGPU();
    if (this.shown === 'engine') return;
    if ('adapter' in probe) {
      const a = probe.adapter;
      this.set('webgpu', `WebGPU available${a.isSoftware ? ' · software adapter' : ''}`, `WebGPU is available (${a.vendor} / ${a.architecture}${a.isSoftware ? ', a software adapter' : ''}). Widgets start it when you reach them.`);
    } else {
      this.set('fallback', 'No WebGPU · WebGL/CPU', `Widgets will use WebGL or the CPU: ${probe.reason}.`);
    }
  }

  private showEngine(engine: Engine): void {
    this.shown = 'engine';
    const { short, long } = describeEngine(engine);
    this.set(engine.backend === 'webgpu' ? 'webgpu' : 'fallback', `Compute: ${short}`, long);
    this.dataset.backend = engine.backend;
  }

  private set(kind: string, short: string, long: string): void {
    const badge = this.shadowRoot!.querySelector<HTMLElement>('.badge')!;
    badge.dataset.kind = kind;
    badge.title = long;
    badge.setAttribute('aria-label', long);
    badge.querySelector('.text')!.textContent = short;
  }
}

if (!customElements.get('fm-device-badge')) customElements.define('fm-device-badge', DeviceBadge);
declare global { interface HTMLElementTagNameMap { 'fm-device-badge': DeviceBadge } }
