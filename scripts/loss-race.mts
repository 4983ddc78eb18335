/**
 * The figures Chapter 4 quotes about the loss race: the widget's race (src/lib/race) run in Node with the same
 * code, data and seed — the small CNN (filters 8, 16; hidden 32) trained on the first N images per class of
 * Fashion-MNIST's shipped training split with cross-entropy and with squared error on probabilities. The
 * per-epoch table is on the validation set (20 per class held back from the training split, never trained on);
 * the test accuracy (first 50 per class of the shipped test split) is measured once, after the last epoch.
 * Node gets the engine through the `webgpu` package (a real GPU where present, SwiftShader otherwise); the
 * hardware is printed.
 *
 * Run: npx node scripts/loss-race.mts [--per-class N] [--epochs E] [--seed S] [--learning-rate LR] [--backend cpu]
 * Defaults are the widget's defaults.
 */
import { relaunchWithVulkan, getNodeEngine } from '../src/lib/engine/node.ts';
relaunchWithVulkan();
import { DEFAULT_RACE, RACE_ATTRS, RACE_MODEL, BATCH_SIZE, VALIDATION_PER_CLASS, VALIDATION_SEED, TEST_PER_CLASS, TRAIN_MAX_PER_CLASS, withRaceAttribute } from '../src/lib/race/config.ts';
import { fileFetch } from './data/file-fetch.mts';

const argv = process.argv.slice(2);
let config = DEFAULT_RACE;
for (const attr of RACE_ATTRS) {
  const i = argv.indexOf(`--${attr}`);
  if (i >= 0) config = withRaceAttribute(config, attr, argv[i + 1] ?? '');
}
const backendArg = argv.indexOf('--backend');

const engine = await getNodeEngine();
const { tf } = engine;
if (backendArg >= 0) {
  const want = argv[backendArg + 1]!;
  if (want === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  if (!(await tf.setBackend(want))) throw new Error(`backend ${want} is not available`);
}
const { LossRace } = await import('../src/lib/race/loss-race.ts');
const { loadRaceData } = await import('../src/lib/race/data.ts');
const { raceSummary } = await import('../src/lib/race/summary.ts');
const { buildSmallCnn, parameterCount } = await import('../src/lib/models/small-cnn.ts');
const probe = buildSmallCnn({ ...RACE_MODEL, seed: config.seed });
const params = parameterCount(probe);
probe.dispose();

const backend = tf.getBackend();
const hardware = backend === 'webgpu' && engine.adapter
  ? `${engine.adapter.description || engine.adapter.vendor} (${engine.adapter.vendor}/${engine.adapter.architecture}${engine.adapter.isSoftware ? ', software' : ''})`
  : `CPU (${backend} backend${engine.fallbackReason ? `; ${engine.fallbackReason}` : ''})`;
const data = await loadRaceData({ base: 'data/', fetch: fileFetch('public'), perClass: config.perClass });
console.log(`Loss race: ${backend} on ${hardware}, Node ${process.version}`);
console.log(`small CNN filters ${RACE_MODEL.filters.join(', ')}, hidden ${RACE_MODEL.hidden}, BatchNorm momentum ${RACE_MODEL.batchNormMomentum} (${params.trainable} trainable weights, ${params.total} in all); batch ${BATCH_SIZE}; Adam lr ${config.learningRate}; seed ${config.seed}`);
console.log(`train: first ${config.perClass} per class of fashion/train (${data.train.count} images); validation: ${VALIDATION_PER_CLASS} per class drawn with seed ${VALIDATION_SEED} from ranks ${TRAIN_MAX_PER_CLASS}–199 of each class of fashion/train (${data.validation.count} images, never trained on); test: first ${TEST_PER_CLASS} per class of fashion/test (${data.test.count} images, measured once after training); ${config.epochs} epochs`);

// Progress on stderr (a line per validation point), so a long run on a software GPU shows it is alive.
let said = 0;
let testing = false;
const race = new LossRace(tf, data, config, (s) => {
  const points = Math.min(...s.runs.map((r) => r.validation.length));
  if (points > said) console.error(`  epoch ${points - 1}: ${(s.elapsedMs / 1000).toFixed(0)} s`);
  if (s.phase === 'testing' && !testing) console.error(`  testing: ${(s.elapsedMs / 1000).toFixed(0)} s`);
  testing = s.phase === 'testing';
  said = points;
});
const before = tf.memory().numTensors;
const r = await race.run();
const f = (v: number) => v.toFixed(4);
console.log('\nValidation (after each epoch):\nepoch  step   loss   train(last batch)  val CE   val SE   val acc');
for (const run of r.runs) {
  for (const v of run.validation) {
    const last = run.train.filter(([s]) => s <= v.step).at(-1);
    console.log(`${String(v.step / r.perEpoch).padStart(5)} ${String(v.step).padStart(5)}   ${run.kind.padEnd(4)}   ${last ? f(last[1]) : '   —  '}             ${f(v.ce)}   ${f(v.mse)}   ${(v.accuracy * 100).toFixed(1)}%`);
  }
}
console.log(`\nTest (${r.runs[0]!.test?.count ?? 0} images, measured once after the last epoch):\nloss   test CE  test SE  test acc`);
for (const run of r.runs) if (run.test) console.log(`${run.kind.padEnd(4)}   ${f(run.test.ce)}   ${f(run.test.mse)}   ${(run.test.accuracy * 100).toFixed(1)}%`);
console.log(`\n${raceSummary(r)}`);
console.log(`\n${r.totalSteps} steps per network in ${(r.elapsedMs / 1000).toFixed(1)} s (${r.imagesPerSecond.toFixed(1)} images/s over both); tensors left: ${tf.memory().numTensors - before}`);
// Exit explicitly (Dawn keeps the event loop alive), after stdout has drained into a pipe or file.
await new Promise((r) => process.stdout.write('', r));
process.exit(0);
