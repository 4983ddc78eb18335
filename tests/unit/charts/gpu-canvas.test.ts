import { describe, expect, it } from 'vitest';
import { gpuCanvas } from '../../../src/lib/charts/gpu-canvas.ts';

const hardware = { vendor: 'nvidia', architecture: 'hopper', description: '', isSoftware: false };
const software = { vendor: 'google', architecture: 'swiftshader', description: '', isSoftware: true };

describe('gpuCanvas', () => {
  it.each([
    ['webgpu on a hardware adapter', 'webgpu', hardware, '', true],
    ['webgpu on SwiftShader', 'webgpu', software, '', false],
    ['webgpu with no adapter information', 'webgpu', undefined, '', false],
    ['SwiftShader with ?gpu-canvas=on', 'webgpu', software, '?gpu-canvas=on', true],
    ['hardware with ?gpu-canvas=off', 'webgpu', hardware, '?x=1&gpu-canvas=off', false],
    ['an unknown value, ignored', 'webgpu', software, '?gpu-canvas=<b>yes</b>', false],
    ['webgl even when asked', 'webgl', hardware, '?gpu-canvas=on', false],
    ['cpu', 'cpu', undefined, '', false],
  ] as const)('%s', (_, backend, adapter, search, want) => expect(gpuCanvas(backend, adapter, search)).toBe(want));
});
