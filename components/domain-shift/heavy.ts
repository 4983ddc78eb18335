/**
 * What `<fm-domain-shift>` loads on first view: its modules, the digits (0–4) and the shipped model. The engine
 * starts, the model loads and the data arrives side by side, and `onTest` gets the test digits as soon as they are
 * in (the example strip, the widget's first picture), long before the model's first numbers.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { getEngine, type Engine } from '@lib/engine/index.ts';
import { LIMITS } from '@lib/shift/settings.ts';
import type { Clean, ShiftData } from '@lib/shift/run.ts';
import { importAgain } from '@lib/widget/import-again.ts';

export type View = typeof import('./shift-view.ts');
export type Heavy = { engine: Engine; model: LayersModel; data: ShiftData; run: typeof import('@lib/shift/run.ts'); view: View; panels: typeof import('@lib/shift/panels.ts'); clean: Clean | null;
  openModel: (engine: Engine) => Promise<LayersModel>;
  /** The model loading beside the data: acquire() takes it when the scope's engine is this one (else loads again). */
  early: { engine: Engine; model: Promise<LayersModel> } | null };

export async function loadHeavy(onTest: (view: View, test: ShiftData['test']) => void): Promise<Heavy> {
  const engineReady = getEngine();
  const [run, view, panels, shipped, assets, dataLib, picks] = await Promise.all([
    importAgain(() => import('@lib/shift/run.ts')), importAgain(() => import('./shift-view.ts')), importAgain(() => import('@lib/shift/panels.ts')),
    importAgain(() => import('@lib/models/shipped.ts')), importAgain(() => import('@lib/widget/assets.ts')), importAgain(() => import('@lib/data/index.ts')), importAgain(() => import('@lib/transfer/picks.ts')),
  ]);
  const load = (split: string, perClass?: number) => dataLib.loadSlice({ base: assets.DATA_BASE, dataset: 'digits', split, perClass });
  const openModel = (e: Engine) => shipped.loadShippedModel(e.tf, 'digits04-cnn', assets.MODELS_BASE);
  const early = engineReady.then((engine) => ({ engine, model: openModel(engine) }));
  early.then((e) => e.model.catch(() => {}), () => {}); // a failure is reported when acquire() loads again
  const trainReady = load('train', LIMITS.images[1] / 5);
  trainReady.catch(() => {});
  const c04 = [0, 1, 2, 3, 4];
  const testAll = await load('test');
  const test = picks.subset(testAll, picks.firstOfClasses(testAll, c04, 5 * run.TEST_PER_CLASS));
  onTest(view, test);
  const [engine, trainAll] = await Promise.all([engineReady, trainReady]);
  const data: ShiftData = { test, pool: picks.subset(trainAll, picks.firstOfClasses(trainAll, c04)), classes: 5 };
  return { engine, model: null as unknown as LayersModel, data, run, view, panels, clean: null, openModel, early: await early };
}
