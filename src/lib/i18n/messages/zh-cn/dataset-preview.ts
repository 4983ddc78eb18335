/** `<fm-dataset-preview>` in Simplified Chinese (English: ../en/dataset-preview.ts). */
import type en from '../en/dataset-preview.ts';
import type { Translation } from '../../types.ts';

export default {
  'datasetPreview.title': { other: '{dataset}{split}：每类的前{count}张图像' },
  'datasetPreview.loading': '正在加载图像',
  'datasetPreview.progress': '已加载{loaded}，共{total}',
  'datasetPreview.caption': '{dataset}（{split}）：共{count}张图像，每类最多{perClass}张，每行一类：{classes}。已加载{size}。',
  'datasetPreview.row': '“{name}”类的{count}张图像',
  'datasetPreview.noJs': '这张图展示数据集中的样本图像；它需要JavaScript。',
} satisfies Translation<typeof en>;
