/**
 * `window.FeatureMaps`: the documented hook for embedding hosts and tests — the shared engine (backend,
 * adapter, fallback reason, tfjs for tf.memory()). Installed by every widget; loads nothing by itself.
 */
import { describeEngine, getEngine, peekEngine } from './index.ts';
import { installTestHooks } from './test-hooks.ts';

declare global {
  interface Window { FeatureMaps?: { getEngine: typeof getEngine; peekEngine: typeof peekEngine; describeEngine: typeof describeEngine } }
}

// Merged, not replaced: embed.js (src/lib/embed/host.ts) adds its own functions to the same object, in either order.
if (typeof window !== 'undefined' && !window.FeatureMaps?.getEngine) {
  window.FeatureMaps = Object.assign(window.FeatureMaps ?? {}, { getEngine, peekEngine, describeEngine });
}

installTestHooks();
