/** The chapter's page tools in Simplified Chinese (English: ../en/tools.ts). */
import type en from '../en/tools.ts';
import type { Translation } from '../../types.ts';

export default {
  'print.plain': '打印本章',
  'print.answers': '连同答案打印',
  'print.preparing': '正在准备打印交互图：已就绪{done}/{total}…',
  'print.figures': { other: '{count}张交互图' },
  'print.missing': { other: '{figures}中已就绪{done}张；{count}张未能及时完成，将按已算出的程度打印，未运行的则打印其图注。' },
  'print.oneReady': '交互图已就绪。',
  'print.allReady': '全部{figures}已就绪。',

  'progress.none': '已作答0道问题和练习',
  'progress.count': '已作答{answered}/{total}道问题和练习',
  'progress.clear': '清除我在本页的答案',
  'progress.kept': '你的答案只保存在这个浏览器中，不会发送到任何地方。',
  'progress.noStorage': '这个浏览器不允许本书保存任何内容，因此你的答案不会被保留。',
  'progress.confirmClear': '要清除你在本页写下的所有内容，并重新收起所有解答吗？此操作无法撤销。',
  'progress.cleared': '你在本页的答案已清除。',
  'progress.read': '（已读）',

  'offline.save': '保存以便离线阅读（{size}）',
  'offline.available': '已可离线阅读：本章及其交互图无需网络即可使用。',
  'offline.saving': '正在保存以便离线阅读：已保存{done}/{total}个文件…',
  'offline.failed': '无法保存本章（{error}）。请检查网络连接后重试。',
  'offline.removed': '本章的离线副本已删除。',

  'search.loading': '正在加载搜索功能……',
  'search.failed': '搜索功能加载失败（可能是网络断开了）。关闭本窗口后重新打开即可重试。',

  'embedControl.reset': '重置交互图',
  'embedControl.resetDone': '交互图已恢复为初始设置。',
  'embedControl.summary': '嵌入或分享这张交互图',
  'embedControl.legend': '放到其他网页上',
  'embedControl.iframe': '放在框架（iframe）中（适用于大多数课程网站）',
  'embedControl.script': '作为元素（由你的网页加载交互图的脚本）',
  'embedControl.paste': '把下面的代码原样粘贴到你的网页中，它会按你当前的设置显示这张交互图：',
  'embedControl.linkGallery': '指向图库中这一设置的链接：',
  'embedControl.linkFigure': '指向本章中这张交互图（保留你当前的设置）的链接：',
  'embedControl.copyCode': '复制代码',
  'embedControl.copyEmbed': '复制嵌入链接',
  'embedControl.copyGallery': '复制图库链接',
  'embedControl.copyFigure': '复制这张交互图的链接',
  'embedControl.noteGallery': '嵌入链接只打开这张交互图；图库链接会打开本页，并按当前设置显示这个交互图。',
  'embedControl.noteFigure': '嵌入链接只打开这张交互图；交互图链接会打开本章并定位到这张交互图。',
  'embedControl.copied': '已复制。',
  'embedControl.selected': '已选中，请按Ctrl+C（⌘C）复制。',
} satisfies Translation<typeof en>;
