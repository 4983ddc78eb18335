import { describe, expect, it } from 'vitest';
import { createRenderer, type Catalogues } from '../../../src/lib/i18n/translate.ts';
import { chain, msg, say, t } from '../../../src/lib/i18n/t.ts';
import { formatNumber, pluralCategory } from '../../../src/lib/i18n/format.ts';

/** A small catalogue with what the book's does not have yet (plurals, numbers), and a key zh-CN lacks. */
const fixture: Catalogues = {
  en: {
    hello: 'Hello, {name}.',
    epochs: { one: '{count} epoch trained', other: '{count} epochs trained' },
    nested: 'Because {why}.',
    broke: 'the {thing} broke',
    onlyEnglish: 'Only in English',
  },
  'zh-CN': {
    hello: '你好，{name}。',
    epochs: { other: '已训练{count}轮' },
    nested: '因为{why}。',
    broke: '{thing}坏了',
  },
};

describe('createRenderer', () => {
  const strict = createRenderer(fixture, true);
  const production = createRenderer(fixture, false);

  it('fills placeholders with text as given', () => {
    expect(strict('en', 'hello', { name: '<b>Ada</b>' })).toBe('Hello, <b>Ada</b>.');
    expect(strict('zh-CN', 'hello', { name: 'Ada' })).toBe('你好，Ada。');
  });
  it.each([
    ['en', 1, '1 epoch trained'], ['en', 2, '2 epochs trained'], ['en', 1234, '1,234 epochs trained'],
    ['zh-CN', 1, '已训练1轮'], ['zh-CN', 12345, '已训练12,345轮'],
  ] as const)('chooses the %s plural form for %d and formats the count', (lang, count, text) => {
    expect(strict(lang, 'epochs', { count })).toBe(text);
  });
  it('renders a nested message in the same language', () => {
    const why = { key: 'broke', params: { thing: 'GPU' } } as never;
    expect(strict('en', 'nested', { why })).toBe('Because the GPU broke.');
    expect(strict('zh-CN', 'nested', { why })).toBe('因为GPU坏了。');
  });
  it('throws on a key missing from a locale in development, and says English in production', () => {
    expect(() => strict('zh-CN', 'onlyEnglish')).toThrow(/no zh-CN message "onlyEnglish"/);
    expect(production('zh-CN', 'onlyEnglish')).toBe('Only in English');
  });
  it('never shows a raw key or placeholder, even in production', () => {
    expect(production('en', 'no.such.key')).toBe('');
    expect(production('en', 'hello')).toBe('Hello, .');
    expect(() => strict('en', 'hello')).toThrow(/needs \{name\}/);
    expect(() => strict('en', 'epochs', {})).toThrow(/numeric \{count\}/);
  });
});

describe('t, msg, say, chain (the book catalogue)', () => {
  it('renders a key in each language', () => {
    expect(t('en', 'widget.retry')).toBe('Retry');
    expect(t('zh-CN', 'widget.retry')).toBe('重试');
    expect(t('en', 'widget.failed', { error: msg('widget.unknownError') })).toBe('Something went wrong: an unknown error');
    expect(t('zh-CN', 'widget.failed', { error: msg('widget.unknownError') })).toBe('出错了：未知错误');
  });
  it('keeps a message to say later, in whichever language is asked', () => {
    const m = msg('badge.engine', { backend: msg('engine.backend.webgl') });
    expect(say('en', m)).toBe('Compute: WebGL');
    expect(say('zh-CN', m)).toBe('计算后端：WebGL');
    expect(say('zh-CN', 'as given')).toBe('as given');
  });
  it('chains steps as one clause, left to right', () => {
    const steps = [msg('engine.why.noAdapter'), msg('engine.why.smokeThrew', { error: 'x' }), msg('engine.why.deviceLost', { detail: 'destroyed' })];
    expect(say('en', chain(steps)!)).toBe(`${t('en', 'engine.why.noAdapter')}; then it failed while computing (x); then the GPU device was lost (destroyed)`);
    expect(say('en', chain(steps, 'engine.steps.and')!)).toContain('(x); the GPU');
    expect(say('zh-CN', chain(steps)!)).toContain('；随后计算时出错（x）；随后GPU设备已丢失（destroyed）');
    expect(chain([])).toBeNull();
  });
});

describe('formatNumber, pluralCategory', () => {
  it('format for the locale, with options, from cached formatters', () => {
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('zh-CN', 1234.5)).toBe('1,234.5');
    expect(formatNumber('en', 0.25, { style: 'percent' })).toBe('25%');
    expect(formatNumber('en', 0.5, { style: 'percent' })).toBe('50%');
    expect(formatNumber('en', 2)).toBe('2');
  });
  it('choose plural categories by the locale’s rules', () => {
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(pluralCategory('zh-CN', 1)).toBe('other');
  });
});
