/**
 * The book's activation functions and their derivatives in float64: the oracle every widget and test
 * compares against. GELU is the exact form x·Φ(x) (Hendrycks & Gimpel 2016), not the tanh approximation;
 * `geluTanh` is kept only so tests and the text can show how close the approximation is.
 */
import { normalCdf, normalPdf } from './erf.ts';
import { msg } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';

export const ACTIVATIONS = ['relu', 'leaky-relu', 'sigmoid', 'tanh', 'gelu'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** Leaky ReLU's default slope for x < 0 (Maas et al. used 0.01; 0.1 is visible on a plot). */
export const DEFAULT_SLOPE = 0.1;

export interface Activation {
  name: ActivationName;
  label: string;
  f(x: number): number;
  /** The derivative; at ReLU's kink we use the value tfjs uses (the left one, 0 or the slope). */
  df(x: number): number;
}

export function sigmoid(x: number): number {
  // Two branches so that exp never overflows: e^(−|x|) ≤ 1.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function activation(name: ActivationName, slope = DEFAULT_SLOPE): Activation {
  switch (name) {
    case 'relu':
      return { name, label: 'ReLU', f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0) };
    case 'leaky-relu':
      return { name, label: `Leaky ReLU (slope ${slope})`, f: (x) => (x > 0 ? x : slope * x), df: (x) => (x > 0 ? 1 : slope) };
    case 'sigmoid':
      return { name, label: 'Sigmoid', f: sigmoid, df: (x) => { const s = sigmoid(x); return s * (1 - s); } };
    case 'tanh':
      return { name, label: 'tanh', f: Math.tanh, df: (x) => { const t = Math.tanh(x); return 1 - t * t; } };
    case 'gelu':
      return { name, label: 'GELU', f: (x) => x * normalCdf(x), df: (x) => normalCdf(x) + x * normalPdf(x) };
  }
}

/**
 * The function's label for a reader (`say(lang, …)`): Leaky ReLU's names its slope in the reader's language; the
 * names themselves are the same in every language (the checkboxes show them as they are). `label` above stays the English text (fm-result details carry it).
 */
export function activationLabel(name: ActivationName, slope = DEFAULT_SLOPE): Msg | string {
  return name === 'leaky-relu' ? msg('activations.withSlope', { name: 'Leaky ReLU', slope: String(slope) }) : activation(name, slope).label;
}

/** GELU's tanh approximation 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))), for comparison only. */
export function geluTanh(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

/** Softmax with the maximum subtracted first (stable for any finite logits); introduced here, used in Chapter 4. */
export function softmax(logits: readonly number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
