import { describe, expect, it } from 'vitest';
import { describeAdapter, probeFromReply, probeWebGPU } from '../../../src/lib/engine/adapter.ts';
import { probeWorkerUrl } from '../../../components/device-badge/probe-aside.ts';
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

describe('probeFromReply (the badge\'s worker probe)', () => {
  it('answers as the main-thread probe would, for each reply', () => {
    const swiftshader = { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: true };
    expect(probeFromReply({ kind: 'adapter', info: swiftshader })).toEqual({ adapter: { vendor: 'google', architecture: 'swiftshader', description: '', isSoftware: true } });
    expect(probeFromReply({ kind: 'adapter', info: { vendor: '', architecture: '', description: 'NVIDIA H100', isFallbackAdapter: false } }))
      .toEqual({ adapter: { vendor: 'unknown vendor', architecture: 'unknown architecture', description: 'NVIDIA H100', isSoftware: false } });
    const reason = (r: ReturnType<typeof probeFromReply>) => ('reason' in r ? say('en', r.reason) : '');
    expect(reason(probeFromReply({ kind: 'none' }))).toContain('found no usable GPU adapter');
    expect(reason(probeFromReply({ kind: 'no-gpu' }))).toContain('navigator.gpu is missing');
    expect(reason(probeFromReply({ kind: 'threw', error: 'blocked by policy' }))).toContain('blocked by policy');
  });
  it('finds the worker beside the bundle\'s entry, from a chunk or the entry, under any base path', () => {
    expect(probeWorkerUrl('https://book.example/widgets/v1/chunks/device-badge.element-AB12.js').href).toBe('https://book.example/widgets/v1/probe-worker.js');
    expect(probeWorkerUrl('http://127.0.0.1:4321/book/widgets/v1/feature-maps.js').href).toBe('http://127.0.0.1:4321/book/widgets/v1/probe-worker.js');
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
