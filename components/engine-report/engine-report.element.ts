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
import { define, describeError, FmElement } from '@lib/widget/fm-element.ts';
import { msg, say, type MessageKey } from '@lib/i18n/index.ts';
import { adoptStyles } from '@lib/widget/host-style.ts';
import { headingLevelAfter } from '@lib/widget/heading-level.ts';
import type { EngineReportResult } from './result.ts';
import CSS from './engine-report.css?inline';

export class EngineReport extends FmElement<EngineReportResult> {
  /** What the report shows, kept so that a change of language says it again (nothing is re-checked). */
  private engine: { engine: Engine; ms: number } | null = null;
  private scope: EngineScope | null = null;

  protected render(): void {
    const h = `h${headingLevelAfter(this)}`; // h3 under the /device/ page's h2
    this.root.innerHTML = `<p data-role="message" role="alert" hidden></p>
    <p data-role="summary" aria-live="polite"></p>
    <dl>
      <dt data-say="engineReport.backend"></dt><dd data-field="backend">—</dd>
      <dt data-say="engineReport.adapter"></dt><dd data-field="adapter">—</dd>
      <dt data-say="engineReport.startup"></dt><dd data-field="ms">—</dd>
    </dl>
    <${h} data-say="engineReport.howChosen"></${h}>
    <ol data-field="log"><li></li></ol>
    <${h} data-say="engineReport.kernelsHeading"></${h}>
    <ul data-field="kernels"><li></li></ul>`;
    // The /device/ page's prose sets its font and colours: this report keeps them (no shared widget box).
    adoptStyles(this.root, CSS, { shared: false });
    this.sayAll();
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
      this.emitError(msg('engineReport.failed', { error: describeError(err) }));
    }
  }

  protected teardown(): void {}

  protected override onLangChange(): void {
    this.sayAll();
  }

  private field(name: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(`[data-field="${name}"]`)!;
  }

  /** Every text in the element's language, from what is kept: the headings, the engine's report, the kernels' checks. */
  private sayAll(): void {
    for (const e of this.root.querySelectorAll<HTMLElement>('[data-say]')) e.textContent = this.t(e.dataset.say as MessageKey);
    if (this.engine) this.sayEngine(); else {
      this.root.querySelector('[data-role="summary"]')!.textContent = this.t('engineReport.checking');
      this.field('log').firstElementChild!.textContent = this.t('engineReport.notStarted');
    }
    if (this.scope) this.sayKernels(); else this.field('kernels').firstElementChild!.textContent = this.t('engineReport.notChecked');
  }

  private show(engine: Engine, ms: number): void {
    // A later report (a new engine after a device loss) keeps the first start-up time on screen, as before.
    this.engine = { engine, ms: ms > 0 || !this.engine ? ms : this.engine.ms };
    this.sayEngine();
    this.emitResult({ backend: engine.backend, ms, kernels: [] });
  }

  private sayEngine(): void {
    const { engine, ms } = this.engine!;
    const lang = this.language;
    this.field('backend').textContent = label(engine.backend, lang);
    const a = engine.adapter;
    // Vendor, architecture and description are the browser's own words, shown as they are.
    const names = a ? `${a.vendor} / ${a.architecture}${a.description ? ` (${a.description})` : ''}` : '';
    this.field('adapter').textContent = !a ? this.t('engineReport.noAdapter') : a.isSoftware ? this.t('engineReport.softwareAdapter', { adapter: names }) : names;
    if (ms > 0) this.field('ms').textContent = this.t('engineReport.startupMs', { ms: ms.toFixed(0) });
    const steps = engine.steps ? engine.steps.map((m) => say(lang, m)) : engine.log;
    const lines = steps.length > 0 ? steps : [this.t('engineReport.webgpuStarted')];
    this.field('log').replaceChildren(...lines.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
    this.root.querySelector('[data-role="summary"]')!.textContent = describeEngine(engine, lang).long;
  }

  private showKernels(scope: EngineScope): void {
    this.scope = scope;
    this.sayKernels();
    this.emitResult({ backend: scope.engine.backend, ms: 0, kernels: scope.kernels });
  }

  private sayKernels(): void {
    const scope = this.scope!;
    // A kernel's reason for falling back is technical text from its check, shown as it is.
    const items = scope.kernels.length ? scope.kernels.map((k) => k.ok ? this.t('engineReport.kernelInUse', { name: k.name }) : this.t('engineReport.kernelNotUsed', { name: k.name, reason: k.reason ?? '' }))
      : [this.t('engineReport.noKernels', { backend: label(scope.engine.backend, this.language) })];
    this.field('kernels').replaceChildren(...items.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
  }
}

define('fm-engine-report', EngineReport);
declare global { interface HTMLElementTagNameMap { 'fm-engine-report': EngineReport } }
