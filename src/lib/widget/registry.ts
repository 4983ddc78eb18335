/**
 * Every widget the book ships, with the attributes an embedding page may set from its query string.
 * Used by /embed/<slug>/ (which attributes to copy) and by the chapters' "Embed" control.
 */
export interface WidgetEntry {
  slug: string;
  tag: `fm-${string}`;
  title: string;
  /** Attributes accepted from the URL; anything else in the query is ignored. */
  attributes: readonly string[];
  /** The chapter the widget teaches in (its embed page credits and links it); none: the landing page. */
  chapter?: string;
}

export const WIDGETS: readonly WidgetEntry[] = [
  {
    slug: 'conv-playground',
    tag: 'fm-conv-playground',
    title: 'Convolution playground',
    attributes: ['image', 'kernel', 'kernel-size', 'stride', 'padding', 'dilation', 'color', 'rgb-mode', 'seed'],
    chapter: 'convolution',
  },
  {
    slug: 'conv-stepper',
    tag: 'fm-conv-stepper',
    title: 'Convolution, step by step',
    attributes: ['input-size', 'kernel', 'stride', 'padding', 'dilation', 'seed', 'step'],
    chapter: 'convolution',
  },
  {
    slug: 'dataset-preview',
    tag: 'fm-dataset-preview',
    title: 'Dataset preview',
    attributes: ['dataset', 'split', 'per-class'],
  },
  {
    slug: 'softmax-explorer',
    tag: 'fm-softmax-explorer',
    title: 'Softmax and cross-entropy explorer',
    attributes: ['logits', 'temperature', 'target', 'smoothing'],
    chapter: 'loss-functions',
  },
  {
    slug: 'loss-curves',
    tag: 'fm-loss-curves',
    title: 'Loss curves: cross-entropy, squared error and hinge',
    attributes: ['classes', 'gradient', 'losses', 'p'],
    chapter: 'loss-functions',
  },
  {
    slug: 'activation-plot',
    tag: 'fm-activation-plot',
    title: 'Activation functions and their derivatives',
    attributes: ['functions', 'slope', 'x'],
    chapter: 'activations',
  },
  {
    slug: 'vanishing-gradients',
    tag: 'fm-vanishing-gradients',
    title: 'Gradient norms through a deep network',
    attributes: ['depth', 'width', 'activation', 'init', 'seed', 'architecture', 'layer'],
    chapter: 'activations',
  },
  {
    slug: 'activation-maps',
    tag: 'fm-activation-maps',
    title: 'Feature maps before and after an activation',
    attributes: ['image', 'activation', 'slope', 'channel'],
    chapter: 'activations',
  },
  {
    slug: 'pool-explorer',
    tag: 'fm-pool-explorer',
    title: 'Pooling explorer: max, average and global average',
    attributes: ['image', 'kernel', 'relu', 'mode', 'size', 'stride', 'cell'],
    chapter: 'pooling-and-networks',
  },
  {
    slug: 'receptive-field',
    tag: 'fm-receptive-field',
    title: 'Receptive field of a unit in a deep layer',
    attributes: ['preset', 'layers', 'input-size', 'layer', 'unit'],
    chapter: 'pooling-and-networks',
  },
  {
    slug: 'network-explorer',
    tag: 'fm-network-explorer',
    title: 'Inside a trained CNN: every layer, kernel and probability',
    attributes: ['model', 'image', 'layer', 'map'],
    chapter: 'pooling-and-networks',
  },
  {
    slug: 'loss-race',
    tag: 'fm-loss-race',
    title: 'Loss race: cross-entropy vs squared error, trained live',
    attributes: ['per-class', 'epochs', 'seed', 'learning-rate'],
    chapter: 'loss-functions',
  },
  {
    slug: 'finetune-lab',
    tag: 'fm-finetune-lab',
    title: 'Fine-tuning lab: transfer a pretrained CNN to a new task',
    attributes: ['source', 'target', 'per-class', 'freeze', 'lr', 'head-lr', 'epochs', 'augment', 'seed', 'holdout', 'compare'],
  },
  {
    slug: 'domain-shift',
    tag: 'fm-domain-shift',
    title: 'Domain shift and adaptation (AdaBN, fine-tuning)',
    attributes: ['shift', 'strength', 'seed', 'images', 'labels', 'after'],
    chapter: 'transfer-learning',
  },
  {
    slug: 'feature-reuse',
    tag: 'fm-feature-reuse',
    title: 'Which layers transfer: pretrained vs random features',
    attributes: ['model', 'digit', 'labels', 'seed'],
  },
  {
    slug: 'doodle-classes',
    tag: 'fm-doodle-classes',
    title: 'Teach a network your own doodles',
    attributes: ['source', 'classes', 'epochs', 'seed'],
    chapter: 'transfer-learning',
  },
];

export function widgetBySlug(slug: string): WidgetEntry | undefined {
  return WIDGETS.find((w) => w.slug === slug);
}

/** Copies allowed query parameters onto attributes (as text: never parsed as HTML). */
export function attributesFromQuery(entry: WidgetEntry, search: string): [string, string][] {
  const params = new URLSearchParams(search);
  return entry.attributes.flatMap((name) => {
    const value = params.get(name);
    return value === null ? [] : [[name, value.slice(0, 500)] as [string, string]];
  });
}

/** The query string that reproduces a widget's current attributes. */
export function queryFromElement(entry: WidgetEntry, el: Element): string {
  const params = new URLSearchParams();
  for (const name of entry.attributes) {
    const value = el.getAttribute(name);
    if (value !== null) params.set(name, value);
  }
  return params.toString();
}
