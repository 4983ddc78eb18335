import type * as TfCore from '@tensorflow/tfjs-core';

export type Tf = typeof TfCore;
export type BackendName = 'webgpu' | 'webgl' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
  /** A CPU implementation of WebGPU (SwiftShader, or any adapter flagged as a fallback adapter). */
  isSoftware: boolean;
}

export interface Engine {
  tf: Tf;
  backend: BackendName;
  adapter?: AdapterInfo;
  /** Why the engine is not on WebGPU, in words for the reader; absent when it is. */
  fallbackReason?: string;
  /** Each step of the choice, for the curious and for bug reports. */
  log: string[];
}
