/** Why a picture a reader opened cannot be used (src/lib/image: the file's header is read before decoding). */
export default {
  'image.empty': 'This {type} file claims an empty picture ({height}×{width} pixels, height × width).',
  'image.tooLarge': 'This picture is {height}×{width} pixels (height × width), too large to open here (at most {side} pixels a side and {megapixels} megapixels). Make it smaller first.',
  'image.fileTooLarge': 'This file is {size} MB; the playground opens files up to {max} MB.',
  'image.truncated': 'This {type} file is incomplete (it was cut short, perhaps by an interrupted download). Try another file.',
  'image.notImage': 'This file is not an image the playground can read. Choose a PNG, JPEG, GIF, WebP or BMP picture.',
  'image.jpegDamaged': 'This JPEG file is damaged (its markers are out of place). Try another file.',
  'image.webpLayout': 'This WebP file uses a layout the playground does not know. Try another file.',
} as const;
