/** Lazy loaders for each widget's element module, so an embed page fetches only its own widget. */
export const ELEMENT_LOADERS: Record<string, () => Promise<unknown>> = {
  'conv-playground': () => import('@components/conv-playground/conv-playground.element.ts'),
  'conv-stepper': () => import('@components/conv-stepper/conv-stepper.element.ts'),
  'dataset-preview': () => import('@components/dataset-preview/dataset-preview.element.ts'),
  'softmax-explorer': () => import('@components/softmax-explorer/softmax-explorer.element.ts'),
  'loss-curves': () => import('@components/loss-curves/loss-curves.element.ts'),
  'activation-plot': () => import('@components/activation-plot/activation-plot.element.ts'),
  'vanishing-gradients': () => import('@components/vanishing-gradients/vanishing-gradients.element.ts'),
  'activation-maps': () => import('@components/activation-maps/activation-maps.element.ts'),
  'pool-explorer': () => import('@components/pool-explorer/pool-explorer.element.ts'),
  'receptive-field': () => import('@components/receptive-field/receptive-field.element.ts'),
  'network-explorer': () => import('@components/network-explorer/network-explorer.element.ts'),
  'loss-race': () => import('@components/loss-race/loss-race.element.ts'),
  'finetune-lab': () => import('@components/finetune-lab/finetune-lab.element.ts'),
  'domain-shift': () => import('@components/domain-shift/domain-shift.element.ts'),
  'feature-reuse': () => import('@components/feature-reuse/feature-reuse.element.ts'),
  'doodle-classes': () => import('@components/doodle-classes/doodle-classes.element.ts'),
};
