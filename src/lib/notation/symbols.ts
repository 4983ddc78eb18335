/**
 * The book's notation: one table, read by the Notation page (src/components/NotationTable.astro) and by the
 * chapter scan (./scan.ts, tests/unit/notation/). A symbol with a `role` is one the scan enforces: a chapter
 * that writes that role with another symbol fails the unit tests.
 */

/** Chapter slugs, as in content/en/chapters/<slug>.mdx. */
export type ChapterSlug = 'convolution' | 'pooling-and-networks' | 'activations' | 'loss-functions' | 'transfer-learning';

/** Roles the chapter scan checks (see RULES in ./scan.ts). */
export type Role =
  | 'class-count' | 'class-index' | 'kernel-size' | 'frozen-layers' | 'dense-layer'
  | 'label-smoothing' | 'noise' | 'learning-rate' | 'bn-constant' | 'domain-risk';

export interface NotationEntry {
  /** TeX, rendered to MathML on the Notation page. */
  tex: string;
  /** Plain words; `$…$` inside is rendered as math. */
  meaning: string;
  /** The chapter that introduces the symbol. */
  first: ChapterSlug;
  role?: Role;
}

export interface NotationGroup { title: string; entries: NotationEntry[] }

export const NOTATION: NotationGroup[] = [
  {
    title: 'Images and convolution',
    entries: [
      { tex: 'x,\\ x_{i,j},\\ x_{i,j,c}', meaning: 'an input image or feature map; its value at row $i$, column $j$ (and channel $c$)', first: 'convolution' },
      { tex: 'y_{i,j},\\ y_{i,j,c}', meaning: 'the output of a convolution or pooling layer at that position', first: 'convolution' },
      { tex: 'w,\\ w_{u,v}', meaning: 'a kernel and its weight at offset $(u, v)$ in the window', first: 'convolution' },
      { tex: 'b', meaning: 'a bias (one per output channel, or per unit of a dense layer)', first: 'convolution' },
      { tex: 'k', meaning: 'kernel size, or a pooling window’s size; $k_h \\times k_w$ when not square, $k_l$ for layer $l$', first: 'convolution', role: 'kernel-size' },
      { tex: 's,\\ p,\\ d', meaning: 'stride, zero padding on each side, dilation', first: 'convolution' },
      { tex: 'k_{\\text{eff}}', meaning: 'the span of a dilated kernel, $d(k - 1) + 1$', first: 'convolution' },
      { tex: 'P', meaning: 'the total padding along an axis under TensorFlow’s “same”', first: 'convolution' },
      { tex: 'H \\times W', meaning: 'height × width of an input map; $H_{\\text{out}} \\times W_{\\text{out}}$ of the output', first: 'convolution' },
      { tex: 'C,\\ C_{\\text{in}},\\ C_{\\text{out}}', meaning: 'numbers of channels: of a map, into and out of a layer', first: 'convolution' },
      { tex: 'c', meaning: 'a channel index', first: 'convolution' },
      { tex: '\\tau', meaning: 'a translation of an image (a shift by whole pixels)', first: 'convolution' },
      { tex: 'x \\star w,\\ x * w,\\ \\tilde w', meaning: 'cross-correlation, convolution, and the kernel rotated by 180°', first: 'convolution' },
    ],
  },
  {
    title: 'Layers and backpropagation',
    entries: [
      { tex: 'l,\\ D', meaning: 'a layer’s index, counted from the input; the number of layers (depth)', first: 'pooling-and-networks' },
      { tex: 'r_l,\\ j_l', meaning: 'receptive-field size and jump of layer $l$', first: 'pooling-and-networks' },
      { tex: 'v', meaning: 'a flattened feature map, the input of a dense layer', first: 'pooling-and-networks' },
      { tex: 'n_{\\text{in}},\\ n_{\\text{out}}', meaning: 'numbers of inputs and outputs of a layer (fan-in, fan-out)', first: 'pooling-and-networks' },
      { tex: 'W,\\ W_l', meaning: 'a dense layer’s weight matrix, $n_{\\text{out}} \\times n_{\\text{in}}$ (vectors are columns; tfjs stores $W^{\\top}$)', first: 'pooling-and-networks' },
      { tex: 'z_l = W_l h_{l-1} + b_l,\\quad h_l = f(z_l)', meaning: 'a dense layer: pre-activation $z_l$, activation $h_l$, input $h_0 = x$. Backpropagation: $\\partial L/\\partial h_{l-1} = W_l^{\\top}(\\partial L/\\partial h_l \\odot f\'(z_l))$ and $\\partial L/\\partial W_l = (\\partial L/\\partial h_l \\odot f\'(z_l))\\, h_{l-1}^{\\top}$', first: 'activations', role: 'dense-layer' },
      { tex: '\\mathcal F,\\ \\mathcal F_l', meaning: 'the residual branch of a block (of block $l$), $h_l = h_{l-1} + \\mathcal F(h_{l-1})$', first: 'activations' },
      { tex: '\\gamma,\\ \\beta', meaning: 'BatchNorm’s learned scale and shift, one of each per channel', first: 'pooling-and-networks' },
      { tex: '\\mu_c,\\ \\sigma_c^2', meaning: 'BatchNorm’s mean and variance of channel $c$: over the current batch in training, running averages at test time', first: 'activations' },
      { tex: '\\kappa', meaning: 'BatchNorm’s small constant in $\\sqrt{\\sigma_c^2 + \\kappa}$ (0.001 in the book’s networks)', first: 'activations', role: 'bn-constant' },
      { tex: 'B', meaning: 'the batch size', first: 'activations' },
      { tex: 'f,\\ f\'', meaning: 'an activation function and its derivative', first: 'activations' },
      { tex: 'a', meaning: 'the slope of Leaky ReLU and PReLU for $z < 0$', first: 'activations' },
      { tex: '\\sigma', meaning: 'the logistic sigmoid $\\sigma(z)$; squared, $\\sigma^2$ is a variance', first: 'activations' },
      { tex: '\\Phi,\\ \\varphi', meaning: 'the standard normal distribution and density functions (GELU)', first: 'activations' },
      { tex: '\\mathcal N(\\mu, \\sigma^2)', meaning: 'the normal distribution with mean $\\mu$ and variance $\\sigma^2$', first: 'activations' },
      { tex: '\\odot,\\ {}^{\\top}', meaning: 'elementwise product, transpose', first: 'activations' },
      { tex: 'L', meaning: 'the loss of one example; $L_{\\text{CE}}$, $L_{\\text{BCE}}$, … name a particular loss', first: 'activations' },
      { tex: '\\delta_j,\\ \\delta_{ij}', meaning: 'the error $\\partial L/\\partial z_j$ of unit $j$; the Kronecker delta (1 if $i = j$, else 0)', first: 'activations' },
    ],
  },
  {
    title: 'Classification and training',
    entries: [
      { tex: 'K', meaning: 'the number of classes', first: 'activations', role: 'class-count' },
      { tex: 'i,\\ j', meaning: 'class indices, $1, \\dots, K$, as in $z_i$, $p_i$, $y_i$ (in a map, row and column)', first: 'pooling-and-networks', role: 'class-index' },
      { tex: 'z,\\ z_i', meaning: 'the logits, and the logit of class $i$', first: 'pooling-and-networks' },
      { tex: 'p,\\ p_i', meaning: 'predicted class probabilities, $p = \\operatorname{softmax}(z)$', first: 'pooling-and-networks' },
      { tex: 'm', meaning: 'the largest logit, $\\max_j z_j$, subtracted for a stable softmax', first: 'activations' },
      { tex: 'y,\\ y_i,\\ p_y', meaning: 'the label: a class, or its one-hot vector with components $y_i$; $p_y$ is the true class’s probability', first: 'loss-functions' },
      { tex: '\\hat y', meaning: 'a predicted number (regression)', first: 'loss-functions' },
      { tex: 'T', meaning: 'the softmax temperature, $\\operatorname{softmax}(z/T)$', first: 'loss-functions' },
      { tex: 'q', meaning: 'a smoothed target distribution', first: 'loss-functions' },
      { tex: '\\alpha', meaning: 'the label-smoothing parameter: $q = (1 - \\alpha)\\,y + \\alpha/K$', first: 'loss-functions', role: 'label-smoothing' },
      { tex: '\\varepsilon', meaning: 'noise, as in $y = \\hat y + \\varepsilon$ with $\\varepsilon \\sim \\mathcal N(0, \\sigma^2)$; $\\varepsilon$ means nothing else', first: 'loss-functions', role: 'noise' },
      { tex: '\\theta,\\ f_\\theta', meaning: 'a network’s weights, and the network as a function', first: 'loss-functions' },
      { tex: 'N', meaning: 'the number of training examples', first: 'loss-functions' },
      { tex: 'x^{(i)},\\ y^{(i)}', meaning: 'the $i$-th training example and its label', first: 'loss-functions' },
      { tex: 'J(\\theta)', meaning: 'the average loss over the training set', first: 'loss-functions' },
      { tex: '\\eta,\\ \\eta_l', meaning: 'the learning rate; layer $l$’s own rate', first: 'loss-functions', role: 'learning-rate' },
    ],
  },
  {
    title: 'Transfer learning',
    entries: [
      { tex: 'n', meaning: 'labelled examples per class in the target task', first: 'transfer-learning' },
      { tex: 'F', meaning: 'the number of frozen (copied) layers at the bottom of a network', first: 'transfer-learning', role: 'frozen-layers' },
      { tex: 'g_\\theta,\\ h_\\phi,\\ \\theta_0', meaning: 'the base with weights $\\theta$, the head with weights $\\phi$, the pretrained base weights', first: 'transfer-learning' },
      { tex: 'P_S(X),\\ P_T(X),\\ \\mathcal{D}_S,\\ \\mathcal{D}_T', meaning: 'the source’s and the target’s input distributions (the domains)', first: 'transfer-learning' },
      { tex: 'R_S(h),\\ R_T(h)', meaning: 'the error (risk) of a classifier $h$ on the source and on the target', first: 'transfer-learning', role: 'domain-risk' },
      { tex: '\\mathcal{H},\\ \\lambda', meaning: 'a family of classifiers; the error of its best classifier for both domains', first: 'transfer-learning' },
      { tex: '\\lambda_{\\text{SP}},\\ \\lambda_{\\text{head}}', meaning: 'L2-SP’s strengths: the pull of the pretrained weights towards $\\theta_0$, and weight decay on the new head (the paper’s $\\alpha$ and $\\beta$)', first: 'transfer-learning' },
      { tex: '\\lVert \\theta - \\theta_0 \\rVert^2', meaning: 'how far fine-tuning moved the pretrained weights (squared distance, over every pretrained array)', first: 'transfer-learning' },
      { tex: 'C_S,\\ C_T,\\ n_{\\text{f}}', meaning: 'covariance matrices of source and target features (CORAL), and the features’ dimension', first: 'transfer-learning' },
    ],
  },
];

/** Every entry, in table order. */
export const ENTRIES: NotationEntry[] = NOTATION.flatMap((g) => g.entries);

/** The entry that holds a role. */
export function entryFor(role: Role): NotationEntry {
  const e = ENTRIES.find((x) => x.role === role);
  if (!e) throw new Error(`no notation entry has the role ${role}`);
  return e;
}
