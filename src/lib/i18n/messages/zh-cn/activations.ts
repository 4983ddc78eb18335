/** The activation functions' shared words in Simplified Chinese (English: ../en/activations.ts). */
import type en from '../en/activations.ts';
import type { Translation } from '../../types.ts';

export default {
  'activations.withSlope': '{name}（斜率{slope}）',
  'activations.slopeNotNumber': 'slope必须是0到{max}之间的数，收到的是{raw}。',
  'activations.slopeOutOfRange': 'slope必须在0到{max}之间，收到的是{value}。',
  'activations.listEmpty': '{name}至少需要以下之一：{allowed}。',
} satisfies Translation<typeof en>;
