/**
 * The network explorer lays out its maps before a model's files load, from smallCnnSpecs with the model's class
 * count (components/network-explorer/shell-layout.ts): each shipped model in public/models/ must be exactly that.
 */
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../src/lib/models/shipped.ts';
import { describeLayers } from '../../../src/lib/nets/layer-spec.ts';
import { smallCnnSpecs } from '../../../src/lib/nets/small-cnn-spec.ts';
import { loadModel } from '../../../src/lib/train/model-io.ts';
import { dirReader } from '../../../src/lib/train/node-files.ts';
import { cpu } from '../train/helpers.ts';

describe.each(Object.values(MODELS))('shipped model $name', { timeout: 30_000 }, (spec) => {
  it('is the small CNN with its class count, layer for layer (the explorer’s shell is laid out from it)', async () => {
    const tf = await cpu();
    const dir = `public/models/${spec.name}`;
    const model = await loadModel(tf, dirReader(dir), dir, [28, 28, 1]);
    expect(describeLayers(model.layers)).toEqual(smallCnnSpecs({ classes: spec.classes }));
    model.dispose();
  });
});
