/** A plain tensor in tfjs layout: images NHWC, kernels [h, w, inChannels, outChannels]. */
export interface PlainTensor<T extends ArrayLike<number> = Float32Array> {
  data: T;
  shape: number[];
}
