/**
 * The glossary page's rows (content/en/glossary.mdx, content/zh-cn/glossary.mdx): every term of
 * src/lib/i18n/glossary.json — the one terminology the Chinese chapters and the widget catalogue use — with its note
 * in the reader's language and the variants the book does not write. The notes are written for translators in
 * English in the glossary file; their Chinese, for the Chinese edition's readers, is kept here, one per noted term
 * (tests/unit/glossary/rows.test.ts fails when a note has no Chinese or a Chinese note has lost its term).
 */
import glossary from '../i18n/glossary.json' with { type: 'json' };
import type { Lang } from '../i18n/locales.ts';

export interface Term { en: string; zh: string; note?: string; avoid?: string[] }
export interface GlossaryRow { en: string; zh: string; note: string }

export const TERMS: readonly Term[] = glossary.terms as Term[];

/** The Chinese of each English note, by the term's English. */
export const NOTES_ZH: Readonly<Record<string, string>> = {
  kernel: '正文讲的是滤波器（filter）时，也写作滤波器。核方法意义上的kernel（如MMD中的核双样本检验）写作核方法或核函数，它与卷积核不是一回事。',
  stride: '其他书中常写作“步长”，而优化器的步长（step size）也用这个词；卷积的stride，本书一律写作步幅。',
  dilation: '膨胀卷积的另一个常见名称是空洞卷积；本书写作膨胀卷积，并在卷积一章里交代一次空洞卷积这个名称。',
  'depthwise convolution': '也称逐通道卷积，本书在括号里注明一次。',
  pooling: '有些书（如新版《动手学深度学习》）写作“汇聚”，池化一章对此交代了一次。',
  'dense layer': 'Keras中的Dense层写作全连接层（Dense层）。',
  'rectified linear unit (ReLU)': '首次出现之后通常直接写ReLU。',
  batch: 'mini-batch译作小批量，batch size译作批量大小。',
  epoch: '“一个epoch”写作一轮（epoch）；界面标签里的“epochs”写作轮数，短标签写作“第N轮”。',
  'hinge loss': '“Hinge损失”的写法也很常见；首次出现时写作合页损失（hinge loss）。',
  softmax: '保留英文原词；首次出现时写作softmax函数。',
  logit: '保留英文原词；首次出现时写作未归一化的得分（logit）。',
  head: '指冻结的基础网络之上的那个小分类器；在分类任务中也称为分类头。',
};

const AVOID = { en: (v: string) => `Not: ${v}.`, 'zh-CN': (v: string) => `不写作：${v}。` } as const;

export function glossaryRows(lang: Lang): GlossaryRow[] {
  return TERMS.map((t) => {
    const note = lang === 'en' ? t.note : NOTES_ZH[t.en];
    const avoid = t.avoid?.length ? AVOID[lang](t.avoid.join(lang === 'en' ? ', ' : '、')) : '';
    return { en: t.en, zh: t.zh, note: [note, avoid].filter(Boolean).join(lang === 'en' ? ' ' : '') };
  });
}
