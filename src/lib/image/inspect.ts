import { checkDecodable, checkFileSize, fitWithin } from './limits.ts';
import { sniffImage, type ImageHeader } from './sniff.ts';

/**
 * Everything decided about an image file before a single pixel is decoded: its type and size, that it is
 * complete and small enough, and the size it will be drawn at. Throws ImageFileError with the reason.
 */
export function inspectImageFile(bytes: Uint8Array): { header: ImageHeader; target: { width: number; height: number } } {
  checkFileSize(bytes.length);
  const header = sniffImage(bytes);
  checkDecodable(header);
  return { header, target: fitWithin(header.width, header.height) };
}
