/**
 * The book's colours for activation functions (Okabe–Ito, safe for the common colour-vision deficiencies),
 * one per function in every chapter, with lighter variants for dark mode. Each curve also gets its own dash
 * pattern, so the legend never relies on colour alone. Widgets include PALETTE_CSS in their shadow styles
 * and stroke with `var(--fm-act-<name>)`.
 */
export const ACTIVATION_STYLE: Record<string, { dash: string }> = {
  relu: { dash: '' },
  'leaky-relu': { dash: '7 3' },
  sigmoid: { dash: '2 3' },
  tanh: { dash: '9 3 2 3' },
  gelu: { dash: '4 2' },
};

const LIGHT = '--fm-act-relu:#0072b2;--fm-act-leaky-relu:#d55e00;--fm-act-sigmoid:#007a5a;--fm-act-tanh:#b0528f;--fm-act-gelu:#7a6400;';
const DARK = '--fm-act-relu:#56b4e9;--fm-act-leaky-relu:#f5a05a;--fm-act-sigmoid:#3fd0a8;--fm-act-tanh:#e3a6cc;--fm-act-gelu:#f0e442;';

/** Starlight's theme attribute wins; on a foreign page the reader's system preference decides. */
export const PALETTE_CSS = `:host{${LIGHT}}
@media (prefers-color-scheme: dark){:host{${DARK}}}
:host-context([data-theme='light']){${LIGHT}}
:host-context([data-theme='dark']){${DARK}}`;

export function activationColor(name: string): string {
  return `var(--fm-act-${name})`;
}
