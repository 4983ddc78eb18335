/** What every widget may show on its shared message line (src/lib/widget/fm-element.ts, engine-element.ts). */
export default {
  'widget.failed': 'Something went wrong: {error}',
  'widget.unknownError': 'an unknown error',
  'widget.engineFailed': 'The compute engine could not start: {error}',
  'widget.retry': 'Retry',
  'widget.engineRestarted': 'The {backend} engine was restarted: recomputing.',
  'widget.engineRestartedKernels': 'The {backend} engine was restarted: recomputing. {failures}',
  'widget.engineMoved': 'The engine moved from {from} to {to}: recomputing.',
  'widget.engineMovedWhy': 'The engine moved from {from} to {to} ({reason}): recomputing.',
} as const;
