/** Reads the IDX format of the MNIST family (big-endian header: magic 0x0000 08 <dims>, then each dimension). */
export function parseIdx(bytes: Uint8Array, name: string): { dims: number[]; data: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || bytes[2] !== 0x08) throw new Error(`${name}: not an unsigned-byte IDX file`);
  const rank = bytes[3]!;
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const offset = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== offset + size) throw new Error(`${name}: expected ${offset + size} bytes, found ${bytes.length}`);
  return { dims, data: bytes.subarray(offset) };
}
