/**
 * A copy of a LayersModel with its own variables (same architecture from its JSON, weights copied), so an
 * adaptation can change the copy and leave the original as it was. The caller disposes the copy.
 */
import * as tfl from '@tensorflow/tfjs-layers';

export async function cloneModel(model: tfl.LayersModel): Promise<tfl.LayersModel> {
  const copy = await tfl.models.modelFromJSON({ modelTopology: model.toJSON(null, false) } as never);
  try {
    copy.setWeights(model.getWeights());
  } catch (err) {
    // The source was disposed meanwhile (its engine scope ended): the copy's fresh variables must not leak.
    copy.dispose();
    throw err;
  }
  return copy;
}
