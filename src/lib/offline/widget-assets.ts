/**
 * What each element fetches besides its code, as path prefixes under the site's base (every file whose path starts
 * with one): saving a chapter for offline reading caches these for the elements the chapter holds.
 * Kept beside the loaders that use them: a widget that starts loading a new folder must be listed here, and the
 * offline spec (tests/e2e/offline.spec.ts) runs a chapter with the network cut to prove the lists suffice.
 */
export const WIDGET_ASSETS: Readonly<Record<string, readonly string[]>> = {
  'fm-conv-playground': ['samples/'],
  'fm-activation-maps': ['samples/'],
  'fm-pool-explorer': ['samples/'],
  'fm-dataset-preview': ['data/manifest.json', 'data/digits/', 'data/fashion/'],
  'fm-loss-race': ['data/manifest.json', 'data/fashion/'],
  'fm-network-explorer': ['data/manifest.json', 'data/digits/test-', 'data/fashion/test-', 'models/'],
  'fm-finetune-lab': ['data/manifest.json', 'data/digits/', 'models/'],
  'fm-domain-shift': ['data/manifest.json', 'data/digits/', 'models/digits04-cnn/'],
  'fm-feature-reuse': ['data/manifest.json', 'data/digits/', 'models/'],
  'fm-doodle-classes': ['models/'],
};
