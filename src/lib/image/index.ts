export { sniffImage, ImageFileError, type ImageHeader, type ImageType } from './sniff.ts';
export { checkDecodable, checkFileSize, fitWithin, MAX_DECODE_SIDE, MAX_DECODE_PIXELS, MAX_INPUT_SIDE, MAX_FILE_BYTES } from './limits.ts';
export { rgbaToTensor, tensorToRgba, LUMA, type ColorMode } from './pixels.ts';
export { inspectImageFile } from './inspect.ts';
