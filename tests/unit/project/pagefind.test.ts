/**
 * Pagefind is pinned exactly: the Chinese edition's search depends on its segmentation of Chinese (the extended
 * build, which Starlight's indexer runs), checked term by term in tests/e2e/zh.spec.ts. Moving to another version
 * is a change to make on purpose, with that spec run — not something a Starlight update does by the way.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('package.json pins the Pagefind version that is installed', () => {
  const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.pagefind;
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  // Its package.json is not among its exports: read the installed copy's file (npm ci installs what the lock says).
  const installed = (JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string }).version;
  expect(installed).toBe(pinned);
});
