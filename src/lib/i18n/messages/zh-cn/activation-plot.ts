/** `<fm-activation-plot>`'s words in Simplified Chinese (English: ../en/activation-plot.ts). */
import type en from '../en/activation-plot.ts';
import type { Translation } from '../../types.ts';

export default {
  'activationPlot.functions': '要比较的函数',
  'activationPlot.slope': 'x < 0时{name}的斜率',
  'activationPlot.plotLabel': '读数位置x（可用方向键移动）',
  'activationPlot.notComputed': '尚未计算',
  'activationPlot.tableCaption': '读数位置处的函数值',
  'activationPlot.atX': 'x = {x}处',
  'activationPlot.engine': '用JavaScript精确计算（float64），无需GPU或TensorFlow.js。',
  'activationPlot.keepOne': '请至少保留一个要绘制的函数。',
  'activationPlot.value': '{label}：f = {f}，f′ = {df}',
  'activationPlot.readout': 'x = {x}。{values}',
  'activationPlot.xAxis': 'x（激活前的输入）',
  'activationPlot.xNotNumber': 'x必须是{min}到{max}之间的数，收到的是{raw}。',
  'activationPlot.xOutOfRange': 'x必须在{min}到{max}之间，收到的是{value}。',
  'activationPlot.noJs': '这个交互图需要JavaScript。下方的图注描述了它展示的内容。',
} satisfies Translation<typeof en>;
