import { test, expect, axeViolations } from './support.ts';

/** The engine as the reader sees it on /device/: backend, adapter and the reasons for any fallback. */
test.describe('engine on /device/', () => {
  test('chooses WebGPU when the browser has it, else says why not', async ({ page, watch }, info) => {
    await page.goto('/device/');
    const report = page.locator('fm-engine-report');
    await expect(report).toHaveAttribute('status', 'ready');
    const engine = await page.evaluate(async () => {
      const e = await window.FeatureMaps!.getEngine();
      return { backend: e.backend, adapter: e.adapter, fallbackReason: e.fallbackReason ?? null };
    });
    if (info.project.name === 'webgpu') {
      expect(engine.backend).toBe('webgpu');
      expect(engine.adapter?.architecture).toBe('swiftshader');
      expect(engine.adapter?.isSoftware).toBe(true);
      expect(engine.fallbackReason).toBeNull();
      await expect(report.locator('[data-field="backend"]')).toHaveText('WebGPU');
      await expect(page.locator('fm-device-badge').first()).toHaveAttribute('data-backend', 'webgpu');
    } else {
      expect(['webgl', 'cpu']).toContain(engine.backend);
      // Chromium with WebGPU switched off still has navigator.gpu, but no adapter; without it, navigator.gpu is missing.
      expect(engine.fallbackReason).toMatch(/navigator\.gpu is missing|no usable GPU adapter/);
      await expect(report.locator('[data-role="summary"]')).toContainText('Not on WebGPU because');
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('?backend=cpu forces the CPU and says it was asked for', async ({ page }) => {
    await page.goto('/device/?backend=cpu');
    await expect(page.locator('fm-engine-report')).toHaveAttribute('status', 'ready');
    await expect(page.locator('fm-engine-report [data-field="backend"]')).toHaveText('CPU');
    await expect(page.locator('fm-engine-report [data-field="log"]')).toContainText('the page asked for cpu');
  });

  test('an unknown ?backend= value is ignored, not obeyed or echoed as HTML', async ({ page }, info) => {
    await page.goto('/device/?backend=%3Cscript%3Ealert(1)%3C/script%3E');
    await expect(page.locator('fm-engine-report')).toHaveAttribute('status', 'ready');
    const engine = await page.evaluate(async () => {
      const e = await window.FeatureMaps!.getEngine();
      return { backend: e.backend, log: e.log };
    });
    expect(engine.log.join(' ')).not.toContain('the page asked for');
    if (info.project.name === 'webgpu') expect(engine.backend).toBe('webgpu');
    else expect(['webgl', 'cpu']).toContain(engine.backend);
    expect(await page.locator('script:text("alert(1)")').count()).toBe(0);
  });
});

/**
 * The device badge's WebGPU probe (components/device-badge/probe-aside.ts): asked in a worker, so the page's main
 * thread never sets WebGPU up for it; asked on the main thread where no worker can start.
 */
test.describe('the device badge\'s probe', () => {
  const countMainThreadRequests = () => {
    const w = window as unknown as { mainAdapterRequests: number };
    w.mainAdapterRequests = 0;
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    if (!gpu) return;
    const request = gpu.requestAdapter.bind(gpu);
    gpu.requestAdapter = (options) => (w.mainAdapterRequests++, request(options));
  };
  const mainRequests = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { mainAdapterRequests: number }).mainAdapterRequests);
  const expectProbed = async (page: import('@playwright/test').Page, project: string) => {
    const badge = page.locator('fm-device-badge .badge').first();
    if (project === 'webgpu') {
      await expect(badge).toHaveText('WebGPU available · software adapter');
      await expect(badge).toHaveAttribute('title', /google \/ swiftshader, a software adapter/);
    } else {
      await expect(badge).toHaveText('No WebGPU · WebGL/CPU');
      await expect(badge).toHaveAttribute('title', /no usable GPU adapter|navigator\.gpu is missing/);
    }
  };

  /** Two more badges join the landing page's: all three say what the probe found. */
  const threeBadgesProbed = async (page: import('@playwright/test').Page, project: string) => {
    await page.evaluate(async () => {
      await customElements.whenDefined('fm-device-badge');
      for (let i = 0; i < 2; i++) document.querySelector('main')!.append(document.createElement('fm-device-badge'));
    });
    const badges = page.locator('fm-device-badge .badge');
    await expect(badges).toHaveCount(3);
    for (let i = 0; i < 3; i++) await expect(badges.nth(i)).toHaveText(project === 'webgpu' ? 'WebGPU available · software adapter' : 'No WebGPU · WebGL/CPU');
  };

  test('asks for the adapter in a worker, not on the page\'s main thread', async ({ page, watch }, info) => {
    await page.addInitScript(countMainThreadRequests);
    const worker = page.waitForEvent('worker', (w) => w.url().endsWith('/widgets/v1/probe-worker.js'));
    await page.goto('/');
    await worker;
    await expectProbed(page, info.project.name);
    expect(await mainRequests(page)).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('badges share one probe: three on a page start one worker and ask for one adapter', async ({ page, watch }, info) => {
    await page.addInitScript(countMainThreadRequests);
    const workers: string[] = [];
    page.on('worker', (w) => { if (w.url().endsWith('/widgets/v1/probe-worker.js')) workers.push(w.url()); });
    await page.goto('/');
    await threeBadgesProbed(page, info.project.name);
    expect(workers).toHaveLength(1);
    expect(await mainRequests(page)).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('where the worker cannot start (its file missing), asks on the main thread, once for every badge', async ({ page }, info) => {
    await page.addInitScript(countMainThreadRequests);
    await page.route('**/widgets/v1/probe-worker.js', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto('/');
    await threeBadgesProbed(page, info.project.name);
    await expectProbed(page, info.project.name);
    expect(await mainRequests(page)).toBe(1);
  });
});

/** The reader's language (src/lib/i18n/): an element speaks its own or its nearest ancestor's `lang`, and follows a change. */
test.describe('the engine in the reader\'s language', () => {
  // The badge's words follow its language whichever backend it names: once, in the `page` project (the CPU).
  test('fm-device-badge inside lang="zh-CN" is Chinese, turns English when the attribute becomes en, and lang="xx" is English', { tag: '@page' }, async ({ page, watch }) => {
    await page.goto('/device/');
    await expect(page.locator('fm-engine-report')).toHaveAttribute('status', 'ready');
    await page.evaluate(async () => {
      await customElements.whenDefined('fm-device-badge');
      const div = Object.assign(document.createElement('div'), { id: 'reader-lang', lang: 'zh-CN' });
      div.append(document.createElement('fm-device-badge'));
      document.querySelector('main')!.append(div);
    });
    const div = page.locator('#reader-lang');
    const badge = div.locator('fm-device-badge .badge');
    const setLang = (lang: string) => div.evaluate((d, l) => d.setAttribute('lang', l), lang);

    await expect(badge.locator('.text')).toHaveText(/^计算后端：(WebGPU|WebGL|CPU)/);
    await expect(badge).toHaveAttribute('aria-label', /^计算后端：/);
    await expect(badge).toHaveAttribute('lang', 'zh-CN');
    // Before lang="xx", which axe rightly rejects as a language code: here the test's own markup is at fault, not the badge.
    expect(await axeViolations(page, '#reader-lang')).toEqual([]);
    await setLang('en');
    await expect(badge.locator('.text')).toHaveText(/^Compute: (WebGPU|WebGL|CPU)/);
    await expect(badge).toHaveAttribute('aria-label', /^Computing with /);
    await setLang('zh-Hans');
    await expect(badge.locator('.text')).toHaveText(/^计算后端：/);
    await setLang('xx');
    await expect(badge.locator('.text')).toHaveText(/^Compute: /);
    await expect(badge).toHaveAttribute('lang', 'en');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('fm-engine-report in lang="zh-CN" is Chinese once ready, and English again without re-checking', { tag: '@webgpu-only' }, async ({ page, watch }) => {
    await page.goto('/device/');
    const report = page.locator('fm-engine-report');
    await expect(report).toHaveAttribute('status', 'ready');
    await expect(report.locator('[data-field="kernels"] li').first()).not.toHaveText('Not checked yet.');
    await report.evaluate((el) => { const w = window as unknown as { results: number }; w.results = 0; el.addEventListener('fm-result', () => w.results++); });
    const heading = report.locator('h3').first();
    await report.evaluate((el) => el.setAttribute('lang', 'zh-CN'));
    await expect(heading).toHaveText('计算引擎如何选择后端');
    await expect(report.locator('dt').first()).toHaveText('后端');
    await expect(report.locator('[data-role="summary"]')).toHaveText(/^计算后端：WebGPU/);
    await expect(report.locator('[data-field="adapter"]')).toHaveText(/——软件适配器$/);
    await expect(report.locator('[data-field="ms"]')).toHaveText(/^加载TensorFlow\.js、选择并检查后端共用时\d+毫秒$/);
    await expect(report.locator('[data-field="log"] li')).toHaveText(['WebGPU已启动，并通过了冒烟测试。']);
    for (const li of await report.locator('[data-field="kernels"] li').allTextContents()) expect(li).toMatch(/：/);
    await report.evaluate((el) => el.setAttribute('lang', 'en'));
    await expect(heading).toHaveText('How the engine chose');
    await expect(report.locator('[data-field="adapter"]')).toHaveText(/ — software adapter$/);
    await expect(report.locator('[data-field="log"] li')).toHaveText(['WebGPU started and passed the smoke check.']);
    await expect(report.locator('[data-field="kernels"] li').first()).toHaveText(/^[^：]+: /);
    expect(await page.evaluate(() => (window as unknown as { results: number }).results)).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a widget\'s message line and Retry follow its language', { tag: '@webgpu-only' }, async ({ page }) => {
    await page.goto('/device/');
    const report = page.locator('fm-engine-report');
    await expect(report).toHaveAttribute('status', 'ready');
    // The report is ready twice: once the engine has started, again once its GPU kernels are checked. Fail it after both.
    await expect(report.locator('[data-field="kernels"] li').first()).not.toHaveText('Not checked yet.');
    // An unexpected failure, as a guarded computation that throws would report it (FmElement.failed).
    await report.evaluate((el) => {
      el.setAttribute('lang', 'zh-CN');
      (el as unknown as { failed(err: unknown, retry: () => void): void }).failed(new Error('boom'), () => {});
    });
    const line = report.locator('[data-role="message"]');
    await expect(line).toHaveText('出错了：boom');
    await expect(report.getByRole('button', { name: '重试' })).toBeVisible();
    await report.evaluate((el) => el.setAttribute('lang', 'en'));
    await expect(line).toHaveText('Something went wrong: boom');
    await expect(report.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(report).toHaveAttribute('status', 'error');
  });
});
