/**
 * Printing a chapter, looked at on paper: `page.pdf()` (Chromium's print path, print media, beforeprint/afterprint)
 * rendered back to pixels and text with pdf.js (tests/e2e/print/pdf-pages.ts). Backend-independent, so run once, on the
 * CPU (@page): Chapter 5's lab too (its tiny run trains sooner on the CPU than on a software GPU).
 * Set FM_PRINT_PNG=<dir> to write the pages looked at as PNGs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { test, expect, axeViolations, widgetReady } from './support.ts';
import { PdfView, squash } from './print/pdf-pages.ts';

test.describe.configure({ timeout: 600_000 });
type Lab = HTMLElement & { train(): Promise<{ state: string }[]> };

async function keepPng(view: PdfView, page: number, name: string): Promise<void> {
  const dir = process.env.FM_PRINT_PNG;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/${name}.png`, await view.png(page));
}

test('Chapter 5 printed after one lab run: the lab\'s chart on paper, its controls gone, answers folded, unrun figures say so', { tag: '@page' }, async ({ page, context, baseURL }) => {
  await page.goto('/chapters/transfer-learning/');
  const lab = page.locator('#fig-finetune-lab');
  // The lab's fastest set-up (as its own specs use): 1 example per class, 5 test images, 1 epoch; both runs.
  await lab.evaluate((e) => {
    e.setAttribute('per-class', '1');
    e.setAttribute('holdout', '5');
    e.setAttribute('epochs', '1');
  });
  await lab.scrollIntoViewIfNeeded();
  await widgetReady(lab);
  const runs = await lab.evaluate(async (e) => (await (e as Lab).train()).map((r) => r.state));
  expect(runs).toEqual(['done', 'done']);
  await page.evaluate(() => window.scrollTo(0, 0));

  const view = await PdfView.open(context, baseURL!, await page.pdf({ format: 'A4' }));
  try {
    const caption = await view.find('Loss: training (solid) and validation (dashed)');
    expect(caption, 'the lab\'s loss chart caption on paper').not.toBeNull();
    const { page: p, item } = caption!;
    await keepPng(view, p, 'chapter5-lab');
    // The chart sits under its caption, in the left half of the column: its curves are the only coloured ink there
    // (axes and labels are black or grey), so an empty chart — never started, or not redrawn — has none. The box
    // reaches down past the x axis and its tick labels (180 px stopped above them, and the dark ink left was the y
    // axis alone: 295 after the widgets' captions grew by 0.4 px), and stops above the run cards.
    const chart = await view.ink(p, { x: item.x, y: item.y + 2 * item.height, width: 300, height: 230 });
    expect(chart.dark, 'axes and tick labels').toBeGreaterThan(300);
    expect(chart.coloured, 'the runs\' curves').toBeGreaterThan(150);

    const text = (await view.texts()).join('');
    // The figure's caption and the lab's settings (fields print as their values; on A4 each setting's runs are
    // stacked, each after its run's letter) are there; its buttons are not.
    const has = (sentence: string) => text.includes(squash(sentence));
    expect(has('The fine-tuning lab, set up for a first comparison')).toBe(true);
    expect(has('Labelled examples per class A 1 B 1'), 'a field prints as its value, after its run\'s letter').toBe(true);
    for (const button of ['Add a run', 'Pause', 'Copy link', 'Skip past this figure', 'Embed or share this figure', 'Print with answers']) {
      expect(has(button), `"${button}" on paper`).toBe(false);
    }
    // Answers and worked solutions are folded away (the question stays); the reader did not ask for them.
    expect(has('how many parameters does each strategy train')).toBe(true);
    expect(has('Partial fine-tuning trains 99.8%')).toBe(false);
    expect(has('Check your prediction')).toBe(false);
    expect(has('Worked solution')).toBe(false);
    // The figures far below the lab never started: each prints its caption and says it was not run.
    expect(has('This figure had not run when the page was printed')).toBe(true);
    expect(has('needs JavaScript')).toBe(false);
  } finally {
    await view.close();
  }
});

test('"Print with answers" runs every figure of Chapter 1 first, prints the answers, then folds them back', { tag: '@page' }, async ({ page, context, baseURL }) => {
  await page.goto('/chapters/convolution/');
  const answer = 'so the output is';
  // The reader opened one answer themselves; printing must leave it open and close the others again. Opened from the
  // keyboard: a click aims at a point, and the figure above this question grows as its shell is drawn near the viewport,
  // so a click can land beside the summary (CI, 2026-12-06).
  await page.locator('#q-basic-middle summary').press('Enter');
  await expect(page.locator('#q-basic-middle details')).toHaveAttribute('open', '');
  // Headless Chromium's window.print() starts a print job that never ends (page.pdf() then refuses the page), so the
  // dialog is replaced by page.pdf() below, which prints what the dialog would, with beforeprint and afterprint.
  await page.evaluate(() => {
    const w = window as unknown as { printed: Promise<void> };
    w.printed = new Promise((resolve) => (window.print = () => resolve()));
  });
  const controls = page.getByRole('group', { name: 'Print this chapter' });
  // Every text the status line says, recorded as it is written: on the CPU backend the six figures may all be ready
  // within one poll of a locator, so the count on the way is read from the record.
  await controls.getByRole('status').evaluate((line) => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) w.said.push(n.textContent ?? ''); }).observe(line, { childList: true });
  });
  await controls.getByRole('button', { name: 'Print with answers' }).press('Enter');
  await page.evaluate(() => (window as unknown as { printed: Promise<void> }).printed);
  await expect(controls.getByRole('status')).toHaveText('All 6 figures ready.');
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  expect(said).toEqual([...Array.from({ length: 7 }, (_, i) => `Preparing figures for printing: ${i} of 6 ready…`), 'All 6 figures ready.']);
  const statuses = await page.locator('.fm-widget-figure figure > [status]').evaluateAll((els) => els.map((e) => e.getAttribute('status')));
  expect(statuses).toEqual(Array(6).fill('ready'));

  // window.print() in headless Chromium fires beforeprint and returns; page.pdf() prints what the dialog would.
  const view = await PdfView.open(context, baseURL!, await page.pdf({ format: 'A4' }));
  try {
    const text = (await view.texts()).join('');
    expect(text).toContain(squash(answer));
    expect(text).toContain(squash('Worked solution'));
    expect(text).not.toContain(squash('This figure had not run'));
    const pg = await view.find('convolved with the 3×3 Sobel x kernel');
    expect(pg).not.toBeNull();
    await keepPng(view, pg!.page, 'chapter1-with-answers');
  } finally {
    await view.close();
  }
  // page.pdf() ended with afterprint: the answers the reader had closed are closed again, the one they opened stays.
  await expect(page.locator('html')).not.toHaveAttribute('data-fm-print');
  expect(await page.locator('details.fm-predict-answer[open]').count()).toBe(1);
  await expect(page.locator('#q-basic-middle details')).toHaveAttribute('open', '');

  // A plain print now folds every answer, the opened one included.
  const plain = await PdfView.open(context, baseURL!, await page.pdf({ format: 'A4' }));
  try {
    expect((await plain.texts()).join('')).not.toContain(squash(answer));
  } finally {
    await plain.close();
  }
});

test('print media: controls inside a widget\'s shadow root hidden, fields shown as values, page chrome and answers hidden; the print controls are axe clean', { tag: '@page' }, async ({ page }) => {
  await page.goto('/chapters/convolution/');
  const controls = page.getByRole('group', { name: 'Print this chapter' });
  await expect(controls).toBeVisible();
  expect(await axeViolations(page, '.fm-print-chapter')).toEqual([]);
  const playground = page.locator('#pg-edges');
  // Started (a figure that never ran prints as a note instead: the first test).
  await playground.scrollIntoViewIfNeeded();
  await widgetReady(playground);
  const look = () => playground.evaluate((e) => {
    const style = (sel: string) => getComputedStyle(e.shadowRoot!.querySelector(sel)!);
    return { button: style('button').display, select: style('select').appearance, selectBorder: style('select').borderTopStyle };
  });
  expect(await look()).toEqual({ button: expect.not.stringMatching(/^none$/), select: 'auto', selectBorder: 'solid' });
  await page.emulateMedia({ media: 'print' });
  expect(await look()).toEqual({ button: 'none', select: 'none', selectBorder: 'none' });
  // A figure's share control, its Reset button included, is a screen's: not on paper.
  for (const sel of ['.fm-print-chapter', 'fm-embed-control', 'button[data-action="reset"]', 'nav.sidebar', 'header', '#q-basic-middle details']) {
    await expect(page.locator(sel).first(), sel).toBeHidden();
  }
  await expect(page.locator('#q-basic-middle .fm-predict-question')).toBeVisible();
  await expect(playground.locator('figcaption, select').first()).toBeVisible();
});

test('the print controls speak the page\'s language and say their status again when it changes', { tag: '@page' }, async ({ page }) => {
  await page.goto('/chapters/convolution/');
  // One figure left (the conv playground), so the print prepares one widget; the dialog is replaced as above.
  await page.evaluate(() => {
    for (const f of document.querySelectorAll('.fm-widget-figure')) if (!f.querySelector('#pg-edges')) f.remove();
    window.print = () => {};
    document.querySelector('main')!.lang = 'zh-CN'; // Starlight's <main> carries the page's lang
  });
  const controls = page.locator('.fm-print-chapter');
  await expect(page.getByRole('group', { name: '打印本章' }).getByRole('button', { name: '连同答案打印' })).toBeVisible();
  await controls.getByRole('button', { name: '打印本章' }).click();
  await expect(controls.getByRole('status')).toHaveText('交互图已就绪。', { timeout: 60_000 });
  await page.evaluate(() => (document.querySelector('main')!.lang = 'en'));
  await expect(controls.getByRole('status')).toHaveText('The figure is ready.');
  await expect(page.getByRole('group', { name: 'Print this chapter' }).getByRole('button', { name: 'Print with answers' })).toBeVisible();
});
