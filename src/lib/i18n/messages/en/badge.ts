/** `<fm-device-badge>` (components/device-badge/): its short label, and the sentence for its tooltip and screen readers. */
export default {
  'badge.checking': 'Compute: checking…',
  'badge.noScript': 'Compute: needs JavaScript',
  'badge.webgpuAvailable': 'WebGPU available',
  'badge.webgpuAvailableSoftware': 'WebGPU available · software adapter',
  'badge.webgpuAvailableLong': 'WebGPU is available ({vendor} / {architecture}). Widgets start it when you reach them.',
  'badge.webgpuAvailableSoftwareLong': 'WebGPU is available ({vendor} / {architecture}, a software adapter). Widgets start it when you reach them.',
  'badge.noWebgpu': 'No WebGPU · WebGL/CPU',
  'badge.noWebgpuLong': 'Widgets will use WebGL or the CPU: {reason}.',
  'badge.engine': 'Compute: {backend}',
} as const;
