/**
 * src/components/MobileMenuToggle.astro is Starlight's phone-menu button with one selector written with child steps.
 * It freezes Starlight's markup and styles, so a Starlight upgrade that changes them fails here: the copy must then
 * be taken again from the new version, with the same one change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ours = readFileSync('src/components/MobileMenuToggle.astro', 'utf8');
const upstream = readFileSync('node_modules/@astrojs/starlight/dist/components/MobileMenuToggle.astro', 'utf8');

/** The component without its frontmatter (comment and imports), whitespace collapsed. */
const body = (src: string) => src.replace(/^---[\s\S]*?---/, '').replace(/\s+/g, ' ').trim();

describe("the phone menu's button", () => {
  it("is Starlight's, but for the body rule's child steps", () => {
    const ourSelector = 'body:has(> .page > .sidebar > #starlight__sidebar:popover-open)';
    expect(ours.split(ourSelector)).toHaveLength(3);
    expect(body(ours).replaceAll(ourSelector, 'body:has(#starlight__sidebar:popover-open)')).toBe(body(upstream));
  });

  it("renders Starlight's icon component, as Starlight's does", () => {
    expect(upstream).toMatch(/import Icon from '\.\.\/user-components\/Icon\.astro';/);
    expect(ours).toMatch(/import \{ Icon \} from '@astrojs\/starlight\/components';/);
  });
});
