import { describe, expect, it } from 'vitest';
import {
  hostMessage, parseHostMessage, parseWidgetMessage, plainData, readState, unknownAttributes, widgetMessage,
} from '../../../src/lib/embed/protocol.ts';
import { embedPath, embedScriptPath, legacyEmbedPath, widgetsScriptPath } from '../../../src/lib/embed/paths.ts';

describe('parseHostMessage', () => {
  it.each([
    ['getState', { source: 'feature-maps', v: 1, type: 'getState' }],
    ['run with a requestId', { source: 'feature-maps', v: 1, type: 'run', requestId: 'r-1' }],
    ['setState', { source: 'feature-maps', v: 1, type: 'setState', state: { kernel: 'sobel-y' } }],
  ])('accepts %s', (_, msg) => {
    expect(parseHostMessage(msg)).toEqual(msg);
  });
  it.each([
    ['another source', { source: 'other', v: 1, type: 'getState' }],
    ['another version', { source: 'feature-maps', v: 2, type: 'getState' }],
    ['a version as text', { source: 'feature-maps', v: '1', type: 'getState' }],
    ['a widget-side type', { source: 'feature-maps', v: 1, type: 'resize', height: 10 }],
    ['an unknown type', { source: 'feature-maps', v: 1, type: 'eval' }],
    ['a requestId with markup', { source: 'feature-maps', v: 1, type: 'run', requestId: '<b>' }],
    ['a string', 'feature-maps'],
    ['null', null],
    ['an array', [1]],
  ])('ignores %s', (_, msg) => {
    expect(parseHostMessage(msg)).toBeNull();
  });
  it('keeps only the contract’s fields', () => {
    expect(parseHostMessage({ source: 'feature-maps', v: 1, type: 'getState', extra: '<img>' })).toEqual(hostMessage('getState'));
  });
});

describe('parseWidgetMessage', () => {
  it.each([
    widgetMessage('ready', 'a', 'conv-playground', { state: { kernel: 'sobel-x' } }),
    widgetMessage('resize', 'a', 'conv-playground', { height: 412 }),
    widgetMessage('result', 'a', 'conv-playground', { detail: { backend: 'webgpu', ms: 3 } }),
    widgetMessage('error', 'a', 'conv-playground', { message: 'no', requestId: 'q1' }),
    widgetMessage('state', 'a', 'conv-playground', { state: {} }),
  ])('accepts $type', (msg) => {
    expect(parseWidgetMessage(msg)).toEqual(msg);
  });
  it.each([
    ['the old unversioned message', { type: 'fm-embed-height', widget: 'x', height: 10 }],
    ['another version', { source: 'feature-maps', v: 2, type: 'resize', id: 'a', widget: 'x', height: 10 }],
    ['a height as text', { source: 'feature-maps', v: 1, type: 'resize', id: 'a', widget: 'x', height: '10' }],
    ['a negative height', { source: 'feature-maps', v: 1, type: 'resize', id: 'a', widget: 'x', height: -1 }],
    ['no id', { source: 'feature-maps', v: 1, type: 'resize', widget: 'x', height: 10 }],
    ['an id with spaces', { source: 'feature-maps', v: 1, type: 'resize', id: 'a b', widget: 'x', height: 10 }],
    ['a host-side type', { source: 'feature-maps', v: 1, type: 'getState', id: 'a', widget: 'x' }],
    ['state not an object', { source: 'feature-maps', v: 1, type: 'state', id: 'a', widget: 'x', state: 'k=1' }],
    ['an error without message', { source: 'feature-maps', v: 1, type: 'error', id: 'a', widget: 'x' }],
  ])('ignores %s', (_, msg) => {
    expect(parseWidgetMessage(msg)).toBeNull();
  });
});

describe('readState', () => {
  it('reads text and numbers as attribute text', () => {
    expect(readState({ kernel: 'sobel-y', stride: 2 })).toEqual({ kernel: 'sobel-y', stride: '2' });
  });
  it.each([
    ['not an object', 'kernel=sobel-y', /needs `state`/],
    ['an array', ['sobel-y'], /needs `state`/],
    ['a nested object', { kernel: { rows: 1 } }, /"kernel" must be text/],
    ['a non-finite number', { stride: Infinity }, /"stride" must be text/],
    ['a very long value', { kernel: 'x'.repeat(501) }, /at most 500/],
  ])('refuses %s with a reason', (_, state, reason) => {
    expect(readState(state)).toMatch(reason);
  });
});

describe('unknownAttributes', () => {
  it('names the unknown attributes and lists the accepted ones', () => {
    expect(unknownAttributes('conv-playground', ['kernel', 'stride'], { kernel: 'a', onload: 'b' }))
      .toBe('conv-playground has no attribute "onload"; it accepts kernel, stride.');
  });
  it('is null when every name is the widget’s', () => {
    expect(unknownAttributes('conv-playground', ['kernel'], { kernel: 'a' })).toBeNull();
  });
});

describe('plainData', () => {
  it('copies plain values, arrays and typed arrays', () => {
    const f = new Float32Array([1, 2]);
    const got = plainData({ backend: 'webgpu', ms: 1.5, ok: true, none: null, list: [1, 'a'], values: f }) as { values: Float32Array };
    expect(got).toEqual({ backend: 'webgpu', ms: 1.5, ok: true, none: null, list: [1, 'a'], values: new Float32Array([1, 2]) });
    expect(got.values).not.toBe(f);
    expect(() => structuredClone(got)).not.toThrow();
  });
  it('leaves out what postMessage cannot clone', () => {
    class Tensor { dispose() {} }
    const got = plainData({ fn: () => 1, t: new Tensor(), list: [() => 1], ms: 2 });
    expect(got).toEqual({ list: [null], ms: 2 });
    expect(() => structuredClone(got)).not.toThrow();
  });
  it('stops at a bounded depth', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 20; i++) at = (at.next = {}) as Record<string, unknown>;
    expect(JSON.stringify(plainData(deep)).match(/next/g)!.length).toBeLessThan(10);
  });
});

describe('paths', () => {
  it('puts the version in every path and honours the base', () => {
    expect(embedPath('conv-playground')).toBe('/embed/v1/conv-playground/');
    expect(embedPath('conv-playground', '/book')).toBe('/book/embed/v1/conv-playground/');
    expect(legacyEmbedPath('conv-playground', '/book/')).toBe('/book/embed/conv-playground/');
    expect(embedScriptPath('/book/')).toBe('/book/embed/v1/embed.js');
    expect(widgetsScriptPath()).toBe('/widgets/v1/feature-maps.js');
  });
});
