/** Everything `<fm-network-explorer>` loads on demand, in one import (it pulls in tfjs-layers via the session). */
export { ExplorerSession } from './explorer-session.ts';
export { checkImageIndex } from './test-images.ts';
export { layerLabel } from './layer-spec.ts';
export { explainPixel, kernelsOf } from './pixel-explain.ts';
export { mapChoices, pixelFraction, resolveSelection } from './selection.ts';
export { describePrediction } from './prediction.ts';
