/**
 * Each widget's title in the book's languages: the English is the registry's (`WIDGETS[].title`), the Chinese is
 * here, in the glossary's terms (widget 交互图, playground/explorer 交互演示, stepper 分步演示). The embed page heads
 * itself with it, and the widget gallery lists it.
 */
import type { Lang } from '../i18n/locales.ts';
import type { WidgetEntry } from './registry.ts';

export const TITLES_ZH: Readonly<Record<string, string>> = {
  'conv-playground': '卷积交互演示',
  'conv-stepper': '卷积分步演示',
  'dataset-preview': '数据集预览',
  'softmax-explorer': 'softmax与交叉熵交互演示',
  'loss-curves': '损失曲线：交叉熵、平方误差与合页损失',
  'activation-plot': '激活函数及其导数',
  'vanishing-gradients': '深层网络中各层的梯度范数',
  'activation-maps': '激活函数前后的特征图',
  'pool-explorer': '池化交互演示：最大池化、平均池化与全局平均池化',
  'receptive-field': '深层单元的感受野',
  'network-explorer': '走进一个训练好的CNN：逐层查看每个卷积核与每个输出概率',
  'loss-race': '损失赛跑：交叉熵对平方误差，实时训练',
  'finetune-lab': '微调实验室：把预训练的CNN迁移到新任务',
  'domain-shift': '域偏移与领域自适应（AdaBN、微调）',
  'feature-reuse': '哪些层可以迁移：预训练特征与随机特征',
  'doodle-classes': '教网络认识你自己的涂鸦',
};

export function widgetTitle(entry: Pick<WidgetEntry, 'slug' | 'title'>, lang: Lang): string {
  return lang === 'zh-CN' ? (TITLES_ZH[entry.slug] ?? entry.title) : entry.title;
}
