/**
 * The measured experiments' words (components/experiment-results/): numbers in running text, the results tables,
 * the chart, their provenance lines. The strategy, arm and task names and the budget rule repeat what
 * scripts/experiments.mts and scripts/forgetting.mts write into src/data/ (tests/unit/experiments/words.test.ts holds
 * them equal), so a Chinese page can name them. So do the results files' notes the components show (optimizer, lab
 * default, augmentation, L2-SP, the forgetting file's BatchNorm note), the machine line and a skipped task's reason:
 * an English page shows the file's own text (src/lib/experiments/words.ts), another language the catalogue's while its
 * English is still that text; the same test holds each note equal to the file's and its numbers in the Chinese.
 */
export default {
  'results.points': '{value} points',
  'results.bySeed': '{value} (by seed: {list})',
  'results.listSeparator': ', ',

  'results.strategy.feature-extraction-pool1': 'Feature extraction at pool1',
  'results.strategy.feature-extraction-pool2': 'Feature extraction at pool2',
  'results.strategy.feature-extraction': 'Feature extraction at hidden',
  'results.strategy.feature-extraction-adabn': 'Feature extraction at hidden + AdaBN',
  'results.strategy.conv-frozen': 'Conv blocks frozen (the lab’s default)',
  'results.strategy.partial': 'Partial fine-tuning',
  'results.strategy.full': 'Full fine-tuning',
  'results.strategy.scratch': 'From scratch',
  'results.strategy.conv-frozen-augment': 'Conv blocks frozen + shifts',
  'results.strategy.full-augment': 'Full fine-tuning + shifts',
  'results.arm.l2sp': '{base} + L2-SP, λ_SP = {alpha}',
  'results.task.digits04-to-digits59': 'Digits 0–4 → digits 5–9',
  'results.task.fashion-to-digits59': 'Fashion-MNIST → digits 5–9',
  'results.budget': 'batch = min({maxBatch}, labelled images); {epochs} epochs, but at least {minSteps} and at most {maxSteps} Adam steps (last partial batch of each epoch dropped)',

  'results.table.caption': "{task}: test accuracy (%) on all {images} test images, mean ± standard deviation over seeds {seeds} (each seed's value below it, in that order). Bold: the best mean in its column.",
  'results.table.strategy': 'Strategy',
  'results.table.perClass': '{n} per class',
  'results.table.labels': '{n} labels',
  'results.table.best': ' (best)',
  'results.table.missing': '{task}: not measured yet — {reason}.',
  'results.made.by': 'Made by {runs}, on {hardware}{load}.',
  'results.made.run': '{command} ({strategies}; {date}, {wall} wall, {cpu})',
  'results.made.and': ' and ',
  'results.made.cpu': '{time} of CPU',
  'results.made.allStrategies': 'all strategies',
  'results.made.load': ', load average {load}',
  'results.made.budget': 'Budget: {rule}.',

  'results.chart.x': 'labelled examples per class (log scale)',
  'results.chart.y': 'test accuracy (%)',
  'results.chart.chance': 'chance',
  'results.chart.legend': 'Legend',

  'results.aug.caption': "Augmentation with the fine-tuning lab's shifts (each image moved by up to ±2 pixels, seeded): test accuracy (%) on all test images, mean ± standard deviation over seeds {seeds} (each seed's value below it), and the difference with − without in percentage points (seed by seed below it). Same steps, batch size and labelled images with and without.",
  'results.aug.arm': 'Arm',
  'results.aug.delta': 'with − without',
  'results.aug.madeBy': 'Made by {command} (scripts/experiments.mts) with the same budget as the table of strategies.',

  'results.forgetting.caption': "{source} fine-tuned on digits 5–9, then tested on its old task, digits 0–4, with its original head put back. Test accuracy (%), mean ± standard deviation over seeds {seeds} (each seed's value below it, in that order). Before fine-tuning: {before}% on the {images} test digits 0–4.",
  'results.forgetting.target': 'Digits 5–9',
  'results.forgetting.targetSub': 'new head, {n} images',
  'results.forgetting.source': 'Digits 0–4',
  'results.forgetting.sourceSub': 'original head, {n} images',
  'results.forgetting.change': 'Change on 0–4',
  'results.forgetting.changeSub': 'points',
  'results.forgetting.sourceBn': 'Digits 0–4, source BN',
  'results.forgetting.sourceBnSub': 'statistics put back',
  'results.forgetting.driftSub': 'pretrained layers',
  'results.forgetting.group': '{n} labelled examples per class ({labels} labels)',
  'results.forgetting.madeBy': 'Made by {command} ({date}, {wall} wall, {cpu}) on {hardware}, load average {load}.',
  'results.forgetting.budget': 'Budget: {rule}; Adam, learning rate {lr} and {headLr} for the new head.',

  // The results files' notes and machine lines, as the scripts write them (words.ts shows a file's own text in English).
  'results.made.optimizer': '{text}.',
  'results.note.optimizer': 'Adam (β₁ 0.9, β₂ 0.999, ε 1e-7) and softmax cross-entropy. Fine-tuning and training from scratch: learning rate 0.001 for every trained layer and 0.01 for the new head, within the budget above. Feature extraction (at pool1, pool2 or hidden): a new linear head alone, 2000 steps at 0.003 (trained to convergence on features computed once; cheaper than any fine-tuning run)',
  'results.note.labDefault': '"Conv blocks frozen" is the fine-tuning lab\'s default (src/lib/transfer/config.ts: freeze=conv2, lr 0.001, head-lr ×10, frozen BatchNorm layers keep the source statistics) with the grid\'s budget above; the lab itself trains 10 epochs in batches of at most 16 (at 10 per class: 40 steps of 12 images) and tests on 20 held-out images per class.',
  'results.note.augmentation': 'The fine-tuning lab\'s augmentation (src/lib/transfer/augment.ts): each image moved by a seeded whole-pixel shift of up to ±2 in x and y, the border filled with background. Full fine-tuning shifts every training batch (shiftBatch\'s shifts, seed·7907 + step); with the conv blocks frozen, the head trains on the labelled images plus 2 shifted copies of each (withShiftedCopies), features computed once. Either way the run keeps the steps and batch size of its labelled images (the lab instead trains 10 epochs over the 3× larger set).',
  'results.note.l2sp': 'Ω(w) = λ_SP/2·‖w − w⁰‖² over every pretrained array (conv kernels, BatchNorm γ and β, the hidden layer\'s kernel and bias; w⁰ = digits04-cnn\'s weights) + λ_head/2·‖w‖² over the new head\'s kernel and bias (λ_SP and λ_head are the paper\'s α and β, --alphas and --beta here), its gradient added to the cross-entropy\'s before each Adam step (src/lib/train/cpu/l2sp.ts).',
  'results.note.forgettingBatchNorm': 'Trained BatchNorm layers get the population statistics of the labelled digits 5–9 after training (as in npm run experiments), and the digits 0–4 test runs with them; the column "source BN statistics" puts the digits04-cnn statistics back, to show how much of the loss is the statistics rather than the weights.',
  'results.forgetting.l2sp': 'L2-SP: {text}',
  'results.hardware': '{cpu} ({cores} cores shared with other jobs), one thread; Node {node}, tfjs-wasm matrix products',
  'results.reason.notRun': 'not run (--only)',
  'results.reason.noModel': 'source model {source} is not in {dir}/ yet (run `npm run pretrain -- {source}` or merge the branch that ships it), so this task was skipped',
} as const;
