/** The list of chapters read (src/lib/progress/read-chapters.ts): tolerant reading, adding without duplicates. */
import { describe, expect, it } from 'vitest';
import { parseReadSet, withRead } from '../../../src/lib/progress/read-chapters.ts';

describe('parseReadSet', () => {
  it.each([
    ['nothing stored', null, []],
    ['not JSON', '[', []],
    ['not a list', '{"a": 1}', []],
    ['paths only, normalised', '["/chapters/a", 3, "javascript:x", "/chapters/b/"]', ['/chapters/a/', '/chapters/b/']],
  ])('%s', (_, raw, paths) => expect([...parseReadSet(raw)]).toEqual(paths));
});

describe('withRead', () => {
  it('adds a page once, sorted', () => {
    const once = withRead(null, '/chapters/pooling/');
    const twice = withRead(withRead(once, '/chapters/activations'), '/chapters/pooling/#summary');
    expect(JSON.parse(twice)).toEqual(['/chapters/activations/', '/chapters/pooling/']);
  });
});
