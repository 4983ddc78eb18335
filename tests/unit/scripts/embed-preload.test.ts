/** scripts/widgets/embed-preload.ts: an embed page's head names its widget's static code, under the site's base. */
import { describe, expect, it } from 'vitest';
import { preloadLinks } from '../../../scripts/widgets/embed-preload.ts';

const chunks = {
  'feature-maps': ['chunks/chunk-A.js', 'chunks/chunk-B.js'],
  'fm-pool-explorer': ['chunks/chunk-B.js', 'chunks/pool-explorer.element-X.js'],
};
const page = '<html><head><title>t</title></head><body data-widget="pool-explorer" data-tag="fm-pool-explorer" data-base="/book/"></body></html>';

describe('preloadLinks', () => {
  it('adds the entry\'s and the element\'s files once each, under the base, at the end of the head', () => {
    const out = preloadLinks(page, chunks, '/book/');
    const hrefs = [...out.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['/book/widgets/v1/chunks/chunk-A.js', '/book/widgets/v1/chunks/chunk-B.js', '/book/widgets/v1/chunks/pool-explorer.element-X.js']);
    expect(out.indexOf('modulepreload')).toBeGreaterThan(out.indexOf('<title>'));
    expect(out.indexOf('modulepreload')).toBeLessThan(out.indexOf('</head>'));
    expect(preloadLinks(page, chunks, '/')).toContain('href="/widgets/v1/chunks/chunk-A.js"');
  });

  it('leaves a page without a widget alone, and fails the build for a widget the bundle lacks', () => {
    expect(preloadLinks('<html><head></head><body></body></html>', chunks, '/')).toBe('<html><head></head><body></body></html>');
    expect(() => preloadLinks(page.replace('fm-pool-explorer', 'fm-nope'), chunks, '/')).toThrow(/fm-nope/);
  });
});
