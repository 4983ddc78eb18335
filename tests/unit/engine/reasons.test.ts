/**
 * The engine's reasons are catalogue messages; in English they must read exactly as the sentences the engine wrote
 * before (bug reports, `fm-result`'s `fallbackReason` and the browser tests match them). Each row: the message as
 * the engine builds it, and the English sentence the old string template produced for the same input.
 */
import { describe, expect, it } from 'vitest';
import { backendName } from '../../../src/lib/engine/engine.ts';
import { chain, msg, say } from '../../../src/lib/i18n/t.ts';

const noAdapter = msg('engine.why.noAdapter');
const lost = msg('engine.why.deviceLost', { detail: 'destroyed: Device was destroyed.' });

describe('engine reasons in English', () => {
  it.each([
    [msg('engine.why.noNavigatorGpu'), 'this browser does not offer WebGPU (navigator.gpu is missing — it may be switched off, or the page is not served over HTTPS)'],
    [msg('engine.why.adapterRequestFailed', { error: 'boom' }), "the browser's WebGPU adapter request failed (boom)"],
    [msg('engine.step.requested', { backend: 'cpu' }), 'the page asked for cpu (?backend=cpu)'],
    [msg('engine.step.notUsed', { backend: backendName('webgpu'), why: noAdapter }), 'WebGPU was not used: the browser offers WebGPU but found no usable GPU adapter (blocked, unsupported or disabled GPU)'],
    [msg('engine.why.setBackendFailed', { backend: backendName('webgl') }), 'TensorFlow.js could not start its WebGL backend'],
    [msg('engine.why.setBackendThrew', { backend: backendName('cpu'), error: 'x' }), 'TensorFlow.js could not start its CPU backend (x)'],
    [msg('engine.why.smokeFailed', { why: msg('engine.why.smokeWrong', { got: '37, 47, 0, 77', expected: '37, 47, 67, 77' }) }), 'the smoke check failed: it computed [37, 47, 0, 77] instead of [37, 47, 67, 77]'],
    [msg('engine.step.stopped', { backend: 'webgpu', why: lost }), 'webgpu stopped working: the GPU device was lost (destroyed: Device was destroyed.)'],
  ])('%# %j', (m, english) => {
    expect(say('en', m)).toBe(english);
  });

  it('joins the steps as the fallback reason and the no-backend error did', () => {
    const steps = [msg('engine.step.requested', { backend: 'webgl' }), msg('engine.step.notUsed', { backend: backendName('webgl'), why: msg('engine.why.smokeFailed', { why: msg('engine.why.smokeThrew', { error: 'e' }) }) })];
    expect(say('en', chain(steps)!)).toBe('the page asked for webgl (?backend=webgl); then WebGL was not used: the smoke check failed: it failed while computing (e)');
    expect(say('en', msg('engine.noBackend', { steps: chain(steps, 'engine.steps.and')! }))).toBe(
      'No backend could run: the page asked for webgl (?backend=webgl); WebGL was not used: the smoke check failed: it failed while computing (e)',
    );
  });
});
