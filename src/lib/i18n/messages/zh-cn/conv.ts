/** The convolution helpers' messages in Simplified Chinese (English: ../en/conv.ts). */
import type en from '../en/conv.ts';
import type { Translation } from '../../types.ts';

export default {
  'conv.kernelEmpty': '{name}为空：请填写预设名，或按行填写数字，如“1,0,-1; 2,0,-2; 1,0,-1”。',
  'conv.kernelSize': '{name}的大小须在{min}×{min}到{max}×{max}之间，现为{rows}×{cols}。',
  'conv.kernelRagged': '{name}的每一行须有相同个数的数（{cols}个），请检查{raw}。',
  'conv.kernelPreset': '没有名为{raw}的卷积核预设。请从{presets}中选择，或按行填写数字。',
  'conv.kernelSizeWhole': '{name}须为{min}到{max}之间的整数，现为{raw}。',
  'conv.noOutput': '卷积核（膨胀为{dilation}）覆盖{kh}×{kw}个像素，大于填充后的{h}×{w}输入，因此没有输出。请减小卷积核或膨胀，或增加填充。',
  'conv.cell': '{name}第{row}行第{col}列',
  'conv.weightEmpty': '{name}为空，请填写一个数，如0、1或-0.5。',
  'conv.weightNaN': '{name}须为数字，现为{raw}。',
  'conv.weightInfinite': '{name}须为有限的数，现为{raw}。',
  'conv.weightLarge': '{name}太大（{raw}），权重须在-{max}到{max}之间。',
} satisfies Translation<typeof en>;
