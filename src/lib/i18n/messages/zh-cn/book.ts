/** The book's Astro components in Simplified Chinese (English: ../en/book.ts). */
import type en from '../en/book.ts';
import type { Translation } from '../../types.ts';

export default {
  'book.chapter.about': '关于本章',
  'book.chapter.number': '第{order}章',
  'book.chapter.readingTime': '约{minutes}分钟',
  'book.chapter.objectives': '学完本章，你将能够',
  'book.chapter.prerequisites': '预备知识',
  'book.chapter.notation': '各符号的含义见{link}。',
  'book.chapter.notationLink': '符号表',

  'book.predict.label': '先预测，再核对',
  'book.predict.yours': '你的预测',
  'book.predict.check': '核对你的预测',

  'book.exercise.number': '练习',
  'book.exercise.link': '链接',
  'book.exercise.linkLabel': '指向练习“{title}”的链接',
  'book.exercise.kind.derivation': '推导',
  'book.exercise.kind.calculation': '计算',
  'book.exercise.kind.experiment': '用交互图做实验',
  'book.exercise.kind.explanation': '解释',
  'book.exercise.yours': '你的答案',
  'book.exercise.solution': '详细解答',

  'book.answer.hint': '先写下你的答案，再展开解答。内容只保存在这个浏览器中。',

  'book.figure.skip': '跳过这张交互图',
  'book.figure.printNote': '打印时这张交互图尚未运行，图注描述了它的内容。章首的“打印本章”会先运行所有交互图再打印。',


  'book.offline.save': '保存以便离线阅读',
  'book.offline.remove': '删除离线副本',

  'book.notation.symbol': '符号',
  'book.notation.meaning': '含义',
  'book.notation.firstIn': '首次出现',
  'book.notation.chapter': '第{order}章：{title}',

  'book.glossary.english': '英文',
  'book.glossary.chinese': '中文',
  'book.glossary.notes': '说明',

  'book.code.output': '运行输出（在Node中运行，TensorFlow.js使用CPU计算）',
  'book.code.copy': '复制',
  'book.code.copied': '已复制',
  'book.code.copiedStatus': '代码已复制。',
  'book.code.copyFailed': '复制失败：请选中代码后手动复制。',

  'book.dilation.panel': 'd = {d}：覆盖{span}×{span}',
  'book.dilation.caption': '3×3卷积核的九个权重落在7×7输入区域上的位置（实心方格）。膨胀率为1时覆盖3×3的区域；膨胀率为2时相邻采样点之间隔一个像素，覆盖5×5；膨胀率为3时隔两个像素，覆盖7×7。权重的个数以及每个输出所需的乘加次数始终是九。',
} satisfies Translation<typeof en>;
