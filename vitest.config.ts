import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { vulkanEnv } from './src/lib/engine/node.ts';

// Node WebGPU tests (Dawn) need the Vulkan loader's path before the test workers start: it is read at process start.
Object.assign(process.env, vulkanEnv());

export default defineConfig({
  resolve: {
    alias: {
      '@components': fileURLToPath(new URL('./components', import.meta.url)),
      '@lib': fileURLToPath(new URL('./src/lib', import.meta.url)),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Timeouts catch hangs, not slowness: a loaded 2-core machine ran the VGG oracle and AdaBN tests past 5 s.
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one on CI's 2 cores. Two there ran the suite in 159 s
    // instead of 268 s (same tests, all passed): with one, most test files are single-threaded and a core idles.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
