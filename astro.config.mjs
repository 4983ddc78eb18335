// @ts-check
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

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
 * KaTeX's stylesheet must come from the same KaTeX that rehype-katex renders with: class names change between
 * versions (0.16 emits `base`/`strut`, 0.19's stylesheet styles `katex-base`/`katex-strut`), and a mismatch lets
 * inline formulas break in the middle of a symbol.
 */
const katexCss = createRequire(createRequire(import.meta.url).resolve('rehype-katex')).resolve('katex/dist/katex.min.css');

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

/**
 * The `long` package (tfjs-core's 64-bit integers, used only to hash strings) instantiates a tiny WebAssembly
 * module when it loads, in a try/catch, to multiply faster. Under a Content-Security-Policy without
 * 'wasm-unsafe-eval' that attempt is a script-src violation on every page that loads tfjs (reported, then caught),
 * so the build leaves it out and `long` uses its plain JavaScript path. The build fails if the code moves.
 */
function longWithoutWasm() {
  return {
    name: 'long-without-wasm',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]long[\\/]src[\\/]long\.js$/.test(id)) return null;
      const out = code.replace(/wasm = new WebAssembly\.Instance\(/, 'wasm = null && new WebAssembly.Instance(');
      if (out === code) throw new Error(`long-without-wasm: ${id} no longer has the WebAssembly probe this plugin removes`);
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  trailingSlash: 'always',
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      // strict: a malformed formula fails the build instead of printing red text to a reader.
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }], rehypeFocusableTables],
    }),
  },
  integrations: [
    validHtml(),
    starlight({
      title: 'Feature Maps',
      description: 'An interactive textbook on convolutional neural networks and transfer learning, computed live in your browser.',
      customCss: [katexCss, './src/styles/book.css', './src/styles/strategies.css', './src/styles/print.css'],
      sidebar: [
        { label: 'Start here', link: '/' },
        { label: 'Chapters', items: chapterSidebar() },
        'notation',
        'embedding',
        { label: 'Your device', link: '/device/' },
      ],
      lastUpdated: false,
      // The book's only code blocks are CodeListing's, drawn with Astro's Shiki: Expressive Code's markup is not
      // valid HTML (div inside code and button), and the HTML checker is part of the tests.
      expressiveCode: false,
      pagination: true,
      components: {
        // Adds the objectives/prerequisites box and the device badge above every chapter.
        PageTitle: './src/components/ChapterTitle.astro',
      },
    }),
  ],
  vite: {
    plugins: [longWithoutWasm()],
    resolve: {
      alias: {
        '@components': fileURLToPath(new URL('./components', import.meta.url)),
        '@lib': fileURLToPath(new URL('./src/lib', import.meta.url)),
      },
    },
    build: { chunkSizeWarningLimit: 2500, assetsInlineLimit: 0 },
  },
});
