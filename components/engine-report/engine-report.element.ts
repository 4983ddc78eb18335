/**
 * @summary `<fm-engine-report>`: the engine's full diagnosis for a reader who wonders why a widget is slow —
 * the backend chosen, the adapter, each step of the choice, and a live re-check after a device loss.
 * @event fm-result — `{ backend, ms }` once the engine is ready (ms: time to load tfjs and choose).
 */
import { describeEngine, getEngine, label, onEngineReady, type Engine } from '@lib/engine/index.ts';
import '@lib/engine/global.ts';
import { define, FmElement } from '@lib/widget/fm-element.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';

const CSS = `:host { display: block; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
[data-kind='error'] { color: var(--sl-color-red-high, #a40000); }`;

export class EngineReport extends FmElement {
  protected render(): void {
    this.root.innerHTML = `<p data-role="message" role="alert" hidden></p>
    <p data-role="summary" aria-live="polite">Checking this browser…</p>
    <dl>
      <dt>Backend</dt><dd data-field="backend">—</dd>
      <dt>Adapter</dt><dd data-field="adapter">—</dd>
      <dt>Start-up</dt><dd data-field="ms">—</dd>
    </dl>
    <h3>How the engine chose</h3>
    <ol data-field="log"><li>Not started yet.</li></ol>`;
    // The /device/ page's prose sets its font and colours: this report keeps them (no shared widget box).
    adoptStyles(this.root, CSS, { shared: false });
  }

  protected async start(): Promise<void> {
    this.setStatus('loading');
    const t0 = performance.now();
    try {
      const engine = await getEngine();
      this.show(engine, performance.now() - t0);
      this.onDisconnect(onEngineReady((e) => this.show(e, 0)));
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
    this.emitResult({ backend: engine.backend, ms });
  }
}

define('fm-engine-report', EngineReport);
