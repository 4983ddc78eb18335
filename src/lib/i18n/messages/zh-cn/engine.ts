/** The engine's words in Simplified Chinese (the English, with what each message is for: ../en/engine.ts). */
import type en from '../en/engine.ts';
import type { Translation } from '../../types.ts';

export default {
  'engine.backend.webgpu': 'WebGPU',
  'engine.backend.webgl': 'WebGL',
  'engine.backend.cpu': 'CPU',

  'engine.step.requested': '页面要求使用{backend}（?backend={backend}）',
  'engine.step.notUsed': '{backend}不可用：{why}',
  'engine.step.stopped': '{backend}已停止工作：{why}',
  'engine.steps.then': '{before}；随后{after}',
  'engine.steps.and': '{before}；{after}',
  'engine.noBackend': '所有后端都无法运行：{steps}',

  'engine.why.noNavigatorGpu': '此浏览器不提供WebGPU（没有navigator.gpu——可能是WebGPU被关闭了，也可能是页面没有通过HTTPS访问）',
  'engine.why.adapterRequestFailed': '浏览器请求WebGPU适配器时出错（{error}）',
  'engine.why.noAdapter': '浏览器支持WebGPU，但找不到可用的GPU适配器（GPU被屏蔽、不受支持或已停用）',
  'engine.why.setBackendFailed': 'TensorFlow.js无法启动{backend}后端',
  'engine.why.setBackendThrew': 'TensorFlow.js无法启动{backend}后端（{error}）',
  'engine.why.smokeFailed': '冒烟测试未通过：{why}',
  'engine.why.smokeWrong': '算出的是[{got}]，而不是[{expected}]',
  'engine.why.smokeThrew': '计算时出错（{error}）',
  'engine.why.deviceLost': 'GPU设备已丢失（{detail}）',

  'engine.where.adapter': '{vendor} / {architecture}',
  'engine.where.softwareAdapter': '{vendor} / {architecture}——软件适配器，比真正的GPU慢',
  'engine.where.cpu': '在CPU上运行的JavaScript',
  'engine.where.webgl': '通过WebGL调用你的显卡',
  'engine.short.software': '{backend}·软件适配器',
  'engine.long': '计算后端：{backend}（{where}）。',
  'engine.longFallback': '计算后端：{backend}（{where}）。改用{backend}的原因：{reason}。',
} satisfies Translation<typeof en>;
