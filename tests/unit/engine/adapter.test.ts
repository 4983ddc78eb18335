import { describe, expect, it } from 'vitest';
import { describeAdapter, probeWebGPU } from '../../../src/lib/engine/adapter.ts';
import { describeEngine } from '../../../src/lib/engine/describe.ts';
import { msg, say } from '../../../src/lib/i18n/t.ts';

describe('probeWebGPU', () => {
  it('explains that navigator.gpu is missing (Node has no WebGPU)', async () => {
    const probe = await probeWebGPU();
    expect('reason' in probe && say('en', probe.reason)).toContain('navigator.gpu is missing');
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
  // The steps as chooseEngine records them when WebGPU has no adapter and the page asked for nothing.
  const steps = [msg('engine.step.notUsed', { backend: msg('engine.backend.webgpu'), why: msg('engine.why.noAdapter') })];
  const fallbackReason = 'WebGPU was not used: the browser offers WebGPU but found no usable GPU adapter (blocked, unsupported or disabled GPU)';
  it('says the same English from the steps as from the English reason', () => {
    expect(describeEngine({ backend: 'webgl', steps, fallbackReason })).toEqual(describeEngine({ backend: 'webgl', fallbackReason }));
  });
  it("says the engine and the reason in the reader's language", () => {
    const d = describeEngine({ backend: 'webgl', steps, fallbackReason }, 'zh-CN');
    expect(d.short).toBe('WebGL');
    expect(d.long).toBe('计算后端：WebGL（通过WebGL调用你的显卡）。改用WebGL的原因：WebGPU不可用：浏览器支持WebGPU，但找不到可用的GPU适配器（GPU被屏蔽、不受支持或已停用）。');
    const soft = describeEngine({ backend: 'webgpu', adapter: { vendor: 'google', architecture: 'swiftshader', description: '', isSoftware: true } }, 'zh-CN');
    expect(soft).toEqual({ short: 'WebGPU·软件适配器', long: '计算后端：WebGPU（google / swiftshader——软件适配器，比真正的GPU慢）。' });
  });
});
