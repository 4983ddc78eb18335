/** `<fm-device-badge>` in Simplified Chinese (English: ../en/badge.ts). */
import type en from '../en/badge.ts';
import type { Translation } from '../../types.ts';

export default {
  'badge.checking': '计算后端：检测中…',
  'badge.noScript': '计算后端：需要JavaScript',
  'badge.webgpuAvailable': 'WebGPU可用',
  'badge.webgpuAvailableSoftware': 'WebGPU可用·软件适配器',
  'badge.webgpuAvailableLong': 'WebGPU可用（{vendor} / {architecture}）。页面上的交互图会在你浏览到它们时才启动WebGPU。',
  'badge.webgpuAvailableSoftwareLong': 'WebGPU可用（{vendor} / {architecture}，软件适配器）。页面上的交互图会在你浏览到它们时才启动WebGPU。',
  'badge.noWebgpu': '没有WebGPU·改用WebGL/CPU',
  'badge.noWebgpuLong': '交互图将改用WebGL或CPU计算：{reason}。',
  'badge.engine': '计算后端：{backend}',
} satisfies Translation<typeof en>;
