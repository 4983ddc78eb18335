/** Minimal, valid image files built byte by byte, so the sniffer is tested on real layouts. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  out.set(Buffer.from(type, 'ascii'), 4);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}
const concat = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** An 8-bit gray PNG of w×h; `pixels` false writes no IDAT (for header-only tests). */
export function png(width: number, height: number, pixels = true): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width); v.setUint32(4, height); ihdr[8] = 8; ihdr[9] = 0;
  const raw = pixels ? new Uint8Array((width + 1) * height).map((_, i) => (i % (width + 1) === 0 ? 0 : i % 251)) : new Uint8Array(0);
  return concat([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** A baseline-JPEG skeleton: SOI, APP0, SOF0 with the size, SOS, a few data bytes, EOI. */
export function jpeg(width: number, height: number): Uint8Array {
  const sof = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, ...sof, 0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]);
}

export function gif(width: number, height: number): Uint8Array {
  return new Uint8Array([...Buffer.from('GIF89a'), width & 255, width >> 8, height & 255, height >> 8, 0, 0, 0, 0x2c, 0, 0, 0x3b]);
}

export function bmp(width: number, height: number, topDown = false): Uint8Array {
  const b = new Uint8Array(54 + 4 * width * height);
  const v = new DataView(b.buffer);
  b.set(Buffer.from('BM'));
  v.setInt32(2, b.length, true); v.setInt32(10, 54, true); v.setInt32(14, 40, true);
  v.setInt32(18, width, true); v.setInt32(22, topDown ? -height : height, true);
  return b;
}

function riff(chunkName: string, body: number[]): Uint8Array {
  const payload = [...Buffer.from('WEBP'), ...Buffer.from(chunkName), body.length & 255, (body.length >> 8) & 255, 0, 0, ...body];
  const n = payload.length;
  return new Uint8Array([...Buffer.from('RIFF'), n & 255, (n >> 8) & 255, 0, 0, ...payload]);
}
export function webpLossy(width: number, height: number): Uint8Array {
  return riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, width & 255, width >> 8, height & 255, height >> 8, 0, 0]);
}
export function webpLossless(width: number, height: number): Uint8Array {
  const bits = (width - 1) | ((height - 1) << 14);
  return riff('VP8L', [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >>> 24) & 255, 0, 0, 0, 0, 0]);
}
export function webpExtended(width: number, height: number): Uint8Array {
  const w = width - 1, h = height - 1;
  return riff('VP8X', [0, 0, 0, 0, w & 255, (w >> 8) & 255, w >> 16, h & 255, (h >> 8) & 255, h >> 16, 0, 0]);
}
