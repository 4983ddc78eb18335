import { defineConfig } from '@playwright/test';
import { executablePath, quiet } from './tests/e2e/chromium.ts';
export const PORT = Number(process.env.FM_TEST_PORT ?? 4399);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve.mts dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  // Specs named *.webgpu.spec.ts / *.fallback.spec.ts hold checks that only mean something in one project.
  // Within a shared spec, a test tagged @webgpu-only checks what does not depend on the backend (bad inputs, keyboard,
  // a widget's own axe run, chapter pages), so the fallback project does not repeat it; it runs each widget's
  // computation, leak and cancel checks, and (@fallback-only) axe on every embed page with its fallback notice shown.
  projects: [
    {
      name: 'webgpu',
      testIgnore: /\.fallback\.spec\.ts$/,
      grepInvert: /@fallback-only/,
      use: { launchOptions: { executablePath, args: [...quiet, '--enable-unsafe-webgpu'] } },
    },
    {
      name: 'fallback',
      testIgnore: /\.webgpu\.spec\.ts$/,
      grepInvert: /@webgpu-only/,
      // No WebGPU at all: the engine must fall back to WebGL (SwiftShader GL) or the CPU and say why.
      use: { launchOptions: { executablePath, args: [...quiet, '--disable-features=WebGPU'] } },
    },
  ],
});
