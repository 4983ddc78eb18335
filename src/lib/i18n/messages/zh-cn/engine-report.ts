/**
 * `<fm-engine-report>`'s words in Simplified Chinese (English: ../en/engine-report.ts). A GPU "kernel" here is a
 * program that runs on the GPU (核函数, as in CUDA texts), not a convolution kernel (卷积核).
 */
import type en from '../en/engine-report.ts';
import type { Translation } from '../../types.ts';

export default {
  'engineReport.checking': '正在检查这个浏览器…',
  'engineReport.backend': '后端',
  'engineReport.adapter': '适配器',
  'engineReport.startup': '启动',
  'engineReport.howChosen': '计算引擎如何选择后端',
  'engineReport.kernelsHeading': '本书自己的GPU核函数',
  'engineReport.notStarted': '尚未启动。',
  'engineReport.notChecked': '尚未检查。',
  'engineReport.softwareAdapter': '{adapter}——软件适配器',
  'engineReport.noAdapter': '无（未使用WebGPU）',
  'engineReport.startupMs': '加载TensorFlow.js、选择并检查后端共用时{ms}毫秒',
  'engineReport.webgpuStarted': 'WebGPU已启动，并通过了冒烟测试。',
  'engineReport.kernelInUse': '{name}：已与float64参考实现核对，正在使用',
  'engineReport.kernelNotUsed': '{name}：{reason}',
  'engineReport.noKernels': '{backend}上没有：全部运算都由tfjs自己的核函数完成。',
  'engineReport.failed': '计算引擎无法启动：{error}',
} satisfies Translation<typeof en>;
