/**
 * Looks at a printed PDF the way a reader would: renders its pages with pdf.js (the `pdfjs-dist` devDependency,
 * Apache-2.0) inside the test's own Chromium — no system rasteriser is installed — and reads back text with its
 * position, pixel counts of a region, and PNGs to look at. pdf.js is served to a blank page on the test server's
 * origin by `page.route`, so nothing leaves 127.0.0.1 and the book's own CSP does not apply to the viewer.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

const build = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');

/** A run of text on a page, in rendered pixels from the page's top-left corner (y: the top of the text). */
export interface TextItem { str: string; x: number; y: number; width: number; height: number }
export interface Rect { x: number; y: number; width: number; height: number }
/** In a region: pixels that are not white paper, dark ones (text, axes), and coloured ones (chroma ≥ 60 of 255). */
export interface Ink { total: number; inked: number; dark: number; coloured: number }

type Win = Window & { pdfDoc: any; pdfPages: Map<number, { canvas: HTMLCanvasElement; items: TextItem[] }> };

/** Text without whitespace, to compare with `PdfView.texts()`. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

export class PdfView {
  private constructor(private readonly viewer: Page, readonly pageCount: number) {}

  static async open(context: BrowserContext, baseURL: string, pdf: Buffer, scale = 1.5): Promise<PdfView> {
    const viewer = await context.newPage();
    await viewer.route(`${baseURL}/__pdfjs/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      if (name === 'view.html') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>pdf</title>' });
      if (!/^pdf(\.worker)?\.mjs$/.test(name)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: 'text/javascript', body: await readFile(join(build, name)) });
    });
    await viewer.goto(`${baseURL}/__pdfjs/view.html`);
    const count = await viewer.evaluate(async ({ data, scale }) => {
      const pdfjs = await import(/* @vite-ignore */ '/__pdfjs/pdf.mjs' as string);
      pdfjs.GlobalWorkerOptions.workerSrc = '/__pdfjs/pdf.worker.mjs';
      const doc = await pdfjs.getDocument({ data: Uint8Array.from(atob(data), (c) => c.charCodeAt(0)), isEvalSupported: false }).promise;
      const w = window as unknown as Win;
      w.pdfDoc = doc;
      w.pdfPages = new Map();
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        const viewport = page.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        await page.render({ canvas, viewport }).promise;
        const items = (await page.getTextContent()).items.filter((it: { str?: string }) => it.str).map((it: { str: string; width: number; transform: number[] }) => {
          const t = pdfjs.Util.transform(viewport.transform, it.transform);
          const height = Math.hypot(t[2], t[3]);
          return { str: it.str, x: t[4], y: t[5] - height, width: it.width * scale, height };
        });
        w.pdfPages.set(i - 1, { canvas, items });
      }
      return doc.numPages as number;
    }, { data: pdf.toString('base64'), scale });
    return new PdfView(viewer, count);
  }

  /**
   * Every page's text, one string per page, with no whitespace at all: pdf.js splits runs at ligatures ("fi") and
   * line ends, so a sentence is found in it by its letters alone (compare with `squash(sentence)`).
   */
  async texts(): Promise<string[]> {
    const pages = await this.viewer.evaluate(() => [...(window as unknown as Win).pdfPages.values()].map((p) => p.items.map((i) => i.str).join('')));
    return pages.map(squash);
  }

  /** The first run of text containing `needle`, with its page (0-based), or null. */
  async find(needle: string): Promise<{ page: number; item: TextItem } | null> {
    return this.viewer.evaluate((needle) => {
      for (const [page, p] of (window as unknown as Win).pdfPages) {
        const item = p.items.find((i) => i.str.includes(needle));
        if (item) return { page, item };
      }
      return null;
    }, needle);
  }

  async ink(page: number, r: Rect): Promise<Ink> {
    return this.viewer.evaluate(({ page, r }) => {
      const { canvas } = (window as unknown as Win).pdfPages.get(page)!;
      const x = Math.max(0, Math.round(r.x)), y = Math.max(0, Math.round(r.y));
      const w = Math.min(canvas.width - x, Math.round(r.width)), h = Math.min(canvas.height - y, Math.round(r.height));
      const px = canvas.getContext('2d')!.getImageData(x, y, w, h).data;
      const ink = { total: w * h, inked: 0, dark: 0, coloured: 0 };
      for (let i = 0; i < px.length; i += 4) {
        // pdf.js leaves unpainted paper transparent: composite on white.
        const a = px[i + 3]! / 255;
        const [red, green, blue] = [px[i]!, px[i + 1]!, px[i + 2]!].map((c) => c * a + 255 * (1 - a)) as [number, number, number];
        const max = Math.max(red, green, blue), min = Math.min(red, green, blue);
        if (min < 235) ink.inked++;
        if (max < 110) ink.dark++;
        if (max - min >= 60) ink.coloured++;
      }
      return ink;
    }, { page, r });
  }

  async png(page: number): Promise<Buffer> {
    const data = await this.viewer.evaluate((page) => (window as unknown as Win).pdfPages.get(page)!.canvas.toDataURL('image/png').split(',')[1]!, page);
    return Buffer.from(data, 'base64');
  }

  close(): Promise<void> {
    return this.viewer.close();
  }
}
