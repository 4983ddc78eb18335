/** The one head trainer: build a head (a copy above a cut, or a fresh seeded dense stack) and train it on frozen features. */
export { headOf, copyHeadBack, denseHead, initialKernel, HEAD_KINDS, type DenseHeadOptions } from './model.ts';
export { trainHead, predictHead, accuracyOf, type HeadData, type HostFeatures, type HeadTrainOptions } from './train.ts';
