/**
 * Fault injection for the browser tests (tests/e2e/device-loss.spec.ts), installed only when the page's URL has
 * `?fm-test-hooks` (never in normal use — nothing links to it, and it changes nothing until called):
 *   window.__fmEngineTest.loseDevice()      destroys the WebGPU device, as a driver reset would;
 *   window.__fmEngineTest.breakWgsl(prefix)  makes our WGSL programs whose key starts with `prefix` ('conv',
 *                                            'matmul', 'colsum', 'im2col'…) invalid, and renews the scope so the
 *                                            kernel check meets them; resolves with the new scope's checks.
 */
import { getEngine } from './engine.ts';
import { renewScope, type KernelCheck } from './scope.ts';

export interface EngineTestHooks {
  loseDevice(): Promise<void>;
  breakWgsl(prefix: string): Promise<KernelCheck[]>;
}

declare global {
  interface Window { __fmEngineTest?: EngineTestHooks }
}

export function installTestHooks(): void {
  if (typeof window === 'undefined' || window.__fmEngineTest || !new URLSearchParams(location.search).has('fm-test-hooks')) return;
  window.__fmEngineTest = {
    async loseDevice() {
      const { tf, backend } = await getEngine();
      if (backend !== 'webgpu') throw new Error(`no GPU device to lose: the engine runs on ${backend}`);
      (tf.backend() as unknown as { device: GPUDevice }).device.destroy();
    },
    async breakWgsl(prefix: string) {
      const { brokenPrograms } = await import('../train/gpu/validation.ts');
      brokenPrograms.add(prefix);
      return (await renewScope()).kernels;
    },
  };
}
