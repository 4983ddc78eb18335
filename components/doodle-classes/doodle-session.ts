/**
 * The heavy half of `<fm-doodle-classes>`, loaded when the widget nears the viewport: the source model, the
 * base features of each drawing (computed once per drawing and source), training the head, the reader's model
 * (trained or imported) in tfjs's IndexedDB store, classification, export and import. Owns every tensor.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Engine } from '@lib/engine/index.ts';
import { loadShippedModel } from '@lib/models/shipped.ts';
import { MODELS_BASE } from '@lib/widget/assets.ts';
import { assemble, baseFeatures, trainDoodleHead, type HeadOptions } from '@lib/doodle/head.ts';
import { exportModel, importModel, type PickedFile } from '@lib/doodle/model-files.ts';
import { toInput } from '@lib/doodle/preprocess.ts';
import type { Drawing } from '@lib/doodle/strokes.ts';
import { mnistOf } from '@lib/stroke-pad/image.ts';
import { modelUrl } from '@lib/doodle/store.ts';

export { importModel };

/** The network's view of a drawing: 28×28, 0–255 (null when the drawing is empty), as the stroke pad prepares it. */
export { mnistOf };

export class DoodleSession {
  engine: Engine;
  model: LayersModel | null = null;
  private base: { name: string; model: LayersModel } | null = null;
  private features = new WeakMap<Drawing, Float32Array>();
  private key: string;

  constructor(engine: Engine, key: string) {
    this.engine = engine;
    this.key = key;
  }

  get sourceName(): string | null { return this.base?.name ?? null; }

  /** Loads the source model (once per name); a new source forgets the cached features. */
  async useSource(name: string): Promise<void> {
    if (this.base?.name === name) return;
    const model = await loadShippedModel(this.engine.tf, name, MODELS_BASE);
    this.base?.model.dispose();
    this.base = { name, model };
    this.features = new WeakMap();
  }

  /** The reader's model saved by an earlier visit, if any. */
  async restore(): Promise<boolean> {
    try {
      this.setModel(await tfl.loadLayersModel(modelUrl(this.key)));
      return true;
    } catch {
      return false; // nothing saved yet (tfjs throws "Cannot find model with path …")
    }
  }

  /** Trains a new head on the drawings (class i = label i); keeps the old model when cancelled. */
  async train(classes: readonly Drawing[][], o: Omit<HeadOptions, 'classes'>): Promise<{ accuracy: number; cancelled: boolean; losses: [number, number][]; ms: number }> {
    const t0 = performance.now();
    const { tf } = this.engine;
    const base = this.base!;
    const all = classes.flatMap((ds, label) => ds.map((d) => ({ d, label })));
    const todo = all.filter(({ d }) => !this.features.has(d));
    if (todo.length) {
      const inputs = new Float32Array(todo.length * 784);
      todo.forEach(({ d }, i) => inputs.set(toInput(mnistOf(d)!), i * 784));
      const { data, dim } = await baseFeatures(tf, base.model, inputs, todo.length);
      if (this.base !== base) throw new Error('the source model changed while its features were computed');
      todo.forEach(({ d }, i) => this.features.set(d, data.slice(i * dim, (i + 1) * dim)));
    }
    const dim = this.features.get(all[0]!.d)!.length;
    const x = new Float32Array(all.length * dim);
    all.forEach(({ d }, i) => x.set(this.features.get(d)!, i * dim));
    const head = await trainDoodleHead(tf, x, all.map((a) => a.label), dim, { ...o, classes: classes.length });
    if (!head.cancelled) {
      this.setModel(assemble(tf, base.model, head, o.seed));
      await this.model!.save(modelUrl(this.key));
    }
    return { accuracy: head.accuracy, cancelled: head.cancelled, losses: head.losses, ms: performance.now() - t0 };
  }

  /** Class probabilities of one drawing under the reader's model. */
  async classify(d: Drawing): Promise<number[] | null> {
    const px = mnistOf(d);
    if (!px || !this.model) return null;
    const { tf } = this.engine;
    const model = this.model;
    const p = tf.tidy(() => model.predict(tf.tensor4d(toInput(px), [1, 28, 28, 1])) as ReturnType<typeof tf.softmax>);
    try {
      return Array.from(await p.data());
    } finally {
      p.dispose();
    }
  }

  async exportFiles(classNames: string[]): Promise<{ name: string; data: Uint8Array | string }[]> {
    return exportModel(this.engine.tf, this.model!, classNames);
  }

  /** Replaces the reader's model with one from files (saved for the next visit); throws a message naming the file. */
  async importFiles(files: PickedFile[]): Promise<string[]> {
    const { model, classNames } = await importModel(this.engine.tf, files);
    this.setModel(model);
    await model.save(modelUrl(this.key));
    return classNames;
  }

  dispose(): void {
    this.base?.model.dispose();
    this.model?.dispose();
    this.base = null;
    this.model = null;
  }

  private setModel(m: LayersModel): void {
    this.model?.dispose();
    this.model = m;
  }
}
