/**
 * The transfer strategies the experiments compare, as data: where training starts in the network (layers
 * below `firstTrained` are frozen: no gradient, BatchNorm in inference mode with the statistics they have),
 * whether the weights come from the pretrained source or a seeded random initialisation, and whether
 * BatchNorm statistics are first re-estimated on unlabelled target images (AdaBN, Li et al. 2016).
 */
export type StrategyId = 'feature-extraction' | 'feature-extraction-adabn' | 'partial' | 'full' | 'scratch';

export interface Strategy {
  id: StrategyId;
  label: string;
  pretrained: boolean;
  /** The lowest layer that trains; everything below it is frozen. */
  firstTrained: 'conv1' | 'conv2' | 'logits';
  adabn: boolean;
  description: string;
}

export const STRATEGIES: Record<StrategyId, Strategy> = {
  'feature-extraction': {
    id: 'feature-extraction', label: 'Feature extraction', pretrained: true, firstTrained: 'logits', adabn: false,
    description: 'pretrained base frozen (source BatchNorm statistics); only a new head trains',
  },
  'feature-extraction-adabn': {
    id: 'feature-extraction-adabn', label: 'Feature extraction + AdaBN', pretrained: true, firstTrained: 'logits', adabn: true,
    description: 'as feature extraction, after re-estimating every BatchNorm statistic on unlabelled target images',
  },
  partial: {
    id: 'partial', label: 'Partial fine-tuning', pretrained: true, firstTrained: 'conv2', adabn: false,
    description: 'first conv block (conv1, bn1) frozen; conv2 block, hidden layer and a new head train',
  },
  full: {
    id: 'full', label: 'Full fine-tuning', pretrained: true, firstTrained: 'conv1', adabn: false,
    description: 'every layer trains, starting from the pretrained weights, with a new head',
  },
  scratch: {
    id: 'scratch', label: 'From scratch', pretrained: false, firstTrained: 'conv1', adabn: false,
    description: 'same architecture, seeded random initialisation, every layer trains',
  },
};

export const STRATEGY_IDS = Object.keys(STRATEGIES) as StrategyId[];
