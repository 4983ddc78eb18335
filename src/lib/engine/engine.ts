/**
 * The one module that owns TensorFlow.js. Nothing here imports tfjs statically: a page pays for it only
 * when a widget first asks for the engine. Choice: WebGPU → WebGL → CPU, with the reason for each step
 * down in plain words, a smoke check (which doubles as warm-up), and a fall back when the GPU device is lost.
 * Each reason is a catalogue message (`steps`), so the badge can say it in the reader's language; `log` and
 * `fallbackReason` are the same messages in English.
 */
import { ReaderError } from '../i18n/reader-error.ts';
import { chain, msg, say, t } from '../i18n/t.ts';
import type { Lang } from '../i18n/locales.ts';
import type { Msg } from '../i18n/types.ts';
import { probeWebGPU } from './adapter.ts';
import { smokeCheck } from './smoke.ts';
import { yieldToPage } from '../schedule/slices.ts';
import { BACKENDS, type AdapterInfo, type BackendName, type Engine, type Tf } from './types.ts';

export type { Engine, BackendName, AdapterInfo, Tf } from './types.ts';

let current: Promise<Engine> | null = null;
const changes = new EventTarget();

/** The shared engine; the first call loads tfjs and chooses a backend. */
export function getEngine(): Promise<Engine> {
  current ??= forgetOnFailure(announce(chooseEngine(requestedBackend(), []), 'ready'));
  return current;
}

/** A failed start is not cached: the next call (a widget's Retry) tries every backend again. */
function forgetOnFailure(engine: Promise<Engine>): Promise<Engine> {
  engine.catch(() => {
    if (current === engine) current = null;
  });
  return engine;
}

/** Called with the engine once it is chosen, and again after every change (for the device badge). */
export function onEngineReady(listener: (engine: Engine) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<Engine>).detail);
  changes.addEventListener('ready', handler);
  return () => changes.removeEventListener('ready', handler);
}

async function announce(engine: Promise<Engine>, ...types: string[]): Promise<Engine> {
  const e = await engine;
  for (const type of types) changes.dispatchEvent(new CustomEvent(type, { detail: e }));
  return e;
}

/** The engine if some widget has already started it, without starting it. */
export function peekEngine(): Promise<Engine> | null {
  return current;
}

/** Called with the new engine whenever the backend changes (device lost, or a forced switch). */
export function onEngineChange(listener: (engine: Engine) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<Engine>).detail);
  changes.addEventListener('change', handler);
  return () => changes.removeEventListener('change', handler);
}

/** Drops to the next backend, telling every listener; used when the GPU device is lost. */
export function fallBack(reason: Msg, from: BackendName): Promise<Engine> {
  const skip = BACKENDS.slice(0, BACKENDS.indexOf(from) + 1);
  const stopped = msg('engine.step.stopped', { backend: from, why: reason });
  const next = forgetOnFailure(announce(chooseEngine(null, [stopped], skip), 'ready', 'change'));
  current = next;
  return next;
}

/**
 * A page may ask for a backend with `?backend=webgl` (teachers comparing speeds, and our tests).
 * Anything else in that parameter is ignored, and the engine says so.
 */
export function requestedBackend(): BackendName | null {
  if (typeof location === 'undefined') return null;
  const raw = new URLSearchParams(location.search).get('backend');
  return raw && (BACKENDS as readonly string[]).includes(raw) ? (raw as BackendName) : null;
}

async function chooseEngine(requested: BackendName | null, steps: Msg[], skip: BackendName[] = []): Promise<Engine> {
  const tf: Tf = await import('@tensorflow/tfjs-core');
  // Evaluating tfjs-core (13–42 ms here) and asking for a WebGPU adapter (11–31 ms, on the main thread) had been
  // one task; on a phone 4× slower each is a long task already.
  await yieldToPage();
  const order = BACKENDS.filter((b) => !skip.includes(b) && (!requested || BACKENDS.indexOf(b) >= BACKENDS.indexOf(requested)));
  if (requested) steps.push(msg('engine.step.requested', { backend: requested }));
  for (const name of order) {
    const tried = await tryBackend(tf, name);
    if ('key' in tried) {
      steps.push(msg('engine.step.notUsed', { backend: backendName(name), why: tried }));
      continue;
    }
    const engine: Engine = { tf, backend: name, log: steps.map((s) => say('en', s)), steps, ...tried };
    const reason = chain(steps);
    if (reason) engine.fallbackReason = say('en', reason);
    if (name === 'webgpu') watchDevice(tf);
    return engine;
  }
  throw new ReaderError(msg('engine.noBackend', { steps: chain(steps, 'engine.steps.and') ?? '' }));
}

/** The reason the backend cannot be used, or what is known about it once it runs. */
async function tryBackend(tf: Tf, name: BackendName): Promise<Msg | { adapter?: AdapterInfo }> {
  let adapter: AdapterInfo | undefined;
  if (name === 'webgpu') {
    const probe = await probeWebGPU();
    if ('reason' in probe) return probe.reason;
    adapter = probe.adapter;
    await yieldToPage();
    await import('@tensorflow/tfjs-backend-webgpu');
  } else if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
  }
  await yieldToPage(); // the backend's module is evaluated in a task of its own; setting it up is the next
  try {
    // setBackend resolves false when the backend's factory fails (e.g. a null adapter) and throws on some setups.
    if (!(await tf.setBackend(name))) return msg('engine.why.setBackendFailed', { backend: backendName(name) });
  } catch (err) {
    return msg('engine.why.setBackendThrew', { backend: backendName(name), error: `${(err as Error).message}` });
  }
  await yieldToPage(); // setting a backend up is a long task of its own on a phone
  const smoke = await smokeCheck(tf);
  if (smoke !== null) return msg('engine.why.smokeFailed', { why: smoke });
  return adapter ? { adapter } : {};
}

type WebGPUBackendLike = { device: GPUDevice };

function watchDevice(tf: Tf) {
  const backend = tf.backend() as unknown as WebGPUBackendLike;
  void backend.device.lost.then((info) => {
    if (tf.getBackend() !== 'webgpu') return;
    // The lost reason ('destroyed', 'unknown') and the driver's message are technical detail, shown as they are.
    const detail = `${info.reason || 'unknown'}${info.message ? `: ${info.message}` : ''}`;
    void fallBack(msg('engine.why.deviceLost', { detail }), 'webgpu');
  });
}

/** A backend's name as the reader sees it ('WebGPU', 'WebGL', 'CPU'). */
export function label(name: BackendName, lang: Lang = 'en'): string {
  return t(lang, `engine.backend.${name}`);
}

/** The same, as a message to render later. */
export function backendName(name: BackendName): Msg {
  return msg(`engine.backend.${name}`);
}
