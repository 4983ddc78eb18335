import { label } from './engine.ts';
import type { Engine } from './types.ts';

/** What the device badge says: a short label, and a sentence for its tooltip and screen readers. */
export function describeEngine(engine: Pick<Engine, 'backend' | 'adapter' | 'fallbackReason'>): { short: string; long: string } {
  const name = label(engine.backend);
  const where = engine.adapter
    ? `${engine.adapter.vendor} / ${engine.adapter.architecture}${engine.adapter.isSoftware ? ' — software adapter, slower than a real GPU' : ''}`
    : engine.backend === 'cpu' ? 'JavaScript on the CPU' : 'your graphics card through WebGL';
  const short = engine.adapter?.isSoftware ? `${name} · software adapter` : name;
  const long = engine.fallbackReason
    ? `Computing with ${name} (${where}). Not on WebGPU because ${engine.fallbackReason}.`
    : `Computing with ${name} (${where}).`;
  return { short, long };
}
