import { describe, expect, it } from 'vitest';
import { pageFiles } from '../../../src/lib/offline/page-files.ts';
import { offlineReadme, siteBase } from '../../../src/lib/offline/pack-readme.ts';
import { WIDGET_ASSETS } from '../../../src/lib/offline/widget-assets.ts';
import { ELEMENT_LOADERS } from '../../../src/lib/widget/loaders.ts';

const site = new Map<string, number>([
  ['chapters/x/index.html', 100], ['_astro/page.css', 10], ['_astro/KaTeX_Main.woff2', 5], ['_astro/KaTeX_Main.ttf', 7],
  ['widgets/v1/feature-maps.js', 3], ['widgets/v1/chunks/a.js', 20], ['widgets/v1/chunks/b.js', 30], ['samples/cat.png', 1000],
  ['data/manifest.json', 2], ['data/digits/test-images-0.u8', 400], ['models/m/model.json', 1], ['other/index.html', 50],
]);
const chunks = { 'fm-conv-playground': ['chunks/a.js'], 'fm-loss-race': ['chunks/b.js'] };
const css = () => 'src: url(/book/_astro/KaTeX_Main.woff2) format("woff2"), url(/book/_astro/KaTeX_Main.ttf)';

describe('pageFiles', () => {
  const html = '<link href="/book/_astro/page.css"><script type="module" src="/book/widgets/v1/feature-maps.js"></script><a href="/book/other/">x</a><fm-conv-playground id="a"></fm-conv-playground>';
  const got = pageFiles('chapters/x/', html, '/book/', site, chunks, css);

  it('lists the page by its folder address, its stylesheet, the woff2 fonts it names, the entry, its widgets\' chunks and assets', () => {
    expect(got.files).toEqual(['_astro/KaTeX_Main.woff2', '_astro/page.css', 'chapters/x/', 'samples/cat.png', 'widgets/v1/chunks/a.js', 'widgets/v1/feature-maps.js']);
  });
  it('counts their bytes (the page by its index.html)', () => {
    expect(got.bytes).toBe(100 + 10 + 5 + 3 + 20 + 1000);
  });
  it('leaves out other pages, other widgets\' chunks and files that do not exist', () => {
    expect(got.files).not.toContain('other/');
    expect(got.files).not.toContain('widgets/v1/chunks/b.js');
  });
});

describe('pageFiles and page scripts', () => {
  const files = new Map<string, string>([
    ['_astro/Progress.astro_script.js', 'import{a as e}from"./i18n.X1.js";import"./storage.X2.js";e()'],
    ['_astro/i18n.X1.js', 'import{b}from"./words.X3.js";export const a=1'],
    ['_astro/storage.X2.js', 'export const s=1'],
    ['_astro/words.X3.js', 'export const b=1'],
    ['_astro/lazy.X4.js', 'export const l=1'],
  ]);
  const scriptSite = new Map([...site, ...[...files.keys()].map((f) => [f, 1] as [string, number])]);
  const got = pageFiles('chapters/x/', '<script type="module" src="/book/_astro/Progress.astro_script.js"></script>', '/book/', scriptSite, {}, (f) => files.get(f) ?? '');

  it('lists the chunks a page script imports, and theirs, so it runs offline', () => {
    expect(got.files).toEqual(['_astro/Progress.astro_script.js', '_astro/i18n.X1.js', '_astro/storage.X2.js', '_astro/words.X3.js', 'chapters/x/']);
  });
});

describe('widget assets', () => {
  it('names only elements the entry can load', () => {
    for (const tag of Object.keys(WIDGET_ASSETS)) expect(Object.keys(ELEMENT_LOADERS)).toContain(tag);
  });
});

describe('pack readme', () => {
  it('reads the base a page was built for', () => {
    expect(siteBase('<script type="module" src="/book/widgets/v1/feature-maps.js"></script>')).toBe('/book/');
    expect(siteBase('<script type="module" src="/widgets/v1/feature-maps.js"></script>')).toBe('/');
    expect(() => siteBase('<p>hello</p>')).toThrow(/not a Feature Maps page/);
  });
  it('gives a serve command that matches the base', () => {
    expect(offlineReadme('/book/')).toContain('node serve.mjs book 4321 /book/');
    expect(offlineReadme('/')).toContain('node serve.mjs . 4321\n');
  });
});
