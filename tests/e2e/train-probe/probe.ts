/**
 * Test-only page code: the book's engine and training library on `window.trainProbe`, bundled by esbuild into
 * dist/__train-probe__/ by the training specs (no route, widget or page of the book is added for tests).
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { getEngine } from '../../../src/lib/engine/engine.ts';
import { buildSmallCnn } from '../../../src/lib/models/small-cnn.ts';
import * as trainLib from '../../../src/lib/train/index.ts';
import { uniform } from '../../../src/lib/random/lcg.ts';

(window as unknown as { trainProbe: unknown }).trainProbe = { getEngine, buildSmallCnn, train: trainLib, tfl, uniform };
