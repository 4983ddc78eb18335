import { describe, expect, it } from 'vitest';
import { saidIn } from './said.ts';
import { formatPadding, MAX_EXPLICIT_PADDING, parsePadding } from '../../../src/lib/params/padding.ts';

describe('parsePadding', () => {
  it.each<[string, string | number]>([['valid', 'valid'], ['SAME', 'same'], [' same ', 'same'], ['0', 0], ['3', 3], [String(MAX_EXPLICIT_PADDING), MAX_EXPLICIT_PADDING]])(
    '%j → %j', (raw, want) => expect(parsePadding('padding', raw)).toBe(want),
  );

  it.each<[string, RegExp]>([
    ['-1', /padding must be from 0 to 8; got -1/],
    [String(MAX_EXPLICIT_PADDING + 1), /got 9/],
    ['1.5', /valid, same or a number from 0 to 8; got "1\.5"/],
    ['full', /got "full"/],
    ['<script>alert(1)</script>', /got "<script>alert\(1\)<\/script>"/], // quoted as text, for textContent
  ])('%j is refused', (raw, message) => expect(() => parsePadding('padding', raw)).toThrow(message));

  it('formats back to what it parses', () => {
    for (const p of ['valid', 'same', 0, 2] as const) expect(parsePadding('padding', formatPadding(p))).toBe(p);
  });
});

describe('parsePadding in Chinese', () => {
  it.each<[string, string, string]>([
    ['full', 'en', 'padding must be valid, same or a number from 0 to 8; got "full".'],
    ['full', 'zh-CN', 'padding应为valid、same或0到8之间的整数，当前为"full"。'],
    ['9', 'zh-CN', 'padding应在0到8之间，当前为9。'],
  ])('%j says it in %s', (raw, lang, want) => expect(saidIn(lang, () => parsePadding('padding', raw))).toBe(want));
});
