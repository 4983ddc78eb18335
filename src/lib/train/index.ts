export { Trainer, train, type TrainOptions, type TrainResult, type Progress, type TensorSet } from './trainer.ts';
export { evaluate, predictClasses, summarise, type Evaluation } from './evaluate.ts';
export { saveModel, loadModel, urlReader, WEIGHTS_FILE, type FileReader, type FileWriter } from './model-io.ts';
export { installFastConvGrad, uninstallFastConvGrad, fastConvGradInstalled } from './fast-conv-grad.ts';
export { FusedAdam } from './fused-adam.ts';
export { logits, crossEntropy, squaredError, classificationLoss, lossAndGrads, trainableVariables, LOSS_KINDS, type LossKind } from './forward.ts';
export { permutation, upload, gatherBatch, stepsPerEpoch, type ImageSet } from './batches.ts';
