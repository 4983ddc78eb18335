/**
 * One colour, dash pattern and marker per transfer strategy (Okabe–Ito hues, darker for light pages and
 * lighter for dark ones), so the same strategy looks the same in every figure and widget, and no figure relies
 * on colour alone. Use `var(--fm-strategy-<id>)` after including STRATEGY_CSS (a shadow root) or
 * src/styles/strategies.css (the book's pages load it; a unit test keeps it equal to STRATEGY_CSS).
 */
import type { StrategyId } from './strategies.ts';

export type Marker = 'circle' | 'square' | 'triangle' | 'triangle-down' | 'diamond' | 'cross' | 'plus' | 'star';

/**
 * Feature extraction warms from yellow to vermillion as the cut moves up (pool1, pool2, hidden); fine-tuning
 * arms are cool. An augmented arm has its baseline's colour with a hollow marker and its own dash.
 */
export const STRATEGY_STYLE: Record<StrategyId, { light: string; dark: string; dash: string; marker: Marker; hollow?: boolean }> = {
  'feature-extraction-pool1': { light: '#7d6c00', dark: '#f0e442', dash: '1 3', marker: 'plus', hollow: true },
  'feature-extraction-pool2': { light: '#a86400', dark: '#e69f00', dash: '6 2 1 2', marker: 'triangle-down' },
  'feature-extraction': { light: '#c04f00', dark: '#f5a05a', dash: '2 3', marker: 'triangle' },
  'feature-extraction-adabn': { light: '#a0457f', dark: '#e3a6cc', dash: '9 3 2 3', marker: 'diamond' },
  'conv-frozen': { light: '#5a4bb5', dark: '#b3a8ff', dash: '12 3', marker: 'star' },
  partial: { light: '#007a5a', dark: '#3fd0a8', dash: '7 3', marker: 'square' },
  full: { light: '#0072b2', dark: '#56b4e9', dash: '', marker: 'circle' },
  scratch: { light: '#555555', dark: '#c8c8c8', dash: '4 2', marker: 'cross', hollow: true },
  'conv-frozen-augment': { light: '#5a4bb5', dark: '#b3a8ff', dash: '3 2 3 6', marker: 'star', hollow: true },
  'full-augment': { light: '#0072b2', dark: '#56b4e9', dash: '1 1', marker: 'circle', hollow: true },
};

const vars = (mode: 'light' | 'dark') => Object.entries(STRATEGY_STYLE).map(([id, s]) => `--fm-strategy-${id}:${s[mode]};`).join('');

/** Starlight's theme attribute wins; elsewhere the reader's system preference decides. */
export const STRATEGY_CSS = `:root,:host{${vars('light')}}
@media (prefers-color-scheme: dark){:root:not([data-theme='light']),:host{${vars('dark')}}}
:root[data-theme='light']{${vars('light')}}
:root[data-theme='dark']{${vars('dark')}}`;

export const strategyColor = (id: StrategyId): string => `var(--fm-strategy-${id})`;

/** An SVG path for a marker of radius r centred on (x, y). */
export function markerPath(kind: Marker, x: number, y: number, r = 4): string {
  const f = (v: number) => +v.toFixed(2);
  switch (kind) {
    case 'circle': return `M${f(x - r)},${f(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square': return `M${f(x - r)},${f(y - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle': return `M${f(x)},${f(y - r * 1.15)}L${f(x + r)},${f(y + r * 0.85)}L${f(x - r)},${f(y + r * 0.85)}Z`;
    case 'triangle-down': return `M${f(x)},${f(y + r * 1.15)}L${f(x + r)},${f(y - r * 0.85)}L${f(x - r)},${f(y - r * 0.85)}Z`;
    case 'diamond': return `M${f(x)},${f(y - r * 1.2)}L${f(x + r)},${f(y)}L${f(x)},${f(y + r * 1.2)}L${f(x - r)},${f(y)}Z`;
    case 'cross': return `M${f(x - r)},${f(y - r)}L${f(x + r)},${f(y + r)}M${f(x - r)},${f(y + r)}L${f(x + r)},${f(y - r)}`;
    case 'plus': return `M${f(x - r * 1.2)},${f(y)}L${f(x + r * 1.2)},${f(y)}M${f(x)},${f(y - r * 1.2)}L${f(x)},${f(y + r * 1.2)}`;
    case 'star': {
      // Five points at radius 1.3r, five notches at 0.55r, the first point straight up.
      const pts = Array.from({ length: 10 }, (_, i) => {
        const a = -Math.PI / 2 + (i * Math.PI) / 5, rr = i % 2 ? r * 0.55 : r * 1.3;
        return `${f(x + rr * Math.cos(a))},${f(y + rr * Math.sin(a))}`;
      });
      return `M${pts.join('L')}Z`;
    }
  }
}

/** The fill of a marker: none for hollow ones (and for the open strokes, cross and plus). */
export const markerFill = (id: StrategyId): string => (STRATEGY_STYLE[id].hollow ? 'none' : strategyColor(id));
