/** The fine-tuning lab's logic: set-up parsing, target data, the transfer model, a run on the engine, words. */
export * from './config.ts';
export { TARGET_TASKS, pickPerClass, pickValidation, subset, ofClasses, checkCustomTask, customTaskProblem, type TargetTask, type TaskData, type CustomTask } from './targets.ts';
export { TaskLoader, SMALL_POOL, VALIDATION_PER_CLASS, type TaskRequest } from './data.ts';
export { toDevice, type DeviceSet } from './device-set.ts';
export { transferModel, applyFreeze, frozenUpTo, lrMultipliers, BASE_LAYERS, FREEZE_UP_TO, HEAD_LAYER } from './model.ts';
export { cacheable, computeFeatures, type Gate } from './features.ts';
export { shifts, shiftImage, withShiftedCopies, shiftBatch, MAX_SHIFT, FEATURE_COPIES } from './augment.ts';
export { evaluateOn, type HeldOut } from './evaluate.ts';
export { LabRun, MAX_BATCH, batchFor, type RunInput, type RunResult, type RunProgress, type EpochPoint } from './run.ts';
export { JobQueue, engineQueue } from './queue.ts';
export * from './summary.ts';
