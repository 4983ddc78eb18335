/**
 * A dedicated worker that asks for a WebGPU adapter off the page's main thread and posts what it found, then
 * closes. The first request a page makes sets up the browser's WebGPU connection synchronously: 10–16 ms of the
 * main thread here, over 50 ms on a phone, on every page with a device badge. The badge starts it
 * (components/device-badge/probe-aside.ts); it is built as its own file beside the widget bundle's entry.
 * No imports at run time: the worker is one small classic script. (Code shared with the page's modules would be
 * split by the bundler into a chunk the worker imports, making it a module worker; so adapterInfo below repeats the
 * few lines of adapter.ts's describeAdapter that read the adapter; engine.spec's badge test checks what it reads.)
 */
import type { ProbeReply, RawAdapterInfo } from './adapter.ts';

self.onmessage = async () => {
  let reply: ProbeReply;
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) reply = { kind: 'no-gpu' };
  else {
    try {
      // The request tfjs-backend-webgpu makes (adapter.ts says why).
      const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
      reply = adapter ? { kind: 'adapter', info: adapterInfo(adapter) } : { kind: 'none' };
    } catch (err) {
      reply = { kind: 'threw', error: `${(err as Error).message}` };
    }
  }
  self.postMessage(reply);
  self.close();
};

function adapterInfo(adapter: GPUAdapter): RawAdapterInfo {
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    description: info?.description ?? '',
    isFallbackAdapter: Boolean((info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter),
  };
}
