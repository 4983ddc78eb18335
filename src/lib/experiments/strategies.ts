/**
 * The transfer strategies the experiments compare, as data: where training starts in the network (layers
 * below `firstTrained` are frozen: no gradient, BatchNorm in inference mode with the statistics they have),
 * where a feature extractor is cut (`cut`: the network ends there and a new linear softmax head reads that
 * layer's flattened output), whether the weights come from the pretrained source or a seeded random
 * initialisation, whether BatchNorm statistics are first re-estimated on unlabelled target images (AdaBN, Li et
 * al. 2016), and whether the training images are augmented with the fine-tuning lab's seeded shifts.
 */
export type StrategyId =
  | 'feature-extraction-pool1' | 'feature-extraction-pool2' | 'feature-extraction' | 'feature-extraction-adabn'
  | 'conv-frozen' | 'partial' | 'full' | 'scratch' | 'conv-frozen-augment' | 'full-augment';

export interface Strategy {
  id: StrategyId;
  label: string;
  pretrained: boolean;
  /** The lowest layer that trains; everything below it is frozen. */
  firstTrained: 'conv1' | 'conv2' | 'hidden' | 'logits';
  /** Feature extraction below `hidden`: the layers above this one are replaced by a new linear head (`logits`). */
  cut?: 'pool1' | 'pool2';
  adabn: boolean;
  /** Train on the lab's shifted images (src/lib/transfer/augment.ts). */
  augment?: boolean;
  /** The table a strategy belongs in: the main grid, or the with/without-augmentation comparison. */
  group: 'grid' | 'augmentation';
  /** For an augmented arm: the same arm without augmentation. */
  baseline?: StrategyId;
  /** Labelled examples per class it runs at (every count of the grid when absent). */
  perClass?: readonly number[];
  description: string;
}

/** A new head alone trains, on features computed once, to convergence (the grid's `headOnly` settings). */
export const headOnly = (s: Strategy): boolean => s.firstTrained === 'logits';

export const STRATEGIES: Record<StrategyId, Strategy> = {
  'feature-extraction-pool1': {
    id: 'feature-extraction-pool1', label: 'Feature extraction at pool1', pretrained: true, firstTrained: 'logits', cut: 'pool1', adabn: false, group: 'grid',
    description: 'first conv block (conv1, bn1, pool1) frozen with source BatchNorm statistics; a new linear softmax head on its 14×14×32 = 6,272 flattened outputs; conv2 and the dense layers are dropped',
  },
  'feature-extraction-pool2': {
    id: 'feature-extraction-pool2', label: 'Feature extraction at pool2', pretrained: true, firstTrained: 'logits', cut: 'pool2', adabn: false, group: 'grid',
    description: 'both conv blocks frozen with source BatchNorm statistics; a new linear softmax head on the 7×7×64 = 3,136 flattened pool2 outputs; the dense layers are dropped',
  },
  'feature-extraction': {
    id: 'feature-extraction', label: 'Feature extraction at hidden', pretrained: true, firstTrained: 'logits', adabn: false, group: 'grid',
    description: 'whole pretrained base frozen up to and including the 64-unit hidden layer (source BatchNorm statistics); only a new head trains',
  },
  'feature-extraction-adabn': {
    id: 'feature-extraction-adabn', label: 'Feature extraction at hidden + AdaBN', pretrained: true, firstTrained: 'logits', adabn: true, group: 'grid',
    description: 'as feature extraction at hidden, after re-estimating every BatchNorm statistic on unlabelled target images',
  },
  'conv-frozen': {
    id: 'conv-frozen', label: 'Conv blocks frozen (the lab’s default)', pretrained: true, firstTrained: 'hidden', adabn: false, group: 'grid',
    description: 'both conv blocks frozen with source BatchNorm statistics; the pretrained hidden layer and a new head train (the fine-tuning lab’s default set-up: freeze=conv2, lr 0.001, head ×10), within the fine-tuning budget',
  },
  partial: {
    id: 'partial', label: 'Partial fine-tuning', pretrained: true, firstTrained: 'conv2', adabn: false, group: 'grid',
    description: 'first conv block (conv1, bn1) frozen; conv2 block, hidden layer and a new head train',
  },
  full: {
    id: 'full', label: 'Full fine-tuning', pretrained: true, firstTrained: 'conv1', adabn: false, group: 'grid',
    description: 'every layer trains, starting from the pretrained weights, with a new head',
  },
  scratch: {
    id: 'scratch', label: 'From scratch', pretrained: false, firstTrained: 'conv1', adabn: false, group: 'grid',
    description: 'same architecture, seeded random initialisation, every layer trains',
  },
  'conv-frozen-augment': {
    id: 'conv-frozen-augment', label: 'Conv blocks frozen + shifts', pretrained: true, firstTrained: 'hidden', adabn: false, augment: true, group: 'augmentation', baseline: 'conv-frozen', perClass: [5, 10],
    description: 'as conv blocks frozen, trained on the labelled images plus two seeded shifted copies of each (±2 pixels), as the lab does on its frozen-base path; same steps and batch size as without',
  },
  'full-augment': {
    id: 'full-augment', label: 'Full fine-tuning + shifts', pretrained: true, firstTrained: 'conv1', adabn: false, augment: true, group: 'augmentation', baseline: 'full', perClass: [5, 10],
    description: 'as full fine-tuning, every training batch shifted by a seeded ±2 pixels per image, as the lab does when images go through every layer; same steps and batch size as without',
  },
};

export const STRATEGY_IDS = Object.keys(STRATEGIES) as StrategyId[];

/** Whether strategy `id` runs at `perClass` labelled examples per class. */
export const runsAt = (id: StrategyId, perClass: number): boolean => STRATEGIES[id].perClass?.includes(perClass) ?? true;
