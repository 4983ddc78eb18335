/**
 * package.json declares exactly what the code imports: a package that is imported but not declared works only while
 * npm happens to hoist it (and breaks on the next lockfile change); code that ships to readers' browsers must
 * import only `dependencies`. Imports are read with TypeScript's own pre-processor (static, dynamic, re-exports).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Files that run in Node only, though they sit beside page code (none of their imports reaches a page). */
const NODE_ONLY = new Set(['src/lib/engine/node.ts']);

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(join(root, path)).isDirectory() ? files(path) : /\.(ts|mts|mjs|astro)$/.test(name) ? [path] : [];
  });
}

/** The code of a file: all of a .ts file; an .astro file's frontmatter and <script> blocks. */
function code(path: string): string {
  const text = readFileSync(join(root, path), 'utf8');
  if (!path.endsWith('.astro')) return text;
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

/** Bare package names a source imports (no relative paths, aliases, node: builtins or virtual modules). */
export function packagesImported(source: string): string[] {
  const names = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  return [...new Set(names
    .filter((n) => !/^(\.|\/|@lib\/|@components\/|astro:|virtual:|node:)/.test(n) && !builtinModules.includes(n))
    .map((n) => n.replace(/\?.*$/, '').split('/').slice(0, n.startsWith('@') ? 2 : 1).join('/')))];
}

const tree = ['src', 'components', 'scripts', 'tests', 'content'].flatMap(files)
  .concat(['astro.config.mjs', 'vitest.config.ts', 'playwright.config.ts']);

describe('package.json', () => {
  it('finds imports of every kind (a check on the scanner itself)', () => {
    expect(packagesImported(`import a from 'd3-scale'; import '@tensorflow/tfjs-core/dist/x'; const m = await import('esbuild');
      export { b } from "@scope/pkg"; import c from './local.ts'; import d from '@lib/x'; import e from 'node:fs'; import f from 'fs';`))
      .toEqual(['d3-scale', '@tensorflow/tfjs-core', 'esbuild', '@scope/pkg']);
  });

  it('declares every package the code imports', () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const undeclared = tree.flatMap((f) => packagesImported(code(f)).filter((p) => !declared.has(p)).map((p) => `${f} imports ${p}`));
    expect(undeclared).toEqual([]);
  });

  it('declares no runtime dependency that nothing imports', () => {
    const used = new Set(tree.flatMap((f) => packagesImported(code(f))));
    expect(Object.keys(pkg.dependencies).filter((p) => !used.has(p))).toEqual([]);
  });

  it('ships to the browser only what `dependencies` declares', () => {
    const browser = tree.filter((f) => /^(src\/lib|components)\/.*\.ts$/.test(f) && !NODE_ONLY.has(f));
    const dev = browser.flatMap((f) => packagesImported(code(f)).filter((p) => !(p in pkg.dependencies)).map((p) => `${relative('.', f)} imports ${p}`));
    expect(dev).toEqual([]);
  });
});
