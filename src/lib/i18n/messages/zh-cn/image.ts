import type en from '../en/image.ts';
import type { Translation } from '../../types.ts';

export default {
  'image.empty': '这个{type}文件声明的图片是空的（{height}×{width}像素，高×宽）。',
  'image.tooLarge': '这张图片有{height}×{width}像素（高×宽），太大，无法在这里打开（每边最多{side}像素，总共最多{megapixels}百万像素）。请先把它缩小。',
  'image.fileTooLarge': '这个文件有{size} MB；交互演示最多打开{max} MB的文件。',
  'image.truncated': '这个{type}文件不完整（它被截断了，可能是下载中断所致）。请换一个文件。',
  'image.notImage': '交互演示读不了这个文件。请选择PNG、JPEG、GIF、WebP或BMP格式的图片。',
  'image.jpegDamaged': '这个JPEG文件已损坏（标记的位置不对）。请换一个文件。',
  'image.webpLayout': '这个WebP文件的结构交互演示无法识别。请换一个文件。',
} satisfies Translation<typeof en>;
