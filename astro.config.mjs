// @ts-check
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeMath from './scripts/markdown/rehype-math.ts';
import rehypeLocaleHeadingIds from './scripts/markdown/rehype-locale-heading-ids.ts';
import { widgetBundle } from './scripts/widgets/integration.ts';
import { widgetsScriptPath } from './src/lib/embed/paths.ts';

/**
 * Where the site lives: `/` normally; a school serving it from a sub-path builds with FM_BASE=/book/ (every link,
 * asset and the widget bundle follow; tests/e2e/base-path builds one).
 */
const base = process.env.FM_BASE ?? '/';

const chaptersDir = new URL('./content/en/chapters/', import.meta.url);

/**
 * The sidebar lists chapters in reading order, taken from each chapter's `order` frontmatter,
 * so adding a chapter is adding one file. (The schema in src/content.config.ts checks the field.)
 */
function chapterSidebar() {
  return readdirSync(chaptersDir)
    .filter((f) => /^[^_].*\.mdx$/.test(f))
    .map((f) => {
      const text = readFileSync(new URL(f, chaptersDir), 'utf8');
      const order = Number(/^order:\s*(\d+)/m.exec(text)?.[1] ?? NaN);
      return { slug: `chapters/${f.replace(/\.mdx$/, '')}`, order };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ slug }) => slug);
}

/**
 * Starlight lets a wide table scroll sideways inside the text column (on a phone, most tables do). A scrolling
 * region must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable), so every table in a chapter
 * can take focus and be scrolled with the arrow keys.
 */
/** @typedef {{ type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }} HastNode */
function rehypeFocusableTables() {
  /** @param {HastNode} node */
  const visit = (node) => {
    if (node.type === 'element' && node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
    for (const child of node.children ?? []) visit(/** @type {HastNode} */ (child));
  };
  /** @param {HastNode} tree */
  return (tree) => visit(tree);
}

/**
 * Starlight's sidebar persister writes `<script aria-hidden="true">`, which HTML does not allow on a script (it
 * has no rendering to hide); the attribute is dropped from the built pages so the HTML checker passes.
 */
function validHtml() {
  return {
    name: 'fm-valid-html',
    hooks: {
      /** @param {{ dir: URL }} options */
      'astro:build:done': ({ dir }) => {
        for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
          const url = new URL(file, dir);
          const html = readFileSync(url, 'utf8');
          const fixed = html.replaceAll('<script aria-hidden="true">', '<script>');
          if (fixed !== html) writeFileSync(url, fixed);
        }
      },
    },
  };
}

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      // strict: a malformed formula fails the build instead of printing red text to a reader.
      // Translated headings take their English ids by position (before Astro's own ids, which keep one already set).
      rehypePlugins: [rehypeMath, rehypeFocusableTables, rehypeLocaleHeadingIds],
    }),
  },
  integrations: [
    validHtml(),
    widgetBundle(),
    starlight({
      title: 'Feature Maps',
      description: 'An interactive textbook on convolutional neural networks and transfer learning, computed live in your browser.',
      // English at the root (its addresses unchanged), Simplified Chinese under /zh-cn/ from content/zh-cn/; every page
      // gets the language picker and its <html lang>. Starlight's own interface strings come built in for zh-CN.
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      customCss: ['temml/dist/Temml-Local.css', './src/styles/math.css', './src/styles/book.css', './src/styles/strategies.css', './src/styles/print.css', './src/styles/progress.css', './src/styles/zh.css'],
      // Slugs and links are localised by Starlight (a Chinese page's sidebar points into /zh-cn/, with the Chinese
      // chapters' titles); the labels written here carry their Chinese beside them.
      sidebar: [
        { label: 'Start here', translations: { 'zh-CN': '从这里开始' }, link: '/' },
        { label: 'Chapters', translations: { 'zh-CN': '章节' }, items: chapterSidebar() },
        'notation',
        'glossary',
        'embedding',
        { label: 'Your device', translations: { 'zh-CN': '你的设备' }, link: '/device/' },
        {
          label: 'For teachers',
          translations: { 'zh-CN': '教师专区' },
          items: [
            { label: 'Chapters, questions and exercises', translations: { 'zh-CN': '各章目标、问题与练习' }, link: '/teachers/' },
            { label: 'Widget gallery', translations: { 'zh-CN': '交互图库' }, link: '/teachers/gallery/' },
          ],
        },
      ],
      // Every page loads the same script-tag entry other sites use (src/lib/widget/entry.ts): it defines each
      // fm-* element when the page first holds one.
      head: [{ tag: 'script', attrs: { type: 'module', src: widgetsScriptPath(base) } }],
      lastUpdated: false,
      // The book's only code blocks are CodeListing's, drawn with Astro's Shiki: Expressive Code's markup is not
      // valid HTML (div inside code and button), and the HTML checker is part of the tests.
      expressiveCode: false,
      pagination: true,
      components: {
        // Adds the objectives/prerequisites box and the device badge above every chapter.
        PageTitle: './src/components/ChapterTitle.astro',
        // The language picker also carries the section being read to the other edition.
        LanguageSelect: './src/components/LanguageSelect.astro',
        // Preloads the math font on pages whose first screen holds formulas (frontmatter `preloadMathFont`).
        Head: './src/components/Head.astro',
        // The phone menu's button, with its page-wide `:has()` written as child steps (the component says why).
        MobileMenuToggle: './src/components/MobileMenuToggle.astro',
      },
    }),
  ],
  vite: {
    resolve: {
      alias: [
        { find: '@components', replacement: fileURLToPath(new URL('./components', import.meta.url)) },
        { find: '@lib', replacement: fileURLToPath(new URL('./src/lib', import.meta.url)) },
        // Starlight's "On this page" tracker, without its page-wide `:has()` queries (src/lib/toc/starlight-toc.ts).
        { find: /^.*\/components-internals\/TableOfContents\/starlight-toc(\.js)?$/, replacement: fileURLToPath(new URL('./src/lib/toc/starlight-toc.ts', import.meta.url)) },
        // Starlight's search box, fetched and built when the reader opens the search, not on every page at idle
        // (src/lib/search/lazy-pagefind-ui.ts). Exact: its CSS (@pagefind/default-ui/css/ui.css) is not aliased.
        { find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/lib/search/lazy-pagefind-ui.ts', import.meta.url)) },
      ],
    },
    // es2022: the catalogue waits for Chinese with a top-level await where a page asks for it (src/lib/i18n/t.ts).
    build: { chunkSizeWarningLimit: 2500, assetsInlineLimit: 0, target: 'es2022' },
  },
});
