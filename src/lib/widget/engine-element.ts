/**
 * The base of widgets that compute on the engine: `start()` loads the engine and the widget's heavy modules
 * (its `load()`), re-runs when the backend changes (device lost), and `schedule()` debounces recomputation.
 * `gen` numbers each run so a result that arrives after a newer request, or after disconnect, is dropped.
 */
import { onEngineChange, type Engine } from '../engine/index.ts';
import { FmElement, describeError } from './fm-element.ts';

export abstract class EngineElement<Heavy extends { engine: Engine }> extends FmElement {
  protected heavy: Heavy | null = null;
  protected gen = 0;
  /** Milliseconds of quiet before a burst of changes (typing, dragging) is computed once. */
  protected debounceMs = 40;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Loads `getEngine()` and the widget's dynamic imports; may build the parts of the view they bring. */
  protected abstract load(): Promise<Heavy>;
  /** One computation with the current settings; check `gen` after every await. */
  protected abstract compute(): Promise<void>;

  protected async start(): Promise<void> {
    this.setStatus('loading');
    try {
      this.heavy = await this.load();
    } catch (err) {
      // A failed engine start is not cached (engine.ts), so Retry tries every backend again.
      this.setStatus('error');
      this.emitError(`The compute engine could not start: ${describeError(err)}`);
      this.offerRetry(() => this.restart());
      return;
    }
    this.onDisconnect(onEngineChange((engine) => {
      if (this.heavy) this.heavy.engine = engine;
      this.schedule();
    }));
    await this.compute();
  }

  /** Recomputes, with an unexpected failure reported (and a Retry) unless a newer run superseded it. */
  protected recompute(): void {
    const gen = this.gen;
    // compute() increments gen itself: the run this call starts is gen + 1.
    this.guard(this.compute(), () => this.recompute(), () => this.gen > gen + 1);
  }

  protected teardown(): void {
    this.gen++;
    clearTimeout(this.timer);
  }

  protected schedule(): void {
    clearTimeout(this.timer);
    if (this.heavy) this.timer = setTimeout(() => this.recompute(), this.debounceMs);
  }
}
