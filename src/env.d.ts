/// <reference types="astro/client" />
declare module '*.css?inline' {
  const css: string;
  export default css;
}
/** Pagefind's search box (src/lib/search/lazy-pagefind-ui.ts loads it when the reader opens the search). */
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export const PagefindUI: new (options: { element: string; [option: string]: unknown }) => unknown;
}
