import { describe, expect, it } from 'vitest';
import { AttributeSettings, bindControls } from '../../../src/lib/widget/attribute-settings.ts';
import { parseInteger, parseKeyword } from '../../../src/lib/params/index.ts';

interface S { size: number; mode: 'max' | 'avg' }
const DEFAULTS: S = { size: 2, mode: 'max' };
const PARSE = {
  size: (raw: string) => ({ size: parseInteger('size', raw, 1, 5) }),
  mode: (raw: string) => ({ mode: parseKeyword('mode', raw, ['max', 'avg'] as const) }),
};
const make = () => new AttributeSettings<S, keyof S>(DEFAULTS, PARSE);
const messageOf = (f: () => unknown) => { try { f(); } catch (e) { return (e as Error).message; } return ''; };

/** A stand-in for a shadow root: just what the helpers read (querySelectorAll, dataset, value, addEventListener). */
function fakeRoot(attrs: string[]) {
  const controls = attrs.map((attr) => {
    const listeners: (() => void)[] = [];
    return { dataset: { attr }, value: '', addEventListener: (_: string, f: () => void) => listeners.push(f), fire: () => listeners.forEach((f) => f()) };
  });
  return { controls, root: { querySelectorAll: () => controls } as unknown as ParentNode };
}

describe('AttributeSettings.apply', () => {
  it('parses a value into the settings and reports success', () => {
    const s = make();
    expect(s.apply('size', '4')).toBe(true);
    expect(s.values).toEqual({ size: 4, mode: 'max' });
    expect(s.message).toBe('');
  });

  it('keeps the last good value when a value is refused, with the parser\'s message', () => {
    const s = make();
    s.apply('size', '3');
    expect(s.apply('size', '9')).toBe(false);
    expect(s.values.size).toBe(3);
    expect(s.message).toBe(messageOf(() => PARSE.size('9')));
    expect(s.hasMessage('size')).toBe(true);
  });

  it('joins the messages of several refused attributes and clears each when it is set again', () => {
    const s = make();
    s.apply('size', 'x');
    s.apply('mode', 'median');
    expect(s.message).toBe(`${messageOf(() => PARSE.size('x'))} ${messageOf(() => PARSE.mode('median'))}`);
    s.apply('size', null);
    expect(s.message).toBe(messageOf(() => PARSE.mode('median')));
    s.apply('mode', 'avg');
    expect(s.message).toBe('');
    expect(s.values).toEqual({ size: 2, mode: 'avg' });
  });

  it('goes back to the default when the attribute is removed', () => {
    const s = make();
    s.apply('size', '5');
    s.apply('size', null);
    expect(s.values.size).toBe(DEFAULTS.size);
  });

  it('rethrows errors that are not ParamErrors (bugs are not reader messages)', () => {
    const s = new AttributeSettings<S, keyof S>(DEFAULTS, { ...PARSE, size: () => { throw new TypeError('bug'); } });
    expect(() => s.apply('size', '1')).toThrow(TypeError);
    expect(s.message).toBe('');
  });
});

describe('AttributeSettings.setMessage', () => {
  it('keeps other keys\' messages in the order first set; null clears; re-setting after a clear moves it last', () => {
    const s = make();
    s.setMessage('load', 'A.');
    s.apply('size', '0');
    s.setMessage('load', 'B.');
    expect(s.message).toBe(`B. ${messageOf(() => PARSE.size('0'))}`);
    s.setMessage('load', null);
    s.setMessage('load', 'C.');
    expect(s.message).toBe(`${messageOf(() => PARSE.size('0'))} C.`);
  });
});

describe('syncControls and bindControls', () => {
  it('writes each [data-attr] control from the settings in force, or from the values given', () => {
    const { controls, root } = fakeRoot(['size', 'mode']);
    const s = make();
    s.apply('size', '3');
    s.syncControls(root);
    expect(controls.map((c) => c.value)).toEqual(['3', 'max']);
    s.syncControls(root, { size: 7, mode: 'avg' });
    expect(controls.map((c) => c.value)).toEqual(['7', 'avg']);
  });

  it('reports a control\'s change as (attribute, value)', () => {
    const { controls, root } = fakeRoot(['size', 'mode']);
    const seen: [string, string][] = [];
    bindControls(root, (n, v) => seen.push([n, v]));
    controls[1]!.value = 'avg';
    controls[1]!.fire();
    expect(seen).toEqual([['mode', 'avg']]);
  });
});
