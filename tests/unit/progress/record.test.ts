/** The stored form of a reader's answer (src/lib/progress/record.ts): keys per page and question, and a tolerant reader. */
import { describe, expect, it } from 'vitest';
import { answerKey, isAnswered, isKeyOfPage, MAX_ANSWER_CHARS, pageKey, parseRecord, serializeRecord } from '../../../src/lib/progress/record.ts';

describe('pageKey / answerKey / isKeyOfPage', () => {
  it.each([
    ['/chapters/convolution/', '/chapters/convolution/'],
    ['/chapters/convolution', '/chapters/convolution/'],
    ['/book/chapters/convolution/?x=1#q-a', '/book/chapters/convolution/'],
  ])('%s is page %s', (path, page) => expect(pageKey(path)).toBe(page));

  it('keys a question by page and id', () => {
    expect(answerKey('/chapters/pooling-and-networks', 'q-a')).toBe('fm-progress:v1:/chapters/pooling-and-networks/#q-a');
  });

  it('tells a page’s keys from another page’s, even one whose path starts the same', () => {
    const key = answerKey('/chapters/convolution/', 'ex-conv-shapes');
    expect(isKeyOfPage(key, '/chapters/convolution/')).toBe(true);
    expect(isKeyOfPage(key, '/chapters/conv/')).toBe(false);
    expect(isKeyOfPage(answerKey('/chapters/convolution-2/', 'q'), '/chapters/convolution/')).toBe(false);
    expect(isKeyOfPage('fm-read:v1', '/chapters/convolution/')).toBe(false);
  });
});

describe('parseRecord', () => {
  it.each([
    ['nothing stored', null, { answer: '', revealed: false }],
    ['not JSON', '{oops', { answer: '', revealed: false }],
    ['not an object', '"text"', { answer: '', revealed: false }],
    ['null', 'null', { answer: '', revealed: false }],
    ['wrong types', '{"answer": 3, "revealed": "yes"}', { answer: '', revealed: false }],
    ['a full record', '{"answer": "5×5", "revealed": true}', { answer: '5×5', revealed: true }],
  ])('%s', (_, raw, record) => expect(parseRecord(raw)).toEqual(record));

  it('cuts an over-long answer', () => {
    expect(parseRecord(JSON.stringify({ answer: 'x'.repeat(MAX_ANSWER_CHARS + 5) })).answer).toHaveLength(MAX_ANSWER_CHARS);
  });
});

describe('serializeRecord and isAnswered', () => {
  it.each([
    ['empty: nothing kept, not answered', { answer: '', revealed: false }, null, false],
    ['only spaces: kept as typed, not answered', { answer: '  ', revealed: false }, '{"answer":"  ","revealed":false}', false],
    ['written', { answer: '25 cells', revealed: false }, '{"answer":"25 cells","revealed":false}', true],
    ['revealed without writing', { answer: '', revealed: true }, '{"answer":"","revealed":true}', true],
  ])('%s', (_, record, stored, answered) => {
    expect(serializeRecord(record)).toBe(stored);
    expect(isAnswered(record)).toBe(answered);
    if (stored) expect(parseRecord(stored)).toEqual(record);
  });
});
