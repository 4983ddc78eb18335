/**
 * Our WGSL is built from strings, so a mistake shows only when the GPU compiles it — and WebGPU reports that
 * asynchronously, leaving the dispatch to write zeros or garbage. Every first compile of one of our programs on a
 * device therefore runs inside `device.pushErrorScope('validation')`; a failure becomes a `WgslValidationError`
 * naming the program, remembered per device (so that device's scopes keep tfjs's kernels) and reported to
 * listeners (setup.ts renews the scope: widgets recompute with tfjs's kernels, never showing the zeros).
 */
export class WgslValidationError extends Error {
  override name = 'WgslValidationError';
}

/** A kernel called outside what its WGSL supports (e.g. channels not a multiple of 4). */
export class KernelPreconditionError extends Error {
  override name = 'KernelPreconditionError';
}

export function precondition(ok: boolean, kernel: string, what: string): void {
  if (!ok) throw new KernelPreconditionError(`${kernel}: ${what}`);
}

type DeviceLike = Pick<GPUDevice, 'pushErrorScope' | 'popErrorScope'>;
const compiled = new WeakMap<object, Set<string>>();
const failures = new WeakMap<object, WgslValidationError[]>();
const pending = new Set<Promise<void>>();
const listeners = new Set<(e: WgslValidationError) => void>();

/** Runs `dispatch` (which may compile `key`), inside a validation error scope the first time on this device. */
export function checkedFirstCompile<T>(device: DeviceLike | undefined, key: string, dispatch: () => T): T {
  if (!device) return dispatch();
  let keys = compiled.get(device);
  if (!keys) compiled.set(device, (keys = new Set()));
  if (keys.has(key)) return dispatch();
  keys.add(key);
  device.pushErrorScope('validation');
  try {
    return dispatch();
  } finally {
    const p = device.popErrorScope().then((err) => {
      if (!err) return;
      const e = new WgslValidationError(`the WGSL program ${key} failed GPU validation: ${err.message.split('\n')[0]}`);
      failures.set(device, [...(failures.get(device) ?? []), e]);
      for (const l of listeners) l(e);
    }, () => undefined); // a lost device rejects the pop: the engine's device-loss path handles that
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }
}

/** Waits until the validation checks of every compile so far have reported. */
export async function compilesChecked(): Promise<void> {
  await Promise.all([...pending]);
}

export function compileFailures(device: object): readonly WgslValidationError[] {
  return failures.get(device) ?? [];
}

export function onCompileFailure(listener: (e: WgslValidationError) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Test hook only (engine/test-hooks.ts): programs whose key starts with one of these get invalid WGSL. */
export const brokenPrograms = new Set<string>();
