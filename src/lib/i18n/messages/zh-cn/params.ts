/** The shared parsers' messages in Simplified Chinese (English: ../en/params.ts). */
import type en from '../en/params.ts';
import type { Translation } from '../../types.ts';

export default {
  'params.integer.notWhole': '{name}应为{min}到{max}之间的整数，当前为{got}。',
  'params.integer.outOfRange': '{name}应在{min}到{max}之间，当前为{got}。',
  'params.keyword.unknown': '无法识别的{name}：{got}。可选值：{choices}。',
  'params.keyword.choices': '{before}、{after}',
  'params.weight.empty': '{name}为空，请输入一个数，例如0、1或-0.5。',
  'params.weight.notNumber': '{name}应为数字，当前为{got}。',
  'params.weight.notFinite': '{name}应为有限的数，当前为{got}。',
  'params.weight.tooLarge': '{name}太大（{got}），权重应在-{max}到{max}之间。',
  'params.real.notNumber': '{name}应为{range}的数，当前为{got}。',
  'params.real.outOfRange': '{name}应为{range}的数，当前为{got}。',
  'params.real.range': '{min}到{max}之间',
  'params.real.rangeExample': '{min}到{max}之间（例如{example}）',
  'params.padding.invalid': '{name}应为valid、same或0到{max}之间的整数，当前为{got}。',
} satisfies Translation<typeof en>;
