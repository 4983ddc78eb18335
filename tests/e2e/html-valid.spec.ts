/**
 * Every built page, in both editions, is valid HTML: the Nu HTML Checker (the `vnu-jar` package, run offline with Java) reports no
 * error on any page of dist/. It reads files, not a browser, so it runs once (in the `page` project).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect } from '@playwright/test';

test('the Nu HTML Checker reports no error on any built page', { tag: '@page' }, () => {
  const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => `dist/${f}`);
  expect(pages.length).toBeGreaterThanOrEqual(20); // the book, its embed pages and the 404
  expect(pages.filter((p) => p.startsWith('dist/zh-cn/')).length).toBeGreaterThanOrEqual(12); // the Chinese edition too
  const jar = String(createRequire(import.meta.url)('vnu-jar')); // the package exports the jar's path
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'gnu', ...pages], { encoding: 'utf8' });
  expect(r.error, 'java must be installed (npm test installs it with apt-get)').toBeUndefined();
  const errors = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
  expect(errors).toEqual([]);
  expect(r.status).toBe(0);
});
