/**
 * The badge's WebGPU probe, asked in a worker (src/lib/engine/probe-worker.ts) so the page's main thread does not
 * pay for the browser setting up WebGPU: 10–16 ms of one task here, over 50 ms on a phone, on every page. Where
 * no worker can start (a page on another site: a worker's script must be same-origin; a CSP without 'self' for
 * workers; offline without the file) or it does not answer in time, it asks on the main thread as before.
 */
import { probeFromReply, probeWebGPU, type Probe, type ProbeReply } from '@lib/engine/adapter.ts';

/** The worker's file, built beside the widget bundle's entry (scripts/widgets/bundle.ts). */
export const PROBE_WORKER = 'probe-worker.js';
const PATIENCE_MS = 10_000;

/** Where the worker's file is: beside the entry, one folder up from a chunk. */
export function probeWorkerUrl(moduleUrl: string): URL {
  return new URL(/\/chunks\/[^/]*$/.test(new URL(moduleUrl).pathname) ? `../${PROBE_WORKER}` : PROBE_WORKER, moduleUrl);
}

/** The page's one probe: every badge on the page shares its answer (see probeAside). */
let asked: Promise<Probe> | null = null;

/**
 * Whether this page has WebGPU and which adapter, asked once per page however many badges show it: a chapter has a
 * badge per widget, and each asking for itself set WebGPU up in a worker of its own (five workers and five adapter
 * requests in the first 0.7 s of Chapter 1, on the CPU that was laying the page out).
 */
export function probeAside(): Promise<Probe> {
  return (asked ??= askInWorker());
}

function askInWorker(): Promise<Probe> {
  return new Promise((resolve) => {
    let worker: Worker | null = null;
    let done = false;
    const finish = (probe: Probe | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker?.terminate();
      if (probe) resolve(probe);
      else void probeWebGPU().then(resolve);
    };
    const timer = setTimeout(() => finish(null), PATIENCE_MS);
    try {
      worker = new Worker(probeWorkerUrl(import.meta.url));
    } catch {
      finish(null);
      return;
    }
    worker.onmessage = (e: MessageEvent<ProbeReply>) => finish(probeFromReply(e.data));
    worker.onerror = (e) => {
      e.preventDefault();
      finish(null);
    };
    worker.onmessageerror = () => finish(null);
    worker.postMessage(null);
  });
}
