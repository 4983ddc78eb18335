/**
 * importAgain's reading of a failed dynamic import: the URL Chromium's and Firefox's messages name (the module is
 * imported again at it, with a fresh query), none from Safari's or from other errors (those are thrown as they are).
 * The retry itself, with Chromium keeping the failed module, is tests/e2e/faults.spec.ts ("a widget whose code cannot
 * load").
 */
import { describe, expect, it } from 'vitest';
import { failedModuleUrl, importAgain } from '../../../src/lib/widget/import-again.ts';

describe('failedModuleUrl', () => {
  it('reads the module URL from Chromium\'s and Firefox\'s messages', () => {
    expect(failedModuleUrl(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4431/widgets/v1/chunks/lab-runner-Y3SN4YA2.js')))
      .toBe('http://127.0.0.1:4431/widgets/v1/chunks/lab-runner-Y3SN4YA2.js');
    expect(failedModuleUrl(new TypeError('error loading dynamically imported module: https://book.example/widgets/v1/chunks/a.js')))
      .toBe('https://book.example/widgets/v1/chunks/a.js');
  });
  it('finds none in Safari\'s message, in other errors or in a name that is not a URL', () => {
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeNull();
    expect(failedModuleUrl(new Error('Tensor is disposed'))).toBeNull();
    expect(failedModuleUrl(new TypeError('Failed to fetch dynamically imported module: not a url'))).toBeNull();
    expect(failedModuleUrl('a string')).toBeNull();
  });
});

describe('importAgain', () => {
  it('returns what the import gives, and throws an error that names no module as it is', async () => {
    await expect(importAgain(async () => ({ x: 1 }))).resolves.toEqual({ x: 1 });
    const err = new Error('Tensor is disposed');
    await expect(importAgain(async () => { throw err; })).rejects.toBe(err);
  });
});
