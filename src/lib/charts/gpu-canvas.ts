/**
 * Puts an image that lies on tfjs's WebGPU backend onto a canvas without reading it back: one buffer-to-texture
 * copy into the canvas's current texture. (tfjs 4.22's own `tf.browser.draw` writes the canvas texture as a
 * storage texture in bgra8unorm where the device offers that; on SwiftShader that lost the device, so we copy.)
 * The image is int32 [h, paddedWidth] of packed RGBA bytes (tf-paint.ts `packedColours`).
 * Not on every WebGPU: headless Chromium on SwiftShader with GL compositing (our test machines) loses the whole
 * WebGPU instance — every device, tfjs's included — as soon as a canvas context is configured, so a software adapter
 * draws from the numbers unless the page says `?gpu-canvas=on` (a browser started with Vulkan compositing).
 */
import type { Tf } from '../engine/types.ts';
import type * as TfCore from '@tensorflow/tfjs-core';
import type { AdapterInfo, BackendName } from '../engine/types.ts';

/** Whether outputs are drawn from the GPU here: WebGPU on a hardware adapter, or as `?gpu-canvas=on|off` says (anything else there is ignored). */
export function gpuCanvas(backend: BackendName, adapter: AdapterInfo | undefined, search: string): boolean {
  if (backend !== 'webgpu') return false;
  const asked = new URLSearchParams(search).get('gpu-canvas');
  if (asked === 'on' || asked === 'off') return asked === 'on';
  return adapter !== undefined && !adapter.isSoftware;
}

/** The device each canvas's context was configured for (a canvas keeps its context; a new device reconfigures it). */
const configured = new WeakMap<HTMLCanvasElement, GPUDevice>();

export function drawPacked(tf: Tf, packed: TfCore.Tensor2D, width: number, canvas: HTMLCanvasElement): void {
  const device = (tf.backend() as unknown as { device: GPUDevice }).device;
  const [height, padded] = packed.shape;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('webgpu');
  if (!ctx) throw new Error('this canvas has no WebGPU context');
  if (configured.get(canvas) !== device) {
    // rgba8unorm: the byte order the packing writes; opaque: the alpha byte is ignored for display.
    ctx.configure({ device, format: 'rgba8unorm', usage: GPUTextureUsage.COPY_DST | GPUTextureUsage.RENDER_ATTACHMENT, alphaMode: 'opaque' });
    configured.set(canvas, device);
  }
  // dataToGPU submits tfjs's pending work and hands over a copy of the buffer: our copy is queued after it.
  const { buffer, tensorRef } = packed.dataToGPU();
  try {
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToTexture({ buffer: buffer!, bytesPerRow: padded * 4 }, { texture: ctx.getCurrentTexture() }, { width, height });
    device.queue.submit([encoder.finish()]);
  } finally {
    tensorRef.dispose();
  }
}
