import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import type { AdapterInfo } from './types.ts';

/** A probe's answer: the adapter's description, or why WebGPU cannot be used. */
export type Probe = { adapter: AdapterInfo } | { reason: Msg };

/** Why WebGPU cannot be used before tfjs is even loaded, or the adapter's description. Loads nothing heavy. */
export async function probeWebGPU(): Promise<Probe> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) {
    return { reason: msg('engine.why.noNavigatorGpu') };
  }
  let adapter: GPUAdapter | null = null;
  try {
    // The same request tfjs-backend-webgpu makes (its WEBGPU_USE_LOW_POWER_GPU flag is off by default), so the
    // badge names the adapter that really computes on a machine with two GPUs.
    adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (err) {
    return { reason: msg('engine.why.adapterRequestFailed', { error: `${(err as Error).message}` }) };
  }
  if (!adapter) return { reason: msg('engine.why.noAdapter') };
  return { adapter: describeAdapter(adapter) };
}

/** What a worker found (probe-worker.ts): an adapter's plain description, none, no WebGPU, or the request's error. */
export type RawAdapterInfo = { vendor: string; architecture: string; description: string; isFallbackAdapter: boolean };
export type ProbeReply = { kind: 'adapter'; info: RawAdapterInfo } | { kind: 'none' } | { kind: 'no-gpu' } | { kind: 'threw'; error: string };

/** A worker's reply as probeWebGPU() would have answered on the main thread. */
export function probeFromReply(reply: ProbeReply): Probe {
  switch (reply.kind) {
    case 'adapter': return { adapter: describeInfo(reply.info) };
    case 'none': return { reason: msg('engine.why.noAdapter') };
    case 'no-gpu': return { reason: msg('engine.why.noNavigatorGpu') };
    case 'threw': return { reason: msg('engine.why.adapterRequestFailed', { error: reply.error }) };
  }
}

export function describeAdapter(adapter: GPUAdapter): AdapterInfo {
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const fallback = Boolean((info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter);
  return describeInfo({ vendor: info?.vendor ?? '', architecture: info?.architecture ?? '', description: info?.description ?? '', isFallbackAdapter: fallback });
}

function describeInfo(raw: RawAdapterInfo): AdapterInfo {
  const vendor = raw.vendor || 'unknown vendor';
  const architecture = raw.architecture || 'unknown architecture';
  const description = raw.description || '';
  const isSoftware = raw.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe|software/i.test(`${vendor} ${architecture} ${description}`);
  return { vendor, architecture, description, isSoftware };
}
