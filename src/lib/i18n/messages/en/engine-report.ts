/** `<fm-engine-report>`'s words (components/engine-report/, the /device/ page). The engine's own steps are `engine.*`. */
export default {
  'engineReport.checking': 'Checking this browser…',
  'engineReport.backend': 'Backend',
  'engineReport.adapter': 'Adapter',
  'engineReport.startup': 'Start-up',
  'engineReport.howChosen': 'How the engine chose',
  'engineReport.kernelsHeading': "The book's GPU kernels",
  'engineReport.notStarted': 'Not started yet.',
  'engineReport.notChecked': 'Not checked yet.',
  'engineReport.softwareAdapter': '{adapter} — software adapter',
  'engineReport.noAdapter': 'none (not WebGPU)',
  'engineReport.startupMs': '{ms} ms to load TensorFlow.js, choose and check the backend',
  'engineReport.webgpuStarted': 'WebGPU started and passed the smoke check.',
  'engineReport.kernelInUse': '{name}: checked against the float64 reference, in use',
  'engineReport.kernelNotUsed': '{name}: {reason}',
  'engineReport.noKernels': "None on {backend}: tfjs's own kernels compute everything.",
  'engineReport.failed': 'The engine could not start: {error}',
} as const;
