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
  // Every widget's computation, leak and cancel checks run in both `webgpu` and `fallback`. A check that does not
  // depend on the backend runs once: tagged @page (bad inputs, keyboard, axe, language, chapter pages, print) in
  // `page`, a browser with no GPU at all, where the widgets compute on TensorFlow.js's CPU backend with no shader
  // to compile (3-6x sooner to a first result than SwiftShader's WebGPU here); tagged @webgpu-only where it needs
  // a device (device loss, our WGSL) or trains (the CPU takes seconds a batch).
  projects: [
    {
      name: 'webgpu',
      testIgnore: /\.fallback\.spec\.ts$/,
      grepInvert: /@page/,
      // Dawn's robustness pass (bounds clamps on every buffer access) is off: SwiftShader then compiles smaller
      // shaders, and a widget's first result came 10-30% sooner (domain shift 13.2-14.2 s -> 10.0-10.1 s, playground
      // 3.6-3.7 -> 3.1-3.3 s). Readers' browsers keep it on; the clamps only hide out-of-bounds accesses, so without
      // them an access past a buffer shows up here as wrong numbers instead of silently reading a clamped value.
      use: { launchOptions: { executablePath, args: [...quiet, '--enable-unsafe-webgpu', '--enable-dawn-features=disable_robustness'] } },
    },
    {
      name: 'fallback',
      testIgnore: /\.webgpu\.spec\.ts$/,
      grepInvert: /@webgpu-only|@page/,
      // No WebGPU at all: the engine must fall back to WebGL (SwiftShader GL) or the CPU and say why.
      use: { launchOptions: { executablePath, args: [...quiet, '--disable-features=WebGPU'] } },
    },
    {
      name: 'page',
      testIgnore: /\.(webgpu|fallback)\.spec\.ts$/,
      grep: /@page/,
      // Neither WebGPU nor WebGL (no GPU process): the CPU backend, and the notice saying why, as on an old phone.
      use: { launchOptions: { executablePath, args: [...quiet, '--disable-features=WebGPU', '--disable-gpu', '--disable-software-rasterizer'] } },
    },
  ],
});
