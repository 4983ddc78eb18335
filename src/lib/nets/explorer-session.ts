/**
 * What the network explorer keeps between runs: the open model (switched only after the new one has loaded,
 * so a bad model file leaves the previous one working), the data manifest and the test images loaded so far.
 * `run` is one forward pass of 8-bit pixels through every layer; `dispose` frees the model's tensors.
 */
import type { Tf } from '../engine/types.ts';
import { loadManifest, toFloat32, type Manifest } from '../data/index.ts';
import { forwardAll, type ForwardResult, type LayerOutput } from './explorer-forward.ts';
import { modelSpec, openModel, type ExplorerModel } from './explorer-model.ts';
import { TestImages, checkImageIndex, type TestImage } from './test-images.ts';

export class ExplorerSession {
  model: ExplorerModel | null = null;
  /** Bumped by `dispose`: a model that finishes loading after it belongs to a released session. */
  private epoch = 0;
  private loading: { name: string; promise: Promise<ExplorerModel> } | null = null;
  private manifest: Promise<Manifest> | null = null;
  private images: TestImages | null = null;
  private readonly modelsBase: string;
  private readonly dataBase: string;

  constructor(modelsBase: string, dataBase: string) {
    this.modelsBase = modelsBase;
    this.dataBase = dataBase;
  }

  private async data(): Promise<{ manifest: Manifest; images: TestImages }> {
    this.manifest ??= loadManifest(this.dataBase).catch((err) => {
      this.manifest = null; // try again next time
      throw err;
    });
    const manifest = await this.manifest;
    this.images ??= new TestImages(this.dataBase, manifest);
    return { manifest, images: this.images };
  }

  /** Opens `name` unless it is open (or loading) already; on failure the previous model stays open. */
  async useModel(tf: Tf, name: string): Promise<ExplorerModel> {
    if (this.model?.name === name) return this.model;
    modelSpec(name); // an unknown name fails before any request
    if (this.loading?.name !== name) this.loading = { name, promise: this.load(tf, name) };
    const mine = this.loading;
    try {
      return await mine.promise;
    } finally {
      if (this.loading === mine) this.loading = null;
    }
  }

  private async load(tf: Tf, name: string): Promise<ExplorerModel> {
    const epoch = this.epoch;
    const { manifest } = await this.data();
    const next = await openModel(tf, name, this.modelsBase, manifest);
    // Keep nothing that was released (widget gone, device lost) or superseded (another model asked for) meanwhile.
    if (epoch !== this.epoch || this.loading?.name !== name) {
      next.model.dispose();
      throw new Error(`${name} was no longer wanted when it had loaded`);
    }
    this.model?.model.dispose();
    this.model = next;
    return next;
  }

  /** Test image `index` of the open model's test set (a ParamError naming the range when out of it). */
  async testImage(index: number): Promise<TestImage> {
    const m = this.model!;
    checkImageIndex(m.testSet, m.name, index);
    return (await this.data()).images.get(m.testSet, index);
  }

  /** The open model on `pixels`; with `onFirstBlock`, the first block's outputs (conv … pool) as soon as they are read. */
  run(tf: Tf, pixels: Uint8Array, onFirstBlock?: (layers: LayerOutput[]) => void): Promise<ForwardResult> {
    const { data, shape } = toFloat32(pixels, 1);
    const layers = this.model!.model.layers;
    const secondConv = layers.findIndex((l, i) => i > 0 && l.getClassName() === 'Conv2D');
    return forwardAll(tf, this.model!.model, { data, shape }, secondConv > 0 ? secondConv : undefined, onFirstBlock);
  }

  /** Frees the model (the next `useModel` loads it again, e.g. on a new backend after a lost device). */
  dispose(): void {
    this.model?.model.dispose();
    this.model = null;
    this.loading = null;
    this.epoch++;
  }
}
