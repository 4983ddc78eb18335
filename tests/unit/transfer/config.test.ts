import { describe, expect, it } from 'vitest';
import { ParamError } from '../../../src/lib/params/index.ts';
import { LAB_PARSE, RUN_ATTRS, RUN_DEFAULTS, RUN_PARSE, formatCompare, formatValue, parseCompare, parseDecimal } from '../../../src/lib/transfer/config.ts';

describe('RUN_PARSE', () => {
  it.each([
    ['source', 'Random', 'random'],
    ['target', 'digits-0-9', 'digits-0-9'],
    ['per-class', '500', 500],
    ['freeze', 'conv2', 'conv2'],
    ['lr', '1e-3', 0.001],
    ['head-lr', '0.5', 0.5],
    ['epochs', '3', 3],
    ['augment', 'on', true],
  ] as const)('%s %j → %j', (attr, raw, value) => {
    expect(RUN_PARSE[attr](raw)).toBe(value);
  });

  it.each([
    ['source', 'resnet50', /Unknown source "resnet50".*digits04-cnn, fashion-cnn, random/],
    ['per-class', '0', /at least 1: a class with no labelled example/],
    ['per-class', '501', /from 0 to 500/],
    ['per-class', 'ten', /whole number/],
    ['freeze', 'conv3', /Unknown freeze/],
    ['lr', '-1', /from 0.00001 to 1|from 1e-5 to 1/],
    ['lr', 'NaN', /must be a number/],
    ['lr', '2', /from .* to 1/],
    ['head-lr', '1000', /from 0.1 to 100/],
    ['epochs', '0', /from 1 to 50/],
    ['augment', 'maybe', /Unknown augment/],
  ] as const)('%s %j is refused with a message for the reader', (attr, raw, message) => {
    expect(() => RUN_PARSE[attr](raw)).toThrow(ParamError);
    expect(() => RUN_PARSE[attr](raw)).toThrow(message);
  });

  it('formatValue writes back what the parser reads', () => {
    for (const a of RUN_ATTRS) {
      const text = formatValue(a, RUN_DEFAULTS);
      expect(formatValue(a, { ...RUN_DEFAULTS, ...{ [a]: RUN_PARSE[a](text) } }), a).toBe(text);
    }
  });
});

describe('LAB_PARSE and parseDecimal', () => {
  it('checks seed and held-out count ranges', () => {
    expect(LAB_PARSE.seed('42')).toBe(42);
    expect(() => LAB_PARSE.seed('-1')).toThrow(ParamError);
    expect(LAB_PARSE.holdout('5')).toBe(5);
    expect(() => LAB_PARSE.holdout('151')).toThrow(/from 5 to 150/);
    expect(parseDecimal('x', '.5', 0, 1)).toBe(0.5);
    expect(() => parseDecimal('x', '1/2', 0, 1)).toThrow(/must be a number/);
  });
});

describe('parseCompare / formatCompare', () => {
  it('reads up to two runs as overrides of the first and writes back only the differences', () => {
    const runs = parseCompare('source=random freeze=none; lr=0.01,epochs=2', RUN_DEFAULTS);
    expect(runs).toEqual([
      { ...RUN_DEFAULTS, source: 'random', freeze: 'none' },
      { ...RUN_DEFAULTS, lr: 0.01, epochs: 2 },
    ]);
    const text = formatCompare([RUN_DEFAULTS, ...runs]);
    expect(text).toBe('source=random freeze=none; lr=0.01 epochs=2');
    expect(parseCompare(text, RUN_DEFAULTS)).toEqual(runs);
  });

  it('an unchanged run still round-trips; empty text is no runs', () => {
    const text = formatCompare([RUN_DEFAULTS, RUN_DEFAULTS]);
    expect(parseCompare(text, RUN_DEFAULTS)).toEqual([RUN_DEFAULTS]);
    expect(parseCompare(' ; ', RUN_DEFAULTS)).toEqual([]);
  });

  it.each([
    ['a=1', /run B: unknown setting "a"/],
    ['freeze', /run B: expected key=value/],
    ['epochs=2; source=foo', /run C: Unknown source "foo"/],
    ['epochs=2; epochs=3; epochs=4', /at most 2 more runs/],
    ['per-class=0', /run B: per-class must be at least 1/],
  ])('%j is refused: %s', (raw, message) => {
    expect(() => parseCompare(raw, RUN_DEFAULTS)).toThrow(message);
  });
});
