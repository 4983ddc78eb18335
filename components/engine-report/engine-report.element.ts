/**
 * @summary `<fm-engine-report>`: the engine's full diagnosis for a reader who wonders why a widget is slow —
 * the backend chosen, the adapter, each step of the choice, the check of the book's own GPU kernels (and why any
 * fell back to tfjs's), and a live re-check after a device loss.
 * @event fm-result — `{ backend, ms, kernels }` once the engine is ready (ms: time to load tfjs and choose;
 *   kernels: the current scope's `KernelCheck`s, `{ name, ok, reason? }`, empty off WebGPU).
 */
import { describeEngine, getEngine, label, onEngineReady, type Engine } from '@lib/engine/index.ts';
import { getScope, onScopeChange, type EngineScope } from '@lib/engine/scope.ts';
import '@lib/engine/global.ts';
import { define, FmElement } from '@lib/widget/fm-element.ts';

export class EngineReport extends FmElement {
  protected render(): void {
    this.root.innerHTML = `<style>
      :host { display: block; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      [data-kind='error'] { color: var(--sl-color-red-high, #a40000); }
    </style>
    <p data-role="message" role="alert" hidden></p>
    <p data-role="summary" aria-live="polite">Checking this browser…</p>
    <dl>
      <dt>Backend</dt><dd data-field="backend">—</dd>
      <dt>Adapter</dt><dd data-field="adapter">—</dd>
      <dt>Start-up</dt><dd data-field="ms">—</dd>
    </dl>
    <h3>How the engine chose</h3>
    <ol data-field="log"><li>Not started yet.</li></ol>
    <h3>The book's GPU kernels</h3>
    <ul data-field="kernels"><li>Not checked yet.</li></ul>`;
  }

  protected async start(): Promise<void> {
    this.setStatus('loading');
    const t0 = performance.now();
    try {
      const engine = await getEngine();
      this.show(engine, performance.now() - t0);
      this.onDisconnect(onEngineReady((e) => this.show(e, 0)));
      this.onDisconnect(onScopeChange((s) => this.showKernels(s)));
      this.showKernels(await getScope());
    } catch (err) {
      this.setStatus('error');
      this.emitError(`The engine could not start: ${(err as Error).message}`);
    }
  }

  protected teardown(): void {}

  private show(engine: Engine, ms: number): void {
    const field = (name: string) => this.root.querySelector<HTMLElement>(`[data-field="${name}"]`)!;
    field('backend').textContent = label(engine.backend);
    const a = engine.adapter;
    field('adapter').textContent = a ? `${a.vendor} / ${a.architecture}${a.description ? ` (${a.description})` : ''}${a.isSoftware ? ' — software adapter' : ''}` : 'none (not WebGPU)';
    if (ms > 0) field('ms').textContent = `${ms.toFixed(0)} ms to load TensorFlow.js, choose and check the backend`;
    const steps = engine.log.length > 0 ? engine.log : ['WebGPU started and passed the smoke check.'];
    field('log').replaceChildren(...steps.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
    this.root.querySelector('[data-role="summary"]')!.textContent = describeEngine(engine).long;
    this.emitResult({ backend: engine.backend, ms, kernels: [] });
  }

  private showKernels(scope: EngineScope): void {
    const list = this.root.querySelector<HTMLElement>('[data-field="kernels"]')!;
    const items = scope.kernels.length ? scope.kernels.map((k) => `${k.name}: ${k.ok ? 'checked against the float64 reference, in use' : k.reason}`)
      : [`None on ${label(scope.engine.backend)}: tfjs's own kernels compute everything.`];
    list.replaceChildren(...items.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
    this.emitResult({ backend: scope.engine.backend, ms: 0, kernels: scope.kernels });
  }
}

define('fm-engine-report', EngineReport);
