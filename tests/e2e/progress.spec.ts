/**
 * Progress and assignments (issue 12, item 5): answers and revealed solutions kept in localStorage per page and
 * question, the chapter's "n of m questions and exercises answered" line and its Clear control, the sidebar's "read" marks, and
 * the "For teachers" pages. None of this depends on the backend, so every test is @page.
 */
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, widgetReady } from './support.ts';

const CHAPTER = '/chapters/loss-functions/';
const count = (page: Page) => page.locator('[data-fm-progress-count]');
const stored = (page: Page, id: string) =>
  page.evaluate((k) => localStorage.getItem(k), `fm-progress:v1:${CHAPTER}#${id}`);

test.describe('progress on a chapter', () => {
  test('an answer and a revealed solution survive a reload, the count follows, and Clear empties this page only @page', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(CHAPTER);
    const total = await page.locator('[data-fm-question]').count();
    expect(total).toBeGreaterThan(10);
    await expect(count(page)).toHaveText(`0 of ${total} questions and exercises answered`);

    const predicts = page.locator('.fm-predict');
    const first = predicts.nth(0);
    const second = predicts.nth(1);
    const exercise = page.locator('.fm-exercise').first();
    const firstId = (await first.getAttribute('id'))!;
    const secondId = (await second.getAttribute('id'))!;
    const exerciseId = (await exercise.getAttribute('id'))!;

    // Writing a prediction counts at once; a box of spaces does not.
    await first.getByRole('textbox', { name: 'Your prediction' }).fill('It goes down');
    await expect(count(page)).toHaveText(`1 of ${total} questions and exercises answered`);
    await second.getByRole('textbox', { name: 'Your prediction' }).fill('   ');
    await expect(count(page)).toHaveText(`1 of ${total} questions and exercises answered`);
    // Opening a solution counts, by keyboard as by mouse.
    await second.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(second.locator('details')).toHaveAttribute('open', '');
    await expect(count(page)).toHaveText(`2 of ${total} questions and exercises answered`);
    await exercise.getByRole('textbox', { name: 'Your answer' }).fill('dL/dz = p − y');
    await expect(count(page)).toHaveText(`3 of ${total} questions and exercises answered`);
    // Saved after a short pause in typing, not only when leaving the page.
    await expect.poll(() => stored(page, firstId)).toBe(JSON.stringify({ answer: 'It goes down', revealed: false }));
    await expect.poll(() => stored(page, secondId)).toBe(JSON.stringify({ answer: '   ', revealed: true }));

    // Another page's answers, to check Clear leaves them alone.
    const other = 'fm-progress:v1:/chapters/convolution/#q-basic-count';
    await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ answer: 'kept', revealed: false })), other);

    await page.reload();
    await expect(count(page)).toHaveText(`3 of ${total} questions and exercises answered`);
    await expect(first.getByRole('textbox', { name: 'Your prediction' })).toHaveValue('It goes down');
    await expect(exercise.getByRole('textbox', { name: 'Your answer' })).toHaveValue('dL/dz = p − y');
    await expect(second.locator('details')).toHaveAttribute('open', '');
    await expect(first.locator('details')).not.toHaveAttribute('open', '');
    expect(await stored(page, exerciseId)).toContain('p − y');

    // Clear asks first; declining keeps everything.
    const clear = page.getByRole('button', { name: 'Clear my answers on this page' });
    page.once('dialog', (d) => void d.dismiss());
    await clear.click();
    await expect(count(page)).toHaveText(`3 of ${total} questions and exercises answered`);
    page.once('dialog', (d) => void d.accept());
    await clear.click();
    await expect(count(page)).toHaveText(`0 of ${total} questions and exercises answered`);
    await expect(page.getByRole('status').filter({ hasText: 'were cleared' })).toBeVisible();
    await expect(first.getByRole('textbox', { name: 'Your prediction' })).toHaveValue('');
    await expect(second.locator('details')).not.toHaveAttribute('open', '');
    await page.reload();
    await expect(count(page)).toHaveText(`0 of ${total} questions and exercises answered`);
    await expect(exercise.getByRole('textbox', { name: 'Your answer' })).toHaveValue('');
    expect(await page.evaluate((k) => localStorage.getItem(k), other)).toContain('kept');
  });

  test('malformed stored values are ignored and printing does not count as revealing @page', async ({ page }) => {
    await page.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '{not json');
        localStorage.setItem('fm-read:v1', '"oops"');
        sessionStorage.setItem('seeded', '1');
      }
    }, `fm-progress:v1:${CHAPTER}#q-nothing`);
    await page.goto(CHAPTER);
    const total = await page.locator('[data-fm-question]').count();
    await expect(count(page)).toHaveText(`0 of ${total} questions and exercises answered`);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => {
      dispatchEvent(new Event('beforeprint'));
      dispatchEvent(new Event('afterprint'));
    });
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.fm-predict details[open]')).toHaveCount(0);
    await expect(count(page)).toHaveText(`0 of ${total} questions and exercises answered`);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fm-progress:v1:') && !k.endsWith('#q-nothing')))).toEqual([]);
  });

  test('the sidebar marks a chapter read once its summary is reached, and the mark survives a reload @page', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/chapters/activations/');
    const sidebar = page.locator('nav[aria-label="Main"]');
    await expect(sidebar.getByRole('link', { name: 'Activation functions', exact: true })).toBeVisible();
    await expect(sidebar.locator('.fm-read-mark')).toHaveCount(0);
    await page.locator('#summary').scrollIntoViewIfNeeded();
    await expect(sidebar.getByRole('link', { name: 'Activation functions (read)', exact: true })).toBeVisible();

    await page.goto('/teachers/');
    await expect(sidebar.getByRole('link', { name: 'Activation functions (read)', exact: true })).toBeVisible();
    await expect(sidebar.getByRole('link', { name: 'Convolution', exact: true })).toBeVisible();
    await expect(sidebar.locator('.fm-read-mark')).toHaveCount(1);
    await page.reload();
    await expect(sidebar.getByRole('link', { name: 'Activation functions (read)', exact: true })).toBeVisible();
  });

  test('the progress line, its Clear and the read marks speak the page\'s language, and again when it changes @page', async ({ page }) => {
    await page.goto(CHAPTER);
    const total = await page.locator('[data-fm-question]').count();
    await expect(count(page)).toHaveText(`0 of ${total} questions and exercises answered`);
    // Starlight's <main> carries the page's lang (zh-CN on a Chinese page): the chapter's tools inherit it from there.
    await page.evaluate(() => {
      localStorage.setItem('fm-read:v1', JSON.stringify(['/chapters/loss-functions/']));
      document.querySelector('main')!.lang = 'zh-CN';
    });
    await expect(count(page)).toHaveText(`已作答0/${total}道问题和练习`);
    // The boxes' labels were written when the page was built (English here); the script's words follow the page.
    await page.locator('.fm-predict').first().getByRole('textbox', { name: 'Your prediction' }).fill('下降');
    await expect(count(page)).toHaveText(`已作答1/${total}道问题和练习`);
    await expect(page.locator('[data-fm-progress-storage]')).toHaveText('你的答案只保存在这个浏览器中，不会发送到任何地方。');
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); void d.accept(); });
    await page.getByRole('button', { name: '清除我在本页的答案' }).click();
    expect(asked).toBe('要清除你在本页写下的所有内容，并重新收起所有解答吗？此操作无法撤销。');
    const status = page.locator('[data-fm-progress-status]');
    await expect(status).toHaveText('你在本页的答案已清除。');

    await page.evaluate(() => (document.querySelector('main')!.lang = 'en'));
    await expect(count(page)).toHaveText(`0 of ${total} questions and exercises answered`);
    await expect(status).toHaveText('Your answers on this page were cleared.');
    await expect(page.getByRole('button', { name: 'Clear my answers on this page' })).toBeVisible();

    // The sidebar's read mark, written after load, in the language of the page it is on (the sidebar is outside <main>).
    await page.reload();
    await page.evaluate(() => (document.documentElement.lang = 'zh-CN'));
    const sidebar = page.locator('nav[aria-label="Main"]');
    await expect(sidebar.locator('.fm-read-words')).toHaveText(['（已读）']);
    await page.evaluate(() => (document.documentElement.lang = 'en'));
    await expect(sidebar.locator('.fm-read-words')).toHaveText([' (read)']);
  });
});

test.describe('for teachers', () => {
  test('the teachers page lists every chapter with the questions and exercises its page has, linked to each, axe clean @page', async ({ page }) => {
    await page.goto('/teachers/');
    const chapterLinks = await page.locator('nav[aria-label="Main"] a[href*="/chapters/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    const sections = page.locator('section[data-chapter]');
    await expect(sections).toHaveCount(chapterLinks.length);
    expect(chapterLinks.length).toBeGreaterThanOrEqual(5);
    for (const section of await sections.all()) {
      const href = await section.locator('h2 a').evaluate((a) => (a as HTMLAnchorElement).pathname);
      expect(chapterLinks).toContain(href);
      await expect(section).toContainText('About');
      await expect(section.locator('h3', { hasText: 'Objectives' })).toHaveCount(1);
      const listed = async (kind: string) =>
        section.locator(`li[data-item="${kind}"] a`).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).hash));
      // The chapter as built: its questions and exercises, read without running it.
      const built = await page.evaluate(async (url) => {
        const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
        const ids = (sel: string) => [...doc.querySelectorAll(sel)].map((e) => `${url}#${e.id}`);
        return { questions: ids('.fm-predict'), exercises: ids('.fm-exercise') };
      }, href);
      expect(built.questions.length, href).toBeGreaterThan(0);
      expect(await listed('question'), href).toEqual(built.questions);
      expect(await listed('exercise'), href).toEqual(built.exercises);
    }
    await expect(page.getByText('Progress stays in the student’s browser.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the teachers page is axe clean in the dark theme @page', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
    await page.goto('/teachers/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the gallery switches widget from the select, keeps it in the URL, and its embed control names the widget; axe clean @page', async ({ page }) => {
    test.setTimeout(240_000);
    // The widget's own attributes in the URL set it up; its controls' changes go back into the URL.
    await page.goto('/teachers/gallery/?widget=loss-curves&classes=4');
    const select = page.getByRole('combobox', { name: 'Widget' });
    await expect(select).toHaveValue('loss-curves');
    const curves = page.locator('fm-loss-curves#gallery-widget');
    await expect(curves).toHaveAttribute('classes', '4');
    await expect(curves).toHaveAttribute('status', 'ready');
    await curves.getByRole('spinbutton', { name: 'Classes K' }).fill('6');
    await curves.getByRole('spinbutton', { name: 'Classes K' }).press('Tab');
    await expect(curves).toHaveAttribute('classes', '6');
    await expect(page).toHaveURL(/\?widget=loss-curves&(.*&)?classes=6(&|$)/);
    await page.reload();
    await expect(curves).toHaveAttribute('classes', '6');
    const curvesControl = page.locator('fm-embed-control[widget="loss-curves"][for="gallery-widget"]');
    await curvesControl.getByText('Embed or share this figure').click();
    await expect(curvesControl.locator('textarea')).toHaveValue(/loss-curves\/\?(.*&amp;)?classes=6/);

    await select.selectOption('softmax-explorer');
    await expect(page).toHaveURL(/\?widget=softmax-explorer(&|$)/);
    const widget = page.locator('fm-softmax-explorer#gallery-widget');
    await expect(widget).toHaveCount(1);
    await expect(page.locator('#gallery-widget')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 2, name: 'Softmax and cross-entropy explorer' })).toBeVisible();
    await widgetReady(widget);
    const control = page.locator('fm-embed-control[widget="softmax-explorer"][for="gallery-widget"]');
    await control.getByText('Embed or share this figure').click();
    await expect(control.locator('textarea')).toHaveValue(/softmax-explorer/);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await expect(select).toHaveValue('softmax-explorer');
    await expect(page.locator('fm-softmax-explorer#gallery-widget')).toHaveCount(1);
  });

  test('the gallery names an unknown widget as text and shows the first one @page', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/teachers/gallery/?widget=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await expect(page.locator('[data-fm-gallery-status]')).toHaveText(/^There is no widget called “<img src=x onerror=alert\(1\)>”/);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    await expect(page.locator('#gallery-widget')).toHaveCount(1);
    await expect(page.getByRole('combobox', { name: 'Widget' })).toHaveValue((await page.locator('#gallery-widget').evaluate((e) => e.localName)).replace(/^fm-/, ''));
    expect(dialogs).toEqual([]);
  });
});

test('the teachers page and the gallery do not scroll sideways on a 320 px phone @page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const url of ['/teachers/', '/teachers/gallery/?widget=loss-curves']) {
    await page.goto(url);
    await expect(page.locator('h1')).toBeVisible();
    if (url.includes('gallery')) await expect(page.locator('fm-loss-curves#gallery-widget')).toHaveAttribute('status', 'ready');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});
