import { describe, expect, it } from 'vitest';
import { ParamError, quote } from '../../../src/lib/params/param-error.ts';

describe('quote', () => {
  it.each<[string, string]>([
    ['abc', '"abc"'],
    ['say "hi"', '"say \\"hi\\""'], // JSON escaping keeps the quotes readable and balanced
    ['a\\b', '"a\\\\b"'],
    ['line\nbreak\u0000', '"line?break?"'], // control characters become ?
    ['<script>alert(1)</script>', '"<script>alert(1)</script>"'], // left as text: widgets show it with textContent
    ['x'.repeat(41), `"${'x'.repeat(40)}…"`], // long values are cut at 40 characters
    ['x'.repeat(40), `"${'x'.repeat(40)}"`],
  ])('%j → %s', (raw, want) => expect(quote(raw)).toBe(want));
});

describe('ParamError', () => {
  it('keeps the parameter name and the reader-facing message', () => {
    const e = new ParamError('stride', 'stride must be from 1 to 3; got 0.');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ParamError');
    expect(e.param).toBe('stride');
    expect(e.message).toBe('stride must be from 1 to 3; got 0.');
  });
});
