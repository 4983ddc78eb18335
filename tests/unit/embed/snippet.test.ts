import { describe, expect, it } from 'vitest';
import { embedLink, escapeAttribute, iframeSnippet, safeEmbedId, scriptTagSnippet } from '../../../src/lib/embed/snippet.ts';

const widget = { slug: 'conv-playground', tag: 'fm-conv-playground', title: 'Convolution playground', height: 900 };
const site = 'https://school.example/book/';
const HOSTILE = `"><script>alert('x')</script>&amp;`;

/** Every attribute value in a snippet, read back the way a browser would (entities decoded). */
function attributesIn(html: string): Record<string, string>[] {
  return [...html.matchAll(/<[a-z-]+((?:\s+[a-z-]+="[^"]*")*)\s*>/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, n, v]) => [n!, v!
      .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')])));
}

describe('escapeAttribute', () => {
  it.each([
    ['a"b', 'a&quot;b'], ["a'b", 'a&#39;b'], ['<b>', '&lt;b&gt;'], ['&amp;', '&amp;amp;'], ['plain', 'plain'],
  ])('%s → %s', (raw, escaped) => expect(escapeAttribute(raw)).toBe(escaped));
});

describe('safeEmbedId', () => {
  it.each([['pg-edges', 'pg-edges'], ['a"b<c>', 'abc'], ['', 'feature-maps'], ['x'.repeat(100), 'x'.repeat(64)]])('%s', (raw, id) =>
    expect(safeEmbedId(raw)).toBe(id));
});

describe('embedLink', () => {
  it('puts the versioned path under the site base and the attributes in the query', () => {
    expect(embedLink(site, 'conv-playground', [['kernel', 'sobel-y'], ['image', 'brick']]))
      .toBe('https://school.example/book/embed/v1/conv-playground/?kernel=sobel-y&image=brick');
  });
  it('adds a slash to a site without one, and no "?" without attributes', () => {
    expect(embedLink('https://x.example', 'pool-explorer', [])).toBe('https://x.example/embed/v1/pool-explorer/');
  });
  it('URL-encodes hostile values and adds the embed id', () => {
    const url = new URL(embedLink(site, 'conv-playground', [['kernel', HOSTILE]], 'pg-1'));
    expect(url.searchParams.get('kernel')).toBe(HOSTILE);
    expect(url.searchParams.get('embedId')).toBe('pg-1');
  });
});

describe('iframeSnippet', () => {
  it('is the frame for exactly this set-up, then the host helper', () => {
    const code = iframeSnippet({ site, widget, attributes: [['kernel', 'sobel-y'], ['image', 'brick']], embedId: 'pg-edges' });
    expect(code).toBe(
      '<iframe src="https://school.example/book/embed/v1/conv-playground/?kernel=sobel-y&amp;image=brick&amp;embedId=pg-edges" '
      + 'name="pg-edges" title="Convolution playground (Feature Maps)" width="100%" height="900" style="border:0" loading="lazy"></iframe>\n'
      + '<script src="https://school.example/book/embed/v1/embed.js" defer></script>');
  });
  it('keeps hostile values inside their attributes: decoded, they are the values given', () => {
    const code = iframeSnippet({ site, widget: { ...widget, title: HOSTILE }, attributes: [['kernel', HOSTILE]], embedId: HOSTILE });
    expect(code.match(/<script/g)).toHaveLength(1);
    const [frame] = attributesIn(code);
    expect(new URL(frame!.src!).searchParams.get('kernel')).toBe(HOSTILE);
    expect(frame!.title).toBe(`${HOSTILE} (Feature Maps)`);
    expect(frame!.name).toBe('scriptalertxscriptamp');
  });
});

describe('scriptTagSnippet', () => {
  it('loads the stable entry and writes the element with the attributes in force', () => {
    expect(scriptTagSnippet({ site, widget, attributes: [['kernel', '1,0,-1; 2,0,-2; 1,0,-1'], ['stride', '2']], embedId: 'x' })).toBe(
      '<script type="module" src="https://school.example/book/widgets/v1/feature-maps.js"></script>\n'
      + '<fm-conv-playground kernel="1,0,-1; 2,0,-2; 1,0,-1" stride="2"></fm-conv-playground>');
  });
  it('escapes hostile values and drops attribute names that are not plain', () => {
    const code = scriptTagSnippet({ site, widget, attributes: [['kernel', HOSTILE], ['on"x', 'y'], ['onclick x', 'z']], embedId: 'x' });
    expect(code.match(/<script/g)).toHaveLength(1);
    const [, el] = attributesIn(code);
    expect(el).toEqual({ kernel: HOSTILE });
  });
  it('refuses a tag that is not a widget tag', () => {
    expect(() => scriptTagSnippet({ site, widget: { ...widget, tag: 'img src=x' }, attributes: [], embedId: 'x' })).toThrow(/not a widget tag/);
  });
});

describe('a figure copied where it speaks Chinese', () => {
  it('embeds the widget in Chinese: ?lang=zh-CN on the embed page, the frame named by its Chinese title', () => {
    expect(embedLink(site, 'conv-playground', [['kernel', 'sobel-y']], 'pg-1', 'zh-CN'))
      .toBe('https://school.example/book/embed/v1/conv-playground/?kernel=sobel-y&embedId=pg-1&lang=zh-CN');
    expect(embedLink(site, 'conv-playground', [], undefined, 'zh-CN')).toBe('https://school.example/book/embed/v1/conv-playground/?lang=zh-CN');
    const [frame] = attributesIn(iframeSnippet({ site, widget, attributes: [['kernel', 'sobel-y']], embedId: 'pg-1', lang: 'zh-CN' }));
    expect(new URL(frame!.src!).searchParams.get('lang')).toBe('zh-CN');
    expect(frame!.title).toBe('卷积交互演示（Feature Maps）');
  });
  it('writes lang="zh-CN" on the element of the script-tag form', () => {
    const [, el] = attributesIn(scriptTagSnippet({ site, widget, attributes: [['stride', '2']], embedId: 'x', lang: 'zh-CN' }));
    expect(el).toEqual({ stride: '2', lang: 'zh-CN' });
  });
  it('adds nothing in English, the default', () => {
    expect(iframeSnippet({ site, widget, attributes: [], embedId: 'a', lang: 'en' })).toBe(iframeSnippet({ site, widget, attributes: [], embedId: 'a' }));
    expect(scriptTagSnippet({ site, widget, attributes: [], embedId: 'a', lang: 'en' })).not.toContain('lang=');
  });
});
