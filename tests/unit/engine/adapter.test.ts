import { describe, expect, it } from 'vitest';
import { describeAdapter, probeWebGPU } from '../../../src/lib/engine/adapter.ts';
import { describeEngine } from '../../../src/lib/engine/describe.ts';

describe('probeWebGPU', () => {
  it('explains that navigator.gpu is missing (Node has no WebGPU)', async () => {
    const probe = await probeWebGPU();
    expect('reason' in probe && probe.reason).toContain('navigator.gpu is missing');
  });
});

describe('describeAdapter', () => {
  const adapter = (info: Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean }) => ({ info }) as unknown as GPUAdapter;
  it.each([
    [{ vendor: 'google', architecture: 'swiftshader', description: '' }, true],
    [{ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100' }, false],
    [{ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15)' }, true],
    [{ vendor: 'intel', architecture: 'gen-12lp', description: '', isFallbackAdapter: true }, true],
  ])('%o → software %s', (info, software) => {
    expect(describeAdapter(adapter(info)).isSoftware).toBe(software);
  });
  it('names unknown fields instead of printing blanks', () => {
    expect(describeAdapter(adapter({}))).toMatchObject({ vendor: 'unknown vendor', architecture: 'unknown architecture' });
  });
});

describe('describeEngine', () => {
  it('says WebGPU and software adapter for SwiftShader', () => {
    const d = describeEngine({ backend: 'webgpu', adapter: { vendor: 'google', architecture: 'swiftshader', description: '', isSoftware: true } });
    expect(d.short).toBe('WebGPU · software adapter');
    expect(d.long).toContain('software adapter');
    expect(d.long).not.toContain('Not on WebGPU');
  });
  it('gives the fallback reason in words', () => {
    const d = describeEngine({ backend: 'webgl', fallbackReason: 'WebGPU was not used: no adapter' });
    expect(d.short).toBe('WebGL');
    expect(d.long).toBe('Computing with WebGL (your graphics card through WebGL). Not on WebGPU because WebGPU was not used: no adapter.');
  });
});
