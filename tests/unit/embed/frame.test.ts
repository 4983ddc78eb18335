import { describe, expect, it } from 'vitest';
import { frameId } from '../../../src/lib/embed/frame.ts';

describe('frameId', () => {
  it.each([
    ['?embedId=edges-1', 'other', { id: 'edges-1', problem: null }],
    ['?kernel=sobel-x', 'my_frame', { id: 'my_frame', problem: null }],
    ['', '', { id: 'conv-playground', problem: null }],
    ['', 'a frame name', { id: 'conv-playground', problem: null }],
  ])('%s with name %j', (search, name, want) => {
    expect(frameId(search, name, 'conv-playground')).toEqual(want);
  });
  it.each(['<img src=x>', 'a b', 'x'.repeat(65), ''])('refuses embedId %j and says which id it uses instead', (bad) => {
    const got = frameId(`?${new URLSearchParams({ embedId: bad })}`, 'named', 'conv-playground');
    expect(got.id).toBe('named');
    expect(got.problem).toBe('embedId must be 1–64 letters, digits, "-" or "_"; this frame is "named" instead.');
  });
});
