/** Every widget's shared message line in Simplified Chinese (English: ../en/widget.ts). */
import type en from '../en/widget.ts';
import type { Translation } from '../../types.ts';

export default {
  'widget.failed': '出错了：{error}',
  'widget.unknownError': '未知错误',
  'widget.engineFailed': '计算引擎无法启动：{error}',
  'widget.retry': '重试',
  'widget.engineRestarted': '{backend}计算引擎已重启，正在重新计算。',
  'widget.engineRestartedKernels': '{backend}计算引擎已重启，正在重新计算。{failures}',
  'widget.engineMoved': '计算引擎已从{from}切换到{to}，正在重新计算。',
  'widget.engineMovedWhy': '计算引擎已从{from}切换到{to}（{reason}），正在重新计算。',
} satisfies Translation<typeof en>;
