/**
 * A small scan of a chapter's MDX for symbols used in a role the notation table (./symbols.ts) gives to another
 * symbol: the number of classes written k, classes indexed by k, a kernel K × K, frozen layers counted by k or n,
 * a dense layer in row form (x W), label smoothing written ε, and ε for anything but noise.
 *
 * It reads math ($…$, $$…$$ blocks) and the prose around it line by line, as the chapters are written (one
 * paragraph, caption or list item per line). Heuristics, not a TeX parser: each rule matches the ways the book
 * has actually slipped, and tests/unit/notation/ feeds it bad snippets to prove that it fails.
 */
import { entryFor } from './symbols.ts';

export type RuleId =
  | 'class-count' | 'class-index' | 'kernel-size' | 'frozen-layers'
  | 'dense-row-form' | 'label-smoothing-epsilon' | 'epsilon-not-noise';

export interface Violation { line: number; rule: RuleId; message: string; found: string }

/** A piece of math, or a line of prose (with its math), and the words around it that give it a meaning. */
interface Piece { line: number; text: string; math: boolean; context: string }

const sym = (role: Parameters<typeof entryFor>[0]): string => `$${entryFor(role).tex}$`;

export const MESSAGES: Record<RuleId, string> = {
  'class-count': `the number of classes is ${sym('class-count')} (${sym('kernel-size')} is the kernel size)`,
  'class-index': `classes are indexed by ${sym('class-index')}, from 1 to ${sym('class-count')}; ${sym('kernel-size')} is the kernel size`,
  'kernel-size': `the kernel size is ${sym('kernel-size')}; ${sym('class-count')} is the number of classes`,
  'frozen-layers': `the number of frozen layers is ${sym('frozen-layers')} (${sym('kernel-size')} is the kernel size, $n$ the labelled examples per class)`,
  'dense-row-form': `a dense layer is written in column form, ${sym('dense-layer')}; backpropagation multiplies by W_l^⊤ on the left`,
  'label-smoothing-epsilon': `the label-smoothing parameter is ${sym('label-smoothing')}; ε means noise only`,
  'epsilon-not-noise': `${sym('noise')} means noise only; BatchNorm's constant is ${sym('bn-constant')}, domain errors are ${sym('domain-risk')}`,
};

const EPSILON = /\\(?:var)?epsilon(?![A-Za-z])|[εϵ]/g;
const KERNEL_WORDS = /kernel|window|filter|conv|pool|stride|padding|dilat|receptive/i;

/** Spacing and sizing commands removed, so `\Big) \, W_l^{\top}` reads `)W_l^{\top}`. */
export function normaliseTex(tex: string): string {
  return tex.replace(/\\(?:(?:left|right|[Bb]igg?[lr]?|qquad|quad)(?![A-Za-z])|[,;:! ])/g, '').replace(/\s+/g, '');
}

type Check = (p: Piece) => { rule: RuleId; found: string }[];
const hits = (rule: RuleId, text: string, re: RegExp) => [...text.matchAll(re)].map((m) => ({ rule, found: m[0] }));

const MATH_CHECKS: Check[] = [
  // A sum over classes that runs to k; a bare k in math about classes (not about kernels or windows).
  (p) => hits('class-count', normaliseTex(p.text), /\\sum_(?:\{[^}]*\}|[A-Za-z0-9])\^(?:\{k\}|k)/g),
  (p) => (/\bclass(?:es)?\b/i.test(p.context) && !KERNEL_WORDS.test(p.context) ? hits('class-count', p.text, /(?<![A-Za-z\\])k(?![A-Za-z_'])/g) : []),
  // Logits, probabilities or targets indexed by k; a sum over k.
  (p) => hits('class-index', normaliseTex(p.text), /(?<![A-Za-z\\])(?:[zpyq]|\))_(?:\{k\}|k)|\\sum_(?:\{k(?:=\d)?\}|k)/g),
  (p) => hits('kernel-size', normaliseTex(p.text), /(?<![A-Za-z\\_])K\\timesK(?![A-Za-z])/g),
  // Row form: a vector times W (x W, h_{l-1} W_l); its backward pass (…) W_l^⊤ and h_{l-1}^⊤ (…).
  (p) => hits('dense-row-form', normaliseTex(p.text), /(?<![A-Za-z\\{])[xvh](?:_\{[^}]*\}|_[A-Za-z0-9])?W(?![a-z])|\)W_\{?l\}?\^\{?\\top|h_\{l-1\}\^\{?\\top\}?\(/g),
];

const PROSE_CHECKS: Check[] = [
  (p) => hits('class-count', p.text, /\$\s*k\s*\$[\s-]*(?:classes\b|class\b|way\b)|(?<![\w$\\])k(?:\s+classes\b|-way\b)/g),
  (p) => hits('frozen-layers', p.text, /\$\s*[kKnm]\s*\$\s+layers?\b|\blayers?\s+\$\s*[kKn]\s*\$/g),
];

/** ε is either label smoothing (a specific message) or something else that is not noise. */
function epsilonCheck(p: Piece): { rule: RuleId; found: string }[] {
  const smoothing = /smooth/i.test(p.context) || /\(1-\\(?:var)?epsilon\)|\\(?:var)?epsilon\/K|\\frac\{\\(?:var)?epsilon\}/.test(normaliseTex(p.text));
  if (smoothing) return hits('label-smoothing-epsilon', p.text, EPSILON);
  return /noise/i.test(p.context) ? [] : hits('epsilon-not-noise', p.text, EPSILON);
}

/** Splits an MDX file into math pieces and prose lines (frontmatter included: objectives name symbols too), skipping imports and code. */
function pieces(mdx: string): Piece[] {
  const lines = mdx.split('\n');
  const out: Piece[] = [];
  let fence = false;
  let i = 0;
  const near = (from: number, step: number): string => {
    for (let n = from; n >= 0 && n < lines.length; n += step) if (lines[n]!.trim() && lines[n]!.trim() !== '$$') return lines[n]!;
    return '';
  };
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (/^\s*```/.test(raw)) fence = !fence;
    if (fence || /^\s*```/.test(raw) || /^(?:import|export)\s/.test(raw)) continue;
    if (raw.trim() === '$$') {
      const end = lines.findIndex((l, n) => n > i && l.trim() === '$$');
      const stop = end < 0 ? lines.length : end;
      const block = lines.slice(i + 1, stop);
      const context = [near(i - 1, -1), ...block, near(stop + 1, 1)].join('\n');
      block.forEach((text, n) => out.push({ line: i + 2 + n, text, math: true, context }));
      i = stop;
      continue;
    }
    const line = raw.replace(/`[^`]*`/g, '``');
    out.push({ line: i + 1, text: line, math: false, context: line });
    for (const m of line.matchAll(/\$\$([^$]+)\$\$|(?<!\\)\$([^$]+?)(?<!\\)\$/g)) {
      out.push({ line: i + 1, text: m[1] ?? m[2]!, math: true, context: line });
    }
  }
  return out;
}

/** Every use of a symbol in a role the notation table gives to another, in line order. */
export function scanMdx(mdx: string): Violation[] {
  const found: Violation[] = [];
  for (const p of pieces(mdx)) {
    const checks = p.math ? [...MATH_CHECKS, epsilonCheck] : [...PROSE_CHECKS, (q: Piece) => epsilonCheck({ ...q, text: q.text.replace(/\$[^$]*\$/g, '') })];
    for (const check of checks) for (const h of check(p)) found.push({ line: p.line, rule: h.rule, message: MESSAGES[h.rule], found: h.found });
  }
  const seen = new Set<string>();
  return found
    .filter((v) => !seen.has(`${v.line} ${v.rule} ${v.found}`) && seen.add(`${v.line} ${v.rule} ${v.found}`))
    .sort((a, b) => a.line - b.line);
}
