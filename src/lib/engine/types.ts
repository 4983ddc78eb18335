import type * as TfCore from '@tensorflow/tfjs-core';
import type { Msg } from '../i18n/types.ts';

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
  /** Why the engine is not on WebGPU, in English words for the reader; absent when it is (`steps` says it in any language). */
  fallbackReason?: string;
  /** Each step of the choice, in English, for the curious and for bug reports. */
  log: string[];
  /** The same steps as catalogue messages, to say in the reader's language (absent on engines made by hand in tests). */
  steps?: readonly Msg[];
}
