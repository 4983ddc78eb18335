/**
 * Every built page, in both editions, is valid HTML: the Nu HTML Checker (the `vnu-jar` package, run offline with Java) reports no
 * error on any page of dist/; and no word runs into a bold, italic or link beside it. Both read files, not a browser,
 * so they run once (in the `page` project).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

// Astro dropped the space a line break stood for between text and an inline element in markup inside an expression
// (`{zh ? (…) : (…)}`, where JSX's whitespace rules apply): the device page read "WebGPU(your graphics card". Latin
// letters, digits or punctuation on both sides of a bold, italic, link or code tag (or a run of them, as in
// `<a><code>`) mean a lost space. Chinese needs none; an exercise's "Link" sits apart in its flex row.
test('no word runs into a bold, italic, link or code beside it on any built page', { tag: '@page' }, () => {
  const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
  expect(pages.length).toBeGreaterThanOrEqual(20);
  const glued = pages.flatMap((f) => {
    const text = readFileSync(`dist/${f}`, 'utf8').replace(/<(script|style|svg|math)\b[\s\S]*?<\/\1>/g, ' ');
    return [...text.matchAll(/[A-Za-z0-9,;:.!?)](?:<(?:strong|em|b|i|a|code|kbd)\b(?![^>]*fm-exercise-link)[^>]*>)+[A-Za-z0-9(]|[A-Za-z0-9.)](?:<\/(?:strong|em|b|i|a|code|kbd)>)+[A-Za-z0-9(]/g)]
      .map((m) => `${f}: ${m[0].slice(-40)}`);
  });
  expect(glued).toEqual([]);
});
