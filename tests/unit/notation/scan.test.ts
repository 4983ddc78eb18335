/** scanMdx: each rule fails on the slips it exists for, and stays quiet on the book's own notation. */
import { describe, expect, it } from 'vitest';
import { scanMdx, normaliseTex, type RuleId } from '../../../src/lib/notation/scan.ts';

/** A chapter-like snippet: the offending text on line 3, after a heading. */
const inChapter = (body: string): string => `## Section\n\n${body}\n`;

describe('scanMdx flags', () => {
  it.each<[string, RuleId, string]>([
    ['the number of classes as $k$', 'class-count', 'A classifier for $k$ classes ends in a layer with $k$ outputs.'],
    ['"$k$-way"', 'class-count', 'The head is a $k$-way softmax over the digits.'],
    ['"k classes" in plain words', 'class-count', 'With k classes the head has 64 weights per class.'],
    ['a sum over classes up to k', 'class-count', '$$\nL = -\\sum_{c=1}^{k} y_c \\log p_c\n$$'],
    ['a parameter count in k beside "classes"', 'class-count', 'Only $64k + k$ parameters train: 325 for five classes.'],
    ['logits indexed by k', 'class-index', 'One score $z_k$ per class.'],
    ['softmax(z)_k', 'class-index', '$$\n\\operatorname{softmax}(z)_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}\n$$'],
    ['a sum over k', 'class-index', '$$\n\\log \\sum_k e^{z_k}\n$$'],
    ['a K × K kernel', 'kernel-size', 'A $K \\times K$ kernel has $K^2$ weights.'],
    ['frozen layers counted by k', 'frozen-layers', 'Freeze the first $k$ layers and fine-tune the rest.'],
    ['"layer $k$"', 'frozen-layers', 'Freeze up to layer $k$.'],
    ['the row form h_{l-1} W_l', 'dense-row-form', 'For a stack of layers $h_l = f(z_l)$, $z_l = h_{l-1} W_l$, the gradient is'],
    ['the row form x W', 'dense-row-form', 'A layer computes $y = xW + b$.'],
    ['row-form backprop, W^T on the right', 'dense-row-form', '$$\n\\frac{\\partial L}{\\partial h_{l-1}} = \\Big(\\frac{\\partial L}{\\partial h_l} \\odot f\'(z_l)\\Big) W_l^{\\top}\n$$'],
    ['row-form weight gradient, h^T on the left', 'dense-row-form', '$$\n\\frac{\\partial L}{\\partial W_l} = h_{l-1}^{\\top} \\Big(\\delta_l\\Big)\n$$'],
    ['label smoothing as ε in math', 'label-smoothing-epsilon', 'With a smoothing parameter $\\varepsilon$, the target puts $1 - \\varepsilon$ on the true class.'],
    ['label smoothing as ε in a formula', 'label-smoothing-epsilon', 'The target is\n\n$$\nq_i = (1 - \\varepsilon)\\, y_i + \\frac{\\varepsilon}{K}.\n$$'],
    ['label smoothing as ε in a caption', 'label-smoothing-epsilon', '<SoftmaxExplorer caption="Ten classes, label smoothing ε = 0.1." />'],
    ['ε for BatchNorm’s constant', 'epsilon-not-noise', 'Each channel is normalised:\n\n$$\ny_c = \\gamma_c \\frac{x_c - \\mu_c}{\\sqrt{\\sigma_c^2 + \\epsilon}} + \\beta_c\n$$'],
    ['ε for a domain error', 'epsilon-not-noise', 'The target error $\\varepsilon_T(h)$ is bounded by the source error.'],
  ])('%s', (_, rule, body) => {
    const found = scanMdx(inChapter(body));
    expect(found.map((v) => v.rule)).toContain(rule);
    const hit = found.find((v) => v.rule === rule)!;
    expect(hit.line).toBeGreaterThanOrEqual(3);
    expect(hit.message.length).toBeGreaterThan(10);
  });

  it('reports the line of the slip inside a display block', () => {
    const mdx = '---\ntitle: T\n---\n\nIntro with noise.\n\n$$\na = b \\\\\nz_l = h_{l-1} W_l\n$$\n';
    expect(scanMdx(mdx)).toEqual([expect.objectContaining({ line: 9, rule: 'dense-row-form' })]);
  });

  it('reads the frontmatter’s objectives too', () => {
    const mdx = '---\ntitle: T\nobjectives:\n  - Build a $k$-way classifier.\n---\n';
    expect(scanMdx(mdx)).toEqual([expect.objectContaining({ line: 4, rule: 'class-count' })]);
  });

  it('names the table’s symbol in its message', () => {
    const [v] = scanMdx(inChapter('A classifier for $k$ classes.'));
    expect(v!.message).toContain('$K$');
  });
});

describe('scanMdx stays quiet on', () => {
  it.each<[string, string]>([
    ['kernel sums', '$$\ny_{i,j} = b + \\sum_{u=0}^{k-1} \\sum_{v=0}^{k-1} w_{u,v}\\, x_{i+u,\\; j+v},\n$$\n\nwhere $k = 3$ is the kernel size.'],
    ['a k × k pooling window', 'For a $k \\times k$ window moved with stride $s$, the output has one value per class of window.'],
    ['classes counted by K', 'A classifier for $K$ classes has $K$ logits $z_1, \\dots, z_K$, and $\\sum_{j=1}^{K} e^{z_j}$ normalises them.'],
    ['the column-form dense layer and its backprop', '$$\nz_l = W_l h_{l-1} + b_l, \\qquad \\frac{\\partial L}{\\partial h_{l-1}} = W_l^{\\top} \\Big(\\frac{\\partial L}{\\partial h_l} \\odot f\'(z_l)\\Big), \\qquad \\frac{\\partial L}{\\partial W_l} = \\Big(\\frac{\\partial L}{\\partial h_l} \\odot f\'(z_l)\\Big)\\, h_{l-1}^{\\top}\n$$'],
    ['a map’s size H × W', 'It costs $H_{\\text{out}} W_{\\text{out}} k_h k_w C_{\\text{in}} C_{\\text{out}}$ multiply-adds on an $H \\times W \\times C$ map.'],
    ['ε as noise', 'Assume Gaussian noise, $y = \\hat y + \\varepsilon$ with $\\varepsilon \\sim \\mathcal N(0, \\sigma^2)$.'],
    ['label smoothing as α', 'With a smoothing parameter $\\alpha$, $q_i = (1 - \\alpha)\\, y_i + \\alpha/K$.'],
    ['frozen layers counted by F, and D layers', 'Freeze the first $F$ layers. Over $D$ layers the gradient vanishes.'],
    ['code and inline code', '```ts\nconst eps = 1e-3; // ε, k classes, xW\n```\n\nThe kernel is stored as `[kh, kw, cin, cout]` and `h W`.'],
  ])('%s', (_, body) => {
    expect(scanMdx(inChapter(body))).toEqual([]);
  });
});

describe('normaliseTex', () => {
  it('drops spacing and sizing so a row form cannot hide behind \\, or \\Big', () => {
    expect(normaliseTex('\\Big( a \\Big) \\, W_l^{\\top}')).toBe('(a)W_l^{\\top}');
  });
});
