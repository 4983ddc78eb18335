export { getEngine, peekEngine, onEngineChange, onEngineReady, fallBack, requestedBackend, label, backendName } from './engine.ts';
export { describeEngine } from './describe.ts';
export { probeWebGPU, type Probe } from './adapter.ts';
export type { Engine, BackendName, AdapterInfo, Tf } from './types.ts';
