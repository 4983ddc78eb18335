/** `<fm-activation-maps>`'s words in Simplified Chinese (English: ../en/activation-maps.ts). */
import type en from '../en/activation-maps.ts';
import type { Translation } from '../../types.ts';

export default {
  'activationMaps.image': '图像',
  'activationMaps.featureMap': '特征图',
  'activationMaps.activation': '激活函数',
  'activationMaps.slope': '{name}斜率',
  'activationMaps.beforeEmpty': '激活前的特征图：尚未计算',
  'activationMaps.afterEmpty': '激活后的特征图：尚未计算',
  'activationMaps.before': '激活前',
  'activationMaps.after': '激活后',
  'activationMaps.legendNegative': '颜色：负',
  'activationMaps.legendPositive': '正（白色 = 0）。每张图各用各的色标（见图下方），以便看清其结构：最亮的1%的像素取色标端点的颜色。',
  'activationMaps.waiting': '等待计算…',
  'activationMaps.timing': '卷积与激活用时{ms}毫秒。',
  'activationMaps.stats': '恰好为零的值占{zeros}，取值范围{min}到{max}',
  'activationMaps.beforeCaption': '激活前：{kernel}特征图，{stats}',
  'activationMaps.afterCaption': '经过{name}后：{stats}',
  'activationMaps.summary': '{image}的第{channel}张特征图（{kernel}），{h}×{w}像素（高×宽）：{name}之前恰好为0的值占{before}，之后占{after}。',
  'activationMaps.beforeLabel': '激活前的{kernel}特征图：{stats}；色标范围为{range}',
  'activationMaps.afterLabel': '同一张特征图经过{name}后：{stats}；色标范围为{range}',
  'activationMaps.range': '{lo}至{hi}',
  'activationMaps.rangeBeyond': '{lo}至{hi}（{share}的像素超出此范围）',
  'activationMaps.scaleTitle': '这张特征图的色标：{range}',
  'activationMaps.histValue': '值',
  'activationMaps.histBefore': '激活前 · 每个区间的像素数',
  'activationMaps.histAfter': '经过{name}后 · 每个区间的像素数',
  'activationMaps.failed': '无法计算特征图：{error}',
  'activationMaps.noDrawing': 'image必须是这里的示例照片之一（手绘输入请用卷积交互演示）。',
  'activationMaps.channelRefused': '{why}各特征图依次为：{maps}。',
  'activationMaps.noJs': '这些实时计算的特征图需要JavaScript。下方的图注描述了它们展示的内容。',
} satisfies Translation<typeof en>;
