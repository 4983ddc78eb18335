/**
 * Writes each widget's README attribute table from its spec (components/<slug>/attributes.ts), between the
 * `<!-- attributes -->` markers, and its "Use it on your page" block (src/lib/widget/readme-usage.ts); `--check` only reports drift (exit 1). tests/unit/widget/attribute-spec.test.ts
 * runs the same comparison. A README without markers gets them around its first `| Attribute |` table.
 * Usage: npm run attribute-tables [-- --check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { WIDGETS } from '../src/lib/widget/registry.ts';
import { readmeWithTable } from '../src/lib/widget/readme-table.ts';
import { readmeWithUsage } from '../src/lib/widget/readme-usage.ts';

const check = process.argv.includes('--check');
let drift = 0;
for (const w of WIDGETS) {
  const path = `components/${w.slug}/README.md`;
  const text = readFileSync(path, 'utf8');
  const next = readmeWithUsage(readmeWithTable(text, w.spec), w, w.spec);
  if (next === text) continue;
  drift++;
  if (check) console.log(`${path}: the attribute table or usage block differs from what the registry gives`);
  else writeFileSync(path, next), console.log(`${path}: table written`);
}
if (check && drift) process.exit(1);
