import { describe, expect, it } from 'vitest';
import { attributesFromQuery, widgetBySlug, WIDGETS } from '../../../src/lib/widget/registry.ts';

describe('attributesFromQuery', () => {
  const entry = widgetBySlug('conv-playground')!;
  it('copies only the widget’s own attributes, as raw text', () => {
    const got = attributesFromQuery(entry, '?kernel=%3Cscript%3Ealert(1)%3C%2Fscript%3E&onload=alert(1)&stride=2');
    expect(got).toEqual([
      ['kernel', '<script>alert(1)</script>'],
      ['stride', '2'],
    ]);
  });
  it('caps very long values', () => {
    const got = attributesFromQuery(entry, `?kernel=${'1,'.repeat(2000)}`);
    expect(got[0]![1]).toHaveLength(500);
  });
});

describe('WIDGETS', () => {
  it('has unique slugs and fm- tags matching them', () => {
    expect(new Set(WIDGETS.map((w) => w.slug)).size).toBe(WIDGETS.length);
    for (const w of WIDGETS) expect(w.tag).toBe(`fm-${w.slug}`);
  });
});

describe('chapter links', () => {
  it('every widget that names a chapter names one that exists', async () => {
    const { readdirSync } = await import('node:fs');
    const chapters = readdirSync('content/en/chapters').map((f) => f.replace(/\.mdx$/, ''));
    for (const w of WIDGETS) if (w.chapter) expect(chapters, w.slug).toContain(w.chapter);
  });
});
