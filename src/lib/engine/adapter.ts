import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import type { AdapterInfo } from './types.ts';

/** Why WebGPU cannot be used before tfjs is even loaded, or the adapter's description. Loads nothing heavy. */
export async function probeWebGPU(): Promise<{ adapter: AdapterInfo } | { reason: Msg }> {
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

export function describeAdapter(adapter: GPUAdapter): AdapterInfo {
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const vendor = info?.vendor || 'unknown vendor';
  const architecture = info?.architecture || 'unknown architecture';
  const description = info?.description || '';
  const fallback = Boolean((info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter);
  const isSoftware = fallback || /swiftshader|llvmpipe|lavapipe|software/i.test(`${vendor} ${architecture} ${description}`);
  return { vendor, architecture, description, isSoftware };
}
