/**
 * The base of widgets that compute on the engine: `start()` loads the widget's heavy modules and builds the
 * views they bring (its `load()`, once), then takes what lives on one backend — models, uploaded tensors — from
 * the engine's current `EngineScope` (its `acquire()`, again on every new scope: a lost device or a backend
 * change disposes the old scope with all it owns), and `schedule()` debounces recomputation.
 * `gen` numbers each run so a result that arrives after a newer request, a new scope, or disconnect is dropped.
 * `R` is the widget's `fm-result` detail, passed on to FmElement.
 */
import { backendName, getEngine, type Engine } from '../engine/index.ts';
import { chain, msg, type Msg } from '../i18n/index.ts';
import { getScope, onScopeChange, type Disposable, type EngineScope } from '../engine/scope.ts';
import { FmElement, describeError, type ResultDetail, type UntypedResult } from './fm-element.ts';

export abstract class EngineElement<Heavy extends { engine: Engine }, R extends ResultDetail = UntypedResult> extends FmElement<R> {
  protected heavy: Heavy | null = null;
  protected gen = 0;
  /** Milliseconds of quiet before a burst of changes (typing, dragging) is computed once. */
  protected debounceMs = 40;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loadedGate = gate<Heavy>();

  /** The scope whose resources this widget holds now (null before the first acquire). */
  protected scope: EngineScope | null = null;

  /** Loads `getEngine()` and the widget's dynamic imports; may build the parts of the view they bring. Runs once. */
  protected abstract load(): Promise<Heavy>;
  /**
   * Takes the per-backend resources (models, uploaded tensors, caches of results computed with them) from
   * `scope` into `heavy`, dropping those of the previous scope. Runs after `load()` and on every new scope.
   */
  protected async acquire(_heavy: Heavy, _scope: EngineScope): Promise<void> {}
  /** Called on a new scope before recomputing: long work (a training run) stops or restarts here. */
  protected onScopeLost(): void {}
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
      // The scope's set-up (on WebGPU: compiling and checking our kernels) runs while load() fetches code and data.
      // Only once the engine is up: a failed start is not cached (a Retry tries again), a scope would be.
      getEngine().then(() => getScope()).catch(() => {});
      const heavy = await this.load();
      // A scope may be disposed while we acquire from it (the device lost during start-up): take the next one.
      let scope = await getScope();
      while (!(await this.acquireFrom(heavy, scope))) scope = await getScope();
      this.heavy = heavy;
      this.loadedGate.resolve(this.heavy);
    } catch (err) {
      this.loadedGate.reject(err);
      // A failed engine start is not cached (engine.ts), so Retry tries every backend again.
      this.setStatus('error');
      this.emitError(msg('widget.engineFailed', { error: describeError(err) }));
      this.offerRetry(() => this.restart());
      return;
    }
    this.onDisconnect(onScopeChange((scope) => this.guard(this.rescope(scope), () => this.restart())));
    await this.compute();
  }

  /** Moves to a new scope: drops work in flight, re-acquires resources there, says what happened, recomputes. */
  private async rescope(scope: EngineScope): Promise<void> {
    const heavy = this.heavy;
    if (!heavy || scope === this.scope) return;
    const before = heavy.engine.backend;
    this.gen++;
    clearTimeout(this.timer);
    this.onScopeLost();
    if (!(await this.acquireFrom(heavy, scope)) || this.scope !== scope) return;
    this.engineNote = engineNote(before, scope);
    this.showMessage(this.engineNote);
    this.schedule();
  }

  /** What the engine last did to this widget (a restart, a move to another backend): it stays on the message line. */
  private engineNote: Msg | null = null;

  /** A widget clearing its own messages (its settings are valid again) leaves the engine's note in place. */
  protected clearMessage(): void {
    super.clearMessage();
    if (this.engineNote) this.showMessage(this.engineNote);
  }

  /** acquire() from `scope`; false if the scope was disposed meanwhile (its resources are then already released). */
  private async acquireFrom(heavy: Heavy, scope: EngineScope): Promise<boolean> {
    this.scope = scope;
    heavy.engine = scope.engine;
    try {
      await this.acquire(heavy, scope);
    } catch (err) {
      if (scope.disposed) return false;
      throw err;
    }
    return !scope.disposed;
  }

  /** Takes ownership of a per-backend resource: disposed with the scope, or when the element leaves the page. */
  protected own<T extends Disposable>(scope: EngineScope, x: T): T {
    scope.own(x);
    this.onDisconnect(() => scope.release(x));
    return x;
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

/** What the message line says after the engine moved to `scope` from `before`. */
function engineNote(before: Engine['backend'], scope: EngineScope): Msg {
  const now = scope.engine;
  if (before !== now.backend) {
    const reason = chain(now.steps ?? []) ?? now.fallbackReason;
    return reason ? msg('widget.engineMovedWhy', { from: backendName(before), to: backendName(now.backend), reason })
      : msg('widget.engineMoved', { from: backendName(before), to: backendName(now.backend) });
  }
  // Our kernels' failures are technical detail (a WGSL validation error), shown as they are in every language.
  const failures = scope.kernels.filter((k) => !k.ok).map((k) => `${k.name}: ${k.reason}.`).join(' ');
  return failures ? msg('widget.engineRestartedKernels', { backend: backendName(before), failures }) : msg('widget.engineRestarted', { backend: backendName(before) });
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
