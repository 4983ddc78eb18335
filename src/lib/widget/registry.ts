/**
 * Every widget the book ships, with the attributes an embedding page may set from its query string.
 * Used by /embed/<slug>/ (which attributes to copy) and by the chapters' "Embed" control.
 */
import { SPEC as SPEC_ConvPlayground } from '../../../components/conv-playground/attributes.ts';
import { SPEC as SPEC_ConvStepper } from '../../../components/conv-stepper/attributes.ts';
import { SPEC as SPEC_DatasetPreview } from '../../../components/dataset-preview/attributes.ts';
import { SPEC as SPEC_SoftmaxExplorer } from '../../../components/softmax-explorer/attributes.ts';
import { SPEC as SPEC_LossCurves } from '../../../components/loss-curves/attributes.ts';
import { SPEC as SPEC_ActivationPlot } from '../../../components/activation-plot/attributes.ts';
import { SPEC as SPEC_VanishingGradients } from '../../../components/vanishing-gradients/attributes.ts';
import { SPEC as SPEC_ActivationMaps } from '../../../components/activation-maps/attributes.ts';
import { SPEC as SPEC_PoolExplorer } from '../../../components/pool-explorer/attributes.ts';
import { SPEC as SPEC_ReceptiveField } from '../../../components/receptive-field/attributes.ts';
import { SPEC as SPEC_NetworkExplorer } from '../../../components/network-explorer/attributes.ts';
import { SPEC as SPEC_LossRace } from '../../../components/loss-race/attributes.ts';
import { SPEC as SPEC_FinetuneLab } from '../../../components/finetune-lab/attributes.ts';
import { SPEC as SPEC_DomainShift } from '../../../components/domain-shift/attributes.ts';
import { SPEC as SPEC_FeatureReuse } from '../../../components/feature-reuse/attributes.ts';
import { SPEC as SPEC_DoodleClasses } from '../../../components/doodle-classes/attributes.ts';
import { attributeNames, type AttributeSpecs } from './attribute-spec.ts';

export interface WidgetEntry {
  slug: string;
  tag: `fm-${string}`;
  title: string;
  /** The widget's attribute spec (components/<slug>/attributes.ts). */
  spec: AttributeSpecs;
  /** Attributes accepted from the URL (the spec's names); anything else in the query is ignored. */
  attributes: readonly string[];
  /** The chapter the widget teaches in (its embed page credits and links it); none: the landing page. */
  chapter?: string;
  /**
   * The iframe's starting height in CSS px (the chapter's embed snippet writes it; embed.js then sizes the frame
   * from the page's own messages). Measured: the built embed page's content height (bottom of <main> plus the
   * body's margin) in Chromium at 390 px and 1280 px wide, once the widget reported ready, rounded up to 10 px at
   * the laptop width (1280), so a laptop shows no inner scrollbar even before embed.js has run. Phones need more
   * (at 390 px, up to 2.2× as much; the network explorer 4,100 px), which embed.js gives the frame from its messages.
   * The doodle classes were measured before their model loaded (846 px), hence the margin.
   */
  height: number;
}

function specOf(spec: AttributeSpecs): Pick<WidgetEntry, 'spec' | 'attributes'> {
  return { spec, attributes: attributeNames(spec) };
}

export const WIDGETS: readonly WidgetEntry[] = [
  {
    slug: 'conv-playground',
    tag: 'fm-conv-playground',
    height: 1100,
    title: 'Convolution playground',
    ...specOf(SPEC_ConvPlayground),
    chapter: 'convolution',
  },
  {
    slug: 'conv-stepper',
    tag: 'fm-conv-stepper',
    height: 540,
    title: 'Convolution, step by step',
    ...specOf(SPEC_ConvStepper),
    chapter: 'convolution',
  },
  {
    slug: 'dataset-preview',
    tag: 'fm-dataset-preview',
    height: 590,
    title: 'Dataset preview',
    ...specOf(SPEC_DatasetPreview),
  },
  {
    slug: 'softmax-explorer',
    tag: 'fm-softmax-explorer',
    height: 690,
    title: 'Softmax and cross-entropy explorer',
    ...specOf(SPEC_SoftmaxExplorer),
    chapter: 'loss-functions',
  },
  {
    slug: 'loss-curves',
    tag: 'fm-loss-curves',
    height: 620,
    title: 'Loss curves: cross-entropy, squared error and hinge',
    ...specOf(SPEC_LossCurves),
    chapter: 'loss-functions',
  },
  {
    slug: 'activation-plot',
    tag: 'fm-activation-plot',
    height: 520,
    title: 'Activation functions and their derivatives',
    ...specOf(SPEC_ActivationPlot),
    chapter: 'activations',
  },
  {
    slug: 'vanishing-gradients',
    tag: 'fm-vanishing-gradients',
    height: 510,
    title: 'Gradient norms through a deep network',
    ...specOf(SPEC_VanishingGradients),
    chapter: 'activations',
  },
  {
    slug: 'activation-maps',
    tag: 'fm-activation-maps',
    height: 720,
    title: 'Feature maps before and after an activation',
    ...specOf(SPEC_ActivationMaps),
    chapter: 'activations',
  },
  {
    slug: 'pool-explorer',
    tag: 'fm-pool-explorer',
    height: 870,
    title: 'Pooling explorer: max, average and global average',
    ...specOf(SPEC_PoolExplorer),
    chapter: 'pooling-and-networks',
  },
  {
    slug: 'receptive-field',
    tag: 'fm-receptive-field',
    height: 1140,
    title: 'Receptive field of a unit in a deep layer',
    ...specOf(SPEC_ReceptiveField),
    chapter: 'pooling-and-networks',
  },
  {
    slug: 'network-explorer',
    tag: 'fm-network-explorer',
    height: 2420,
    title: 'Inside a trained CNN: every layer, kernel and probability',
    ...specOf(SPEC_NetworkExplorer),
    chapter: 'pooling-and-networks',
  },
  {
    slug: 'loss-race',
    tag: 'fm-loss-race',
    height: 630,
    title: 'Loss race: cross-entropy vs squared error, trained live',
    ...specOf(SPEC_LossRace),
    chapter: 'loss-functions',
  },
  {
    slug: 'finetune-lab',
    tag: 'fm-finetune-lab',
    height: 1170,
    title: 'Fine-tuning lab: transfer a pretrained CNN to a new task',
    ...specOf(SPEC_FinetuneLab),
  },
  {
    slug: 'domain-shift',
    tag: 'fm-domain-shift',
    height: 880,
    title: 'Domain shift and adaptation (AdaBN, fine-tuning)',
    ...specOf(SPEC_DomainShift),
    chapter: 'transfer-learning',
  },
  {
    slug: 'feature-reuse',
    tag: 'fm-feature-reuse',
    height: 1100,
    title: 'Which layers transfer: pretrained vs random features',
    ...specOf(SPEC_FeatureReuse),
  },
  {
    slug: 'doodle-classes',
    tag: 'fm-doodle-classes',
    height: 900,
    title: 'Teach a network your own doodles',
    ...specOf(SPEC_DoodleClasses),
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
