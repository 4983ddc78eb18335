/**
 * Each element's module, by tag, loaded the first time a page uses the tag (src/lib/widget/entry.ts), so a page
 * fetches only the widgets it shows. The module defines its element; its heavy code waits until the element nears
 * the viewport (FmElement.start).
 */
export const ELEMENT_LOADERS: Readonly<Record<`fm-${string}`, () => Promise<unknown>>> = {
  'fm-conv-playground': () => import('@components/conv-playground/conv-playground.element.ts'),
  'fm-conv-stepper': () => import('@components/conv-stepper/conv-stepper.element.ts'),
  'fm-dataset-preview': () => import('@components/dataset-preview/dataset-preview.element.ts'),
  'fm-softmax-explorer': () => import('@components/softmax-explorer/softmax-explorer.element.ts'),
  'fm-loss-curves': () => import('@components/loss-curves/loss-curves.element.ts'),
  'fm-activation-plot': () => import('@components/activation-plot/activation-plot.element.ts'),
  'fm-vanishing-gradients': () => import('@components/vanishing-gradients/vanishing-gradients.element.ts'),
  'fm-activation-maps': () => import('@components/activation-maps/activation-maps.element.ts'),
  'fm-pool-explorer': () => import('@components/pool-explorer/pool-explorer.element.ts'),
  'fm-receptive-field': () => import('@components/receptive-field/receptive-field.element.ts'),
  'fm-network-explorer': () => import('@components/network-explorer/network-explorer.element.ts'),
  'fm-loss-race': () => import('@components/loss-race/loss-race.element.ts'),
  'fm-finetune-lab': () => import('@components/finetune-lab/finetune-lab.element.ts'),
  'fm-domain-shift': () => import('@components/domain-shift/domain-shift.element.ts'),
  'fm-feature-reuse': () => import('@components/feature-reuse/feature-reuse.element.ts'),
  'fm-doodle-classes': () => import('@components/doodle-classes/doodle-classes.element.ts'),
  'fm-device-badge': () => import('@components/device-badge/device-badge.element.ts'),
  'fm-engine-report': () => import('@components/engine-report/engine-report.element.ts'),
};
