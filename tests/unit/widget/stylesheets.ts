/**
 * The stylesheets the CSS rules' unit tests read: every .css file under the given folders (recursively), as paths
 * from the repository root, and a sheet's text with its comments dropped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function stylesheets(...dirs: string[]): string[] {
  return dirs.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css')).map((f) => join(dir, f)));
}

/** A stylesheet's text without its comments. */
export function cssText(file: string): string {
  return withoutComments(readFileSync(file, 'utf8'));
}

export function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}
