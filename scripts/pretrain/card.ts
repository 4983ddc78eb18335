/** MODEL_CARD.md: everything the book states about a shipped model, from the run that made it. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Evaluation } from '../../src/lib/train/evaluate.ts';
import type { ModelSpec } from './datasets.ts';

export interface CardFacts {
  spec: ModelSpec; params: { trainable: number; total: number; bytes: number }; bytes: number; seed: number; epochs: number;
  steps: number; wallS: number; hardware: string; backend: string; evaluation: Evaluation; source: string; command: string; smoke: boolean;
}

export async function writeCard(dir: string, f: CardFacts): Promise<void> {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const text = `# ${f.spec.name}${f.smoke ? ' (SMOKE RUN — not a model to ship)' : ''}

- **Architecture**: conv 3×3 32 (same, no bias) → BatchNorm → ReLU → max-pool 2 → conv 3×3 64 (same, no bias) → BatchNorm → ReLU → max-pool 2 → flatten → dense 64 ReLU → dense ${f.spec.classes} → softmax.
- **Parameters**: ${f.params.total.toLocaleString('en')} (${f.params.trainable.toLocaleString('en')} trainable; the rest are BatchNorm moving statistics); weights file ${f.bytes.toLocaleString('en')} bytes (float32).
- **Input**: \`[N, 28, 28, 1]\`, float32, pixel value / 255 (0 = black background), row-major as in the IDX files.
- **Output**: probabilities of ${f.spec.classes} classes: ${f.spec.classNames.map((c, i) => `${i} = ${c}`).join(', ')}.
- **Data and split**: ${f.smoke ? f.source : f.spec.data}.
- **Training**: the book's own code — ${f.backend}; softmax cross-entropy, Adam lr 0.001, batch 64 (last partial batch of each epoch dropped), seed ${f.seed}, ${f.epochs} epoch(s), ${f.steps} steps.
- **Command**: \`${f.command}\`
- **Wall time**: ${f.wallS.toFixed(1)} s of training on ${f.hardware}.
- **Test accuracy**: ${pct(f.evaluation.accuracy)} on ${f.evaluation.count.toLocaleString('en')} held-out images (the saved model run by TensorFlow.js, inference mode). CI re-evaluates the shipped files and fails below this figure minus 0.5 points.

| class | accuracy |
|---|---|
${f.spec.classNames.map((c, i) => `| ${c} | ${pct(f.evaluation.perClass[i] ?? NaN)} |`).join('\n')}
`;
  await writeFile(join(dir, 'MODEL_CARD.md'), text);
}
