/**
 * An `EngineScope` lives as long as one backend instance. It owns what widgets made on that backend — models,
 * uploaded tensors — and the check of our custom kernels there. When the backend changes (the GPU device is lost,
 * a forced switch) the old scope is disposed with everything it owns and a new one starts, so nothing made on a
 * dead device is ever used again (tfjs would otherwise move such tensors lazily, reading a destroyed device).
 * Widgets (EngineElement) re-acquire their resources from the new scope and recompute.
 */
import { getEngine, onEngineChange } from './engine.ts';
import type { Engine } from './types.ts';

export interface Disposable { dispose(): void }
/** The outcome of one custom kernel's check at scope start: used, or replaced by tfjs's own kernel and why. */
export interface KernelCheck { name: string; ok: boolean; reason?: string }
/** Runs at the start of every scope (e.g. registering and smoke-testing custom kernels); may add KernelChecks. */
export type ScopeSetup = (scope: EngineScope) => Promise<void>;

/** Thrown when a resource is asked of a scope that has been disposed (its backend is gone). */
export class ScopeDisposedError extends Error {
  override name = 'ScopeDisposedError';
}

let nextId = 1;

export class EngineScope {
  readonly id = nextId++;
  readonly engine: Engine;
  readonly kernels: KernelCheck[] = [];
  private owned = new Set<Disposable>();
  private memos = new Map<string, Promise<unknown>>();
  private done = false;

  constructor(engine: Engine) {
    this.engine = engine;
  }

  get disposed(): boolean {
    return this.done;
  }

  /** Takes ownership: `x` is disposed with the scope (or now, if the scope is already gone). */
  own<T extends Disposable>(x: T): T {
    if (this.done) {
      safeDispose(x);
      throw new ScopeDisposedError(`the ${this.engine.backend} engine this was made for has stopped`);
    }
    this.owned.add(x);
    return x;
  }

  /** Disposes `x` now if this scope owns it (a widget dropping a model early, or leaving the page). */
  release(x: Disposable): void {
    if (this.owned.delete(x)) safeDispose(x);
  }

  /** One resource per key for this scope's life (a model loaded once per backend); a failure is not kept. */
  memo<T extends Disposable>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.memos.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make().then((x) => this.own(x));
      this.memos.set(key, p);
      p.catch(() => this.memos.get(key) === p && this.memos.delete(key));
    }
    return p;
  }

  /** Disposes every resource owned; idempotent. Disposal errors (a destroyed device) are swallowed. */
  dispose(): void {
    if (this.done) return;
    this.done = true;
    this.memos.clear();
    for (const x of this.owned) safeDispose(x);
    this.owned.clear();
  }
}

function safeDispose(x: Disposable): void {
  try {
    x.dispose();
  } catch {
    // Already disposed by its user, or its backend is gone: either way it holds nothing any more.
  }
}

const setups: ScopeSetup[] = [];
const events = new EventTarget();
let current: Promise<EngineScope> | null = null;

/** Adds a step every scope runs at its start (and runs it on the current scope too, if there is one). */
export function addScopeSetup(setup: ScopeSetup): void {
  setups.push(setup);
}

/** A new scope on `engine`, with every setup run (a setup's failure is recorded, never fatal). */
export async function startScope(engine: Engine): Promise<EngineScope> {
  const scope = new EngineScope(engine);
  const all = [...setups];
  // Our WGSL kernels exist only for WebGPU; the module is loaded only when that backend runs.
  if (engine.backend === 'webgpu') all.push((await import('../train/gpu/setup.ts')).setupGpuKernels);
  for (const setup of all) {
    try {
      await setup(scope);
    } catch (err) {
      scope.kernels.push({ name: 'setup', ok: false, reason: (err as Error).message });
    }
  }
  return scope;
}

/** The scope of the current engine (starting the engine if needed). */
export function getScope(): Promise<EngineScope> {
  current ??= getEngine().then(startScope);
  return current;
}

/** The current scope if one was started, without starting anything. */
export function peekScope(): Promise<EngineScope> | null {
  return current;
}

/**
 * Disposes the current scope and starts a new one on `engine` (default: the current one), telling listeners.
 * Called on every engine change, and by the test hooks to re-run the kernel checks.
 */
export async function renewScope(engine?: Engine): Promise<EngineScope> {
  const old = current;
  const next = (engine ? Promise.resolve(engine) : getEngine()).then(async (e) => {
    (await old?.catch(() => null))?.dispose();
    return startScope(e);
  });
  current = next;
  const scope = await next;
  if (current === next) events.dispatchEvent(new CustomEvent('change', { detail: scope }));
  return scope;
}

/** Called with each new scope after the old one is disposed. Returns the unsubscribe function. */
export function onScopeChange(listener: (scope: EngineScope) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<EngineScope>).detail);
  events.addEventListener('change', handler);
  return () => events.removeEventListener('change', handler);
}

onEngineChange((engine) => void renewScope(engine));
