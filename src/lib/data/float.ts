/** The book's input preprocessing for every model: uint8 pixels → float32 in [0, 1] (x / 255), layout [N, 28, 28, 1]. */
export function toFloat32(images: Uint8Array, count: number, shape: readonly [number, number] = [28, 28]): { data: Float32Array; shape: [number, number, number, 1] } {
  const [h, w] = shape;
  if (images.length !== count * h * w) throw new Error(`Expected ${count}×${h}×${w} = ${count * h * w} pixels, got ${images.length}.`);
  const data = new Float32Array(images.length);
  for (let i = 0; i < images.length; i++) data[i] = images[i]! / 255;
  return { data, shape: [count, h, w, 1] };
}
