/** The packed datasets' names, class names and loading errors in Simplified Chinese (English: ../en/datasets.ts). */
import type en from '../en/datasets.ts';
import type { Translation } from '../../types.ts';

export default {
  'datasets.digits': 'MNIST手写数字',
  'datasets.split.train': '训练集',
  'datasets.split.test': '测试集',
  'datasets.fashion.tshirt': 'T恤/上衣',
  'datasets.fashion.trouser': '裤子',
  'datasets.fashion.pullover': '套头衫',
  'datasets.fashion.dress': '连衣裙',
  'datasets.fashion.coat': '外套',
  'datasets.fashion.sandal': '凉鞋',
  'datasets.fashion.shirt': '衬衫',
  'datasets.fashion.sneaker': '运动鞋',
  'datasets.fashion.bag': '包',
  'datasets.fashion.ankleBoot': '短靴',
  'datasets.error.load': '无法加载数据文件{file}：{error}。',
  'datasets.error.truncated': '数据文件{file}不完整：只收到{got}字节，应为{expected}字节。',
  'datasets.error.size': '数据文件{file}大小不对：{got}字节，应为{expected}字节。',
  'datasets.error.corrupted': '数据文件{file}已损坏：其SHA-256为{got}…，清单中为{expected}…。',
  'datasets.error.noSplit': 'manifest.json中没有数据划分{split}（已有：{known}）。',
  'datasets.error.labels': '数据文件{file}与manifest.json中各类的样本数不符。',
  'datasets.error.manifestJson': '数据清单{file}不是有效的JSON（{error}）。',
  'datasets.error.manifestInvalid': '数据清单{file}无效：{what}。',
  'datasets.error.noCrypto': '无法校验数据文件：Web Crypto不可用（页面不在安全上下文中）。',
} satisfies Translation<typeof en>;
