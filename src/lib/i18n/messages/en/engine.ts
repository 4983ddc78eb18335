/**
 * The engine's words: backend names, each step of the backend choice (src/lib/engine/engine.ts, adapter.ts,
 * smoke.ts) and the description the device badge and the /device/ report show. `log`, `fallbackReason` and error
 * messages are these messages rendered in English, so bug reports and `fm-result` details read the same everywhere.
 * A `{why}` or `{reason}` is itself a message (a whole clause), rendered in the same language.
 */
export default {
  'engine.backend.webgpu': 'WebGPU',
  'engine.backend.webgl': 'WebGL',
  'engine.backend.cpu': 'CPU',

  'engine.step.requested': 'the page asked for {backend} (?backend={backend})',
  'engine.step.notUsed': '{backend} was not used: {why}',
  'engine.step.stopped': '{backend} stopped working: {why}',
  'engine.steps.then': '{before}; then {after}',
  'engine.steps.and': '{before}; {after}',
  'engine.noBackend': 'No backend could run: {steps}',

  'engine.why.noNavigatorGpu': 'this browser does not offer WebGPU (navigator.gpu is missing — it may be switched off, or the page is not served over HTTPS)',
  'engine.why.adapterRequestFailed': "the browser's WebGPU adapter request failed ({error})",
  'engine.why.noAdapter': 'the browser offers WebGPU but found no usable GPU adapter (blocked, unsupported or disabled GPU)',
  'engine.why.setBackendFailed': 'TensorFlow.js could not start its {backend} backend',
  'engine.why.setBackendThrew': 'TensorFlow.js could not start its {backend} backend ({error})',
  'engine.why.smokeFailed': 'the smoke check failed: {why}',
  'engine.why.smokeWrong': 'it computed [{got}] instead of [{expected}]',
  'engine.why.smokeThrew': 'it failed while computing ({error})',
  'engine.why.deviceLost': 'the GPU device was lost ({detail})',

  'engine.where.adapter': '{vendor} / {architecture}',
  'engine.where.softwareAdapter': '{vendor} / {architecture} — software adapter, slower than a real GPU',
  'engine.where.cpu': 'JavaScript on the CPU',
  'engine.where.webgl': 'your graphics card through WebGL',
  'engine.short.software': '{backend} · software adapter',
  'engine.long': 'Computing with {backend} ({where}).',
  'engine.longFallback': 'Computing with {backend} ({where}). Not on WebGPU because {reason}.',
} as const;
