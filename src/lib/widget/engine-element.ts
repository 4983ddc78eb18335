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
  private loadedGate = gate<Heavy>();

  /** Loads `getEngine()` and the widget's dynamic imports; may build the parts of the view they bring. */
  protected abstract load(): Promise<Heavy>;
  /** One computation with the current settings; check `gen` after every await. */
  protected abstract compute(): Promise<void>;

  /**
   * The heavy modules once `load()` has run (waiting for the element to near the viewport if it has not yet);
   * rejects with the load's error instead of waiting for ever. After a Retry, new callers wait for the new load.
   */
  protected whenLoaded(): Promise<Heavy> {
    return this.heavy ? Promise.resolve(this.heavy) : this.loadedGate.promise;
  }

  protected async start(): Promise<void> {
    this.setStatus('loading');
    if (this.loadedGate.settled) this.loadedGate = gate<Heavy>();
    try {
      this.heavy = await this.load();
      this.loadedGate.resolve(this.heavy);
    } catch (err) {
      this.loadedGate.reject(err);
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
    // The set-up changed: a computation still in flight is for the old one, so its result is dropped (never
    // reported as the new set-up's), even before the debounced recomputation starts.
    this.gen++;
    clearTimeout(this.timer);
    if (this.heavy) this.timer = setTimeout(() => this.recompute(), this.debounceMs);
  }
}

/** A promise with its settle functions outside, and whether it has settled; a rejection nobody awaits is not reported. */
function gate<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void; settled: boolean } {
  let resolve!: (v: T) => void, reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  promise.catch(() => {});
  const g = {
    promise, settled: false,
    resolve: (v: T) => { g.settled = true; resolve(v); },
    reject: (e: unknown) => { g.settled = true; reject(e); },
  };
  return g;
}
