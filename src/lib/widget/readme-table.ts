/** A widget README's attribute table, kept between markers so a script can rewrite it from the spec. */
import { attributeTable, type AttributeSpecs } from './attribute-spec.ts';

export const BEGIN = '<!-- attributes: generated from attributes.ts by `npm run attribute-tables` -->';
export const END = '<!-- /attributes -->';

/** The table between the markers, or null when the README has none. */
export function tableIn(readme: string): string | null {
  const a = readme.indexOf(BEGIN), b = readme.indexOf(END);
  return a < 0 || b < a ? null : readme.slice(a + BEGIN.length, b).trim();
}

/** The README with its table (between the markers, else its first `| Attribute |` table) replaced by the spec's. */
export function readmeWithTable(readme: string, specs: AttributeSpecs): string {
  const block = `${BEGIN}\n${attributeTable(specs)}\n${END}`;
  const a = readme.indexOf(BEGIN), b = readme.indexOf(END);
  if (a >= 0 && b > a) return readme.slice(0, a) + block + readme.slice(b + END.length);
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => /^\| *attribute *\|/i.test(l));
  if (start < 0) return `${readme.trimEnd()}\n\n## Attributes\n\n${block}\n`;
  let end = start;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  return [...lines.slice(0, start), block, ...lines.slice(end)].join('\n');
}
