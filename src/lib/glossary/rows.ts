/**
 * The glossary page's rows (content/en/glossary.mdx, content/zh-cn/glossary.mdx): every term of
 * src/lib/i18n/glossary.json — the one terminology the Chinese chapters and the widget catalogue use — with its note
 * in the reader's language and the variants the book does not write. The notes are written for translators in
 * English in the glossary file; their Chinese, for the Chinese edition's readers, is kept here, one per noted term
 * (tests/unit/glossary/rows.test.ts fails when a note has no Chinese or a Chinese note has lost its term).
 */
import glossary from '../i18n/glossary.json';
import type { Lang } from '../i18n/locales.ts';

export interface Term { en: string; zh: string; note?: string; avoid?: string[] }
export interface GlossaryRow { en: string; zh: string; note: string }

export const TERMS: readonly Term[] = glossary.terms as Term[];

/** The Chinese of each English note, by the term's English. */
export const NOTES_ZH: Readonly<Record<string, string>> = {
  kernel: '谈“滤波器”（filter）时也可以写滤波器。核方法意义上的kernel（如MMD的核双样本检验）写作核方法或核函数，那不是卷积核。',
  stride: '其他书里常用“步长”，而优化器的步长（step size）也叫这个名字；卷积的stride本书一律写作步幅。',
  dilation: '膨胀卷积又称空洞卷积，写作膨胀卷积（空洞卷积），并交代一次空洞卷积是另一个常见的名字。',
  'depthwise convolution': '可以在括号里给出一次“逐通道卷积”。',
  pooling: '在池化一章里交代一次：有些书（如《动手学深度学习》的新版）写作“汇聚”。',
  'dense layer': 'Keras的Dense层：写作全连接层（Dense层）。',
  'rectified linear unit (ReLU)': '首次出现之后通常直接写ReLU。',
  batch: 'mini-batch是小批量，batch size是批量大小。',
  epoch: '“一个epoch”写作一轮（epoch）；界面标签里的“epochs”写作轮数，短标签写“第N轮”。',
  'hinge loss': '“Hinge损失”也很常见；首次出现写作合页损失（hinge loss）。',
  softmax: '保留拉丁字母；首次出现写作softmax函数。',
  logit: '保留拉丁字母；首次出现写作未归一化的得分（logit）。',
  head: '冻结的基础网络之上那个小分类器；用于分类时也叫分类头。',
};

const AVOID = { en: (v: string) => `Not: ${v}.`, 'zh-CN': (v: string) => `不写作：${v}。` } as const;

export function glossaryRows(lang: Lang): GlossaryRow[] {
  return TERMS.map((t) => {
    const note = lang === 'en' ? t.note : NOTES_ZH[t.en];
    const avoid = t.avoid?.length ? AVOID[lang](t.avoid.join(lang === 'en' ? ', ' : '、')) : '';
    return { en: t.en, zh: t.zh, note: [note, avoid].filter(Boolean).join(lang === 'en' ? ' ' : '') };
  });
}
