/** The shared drawing pad in Simplified Chinese (English: ../en/stroke-pad.ts). */
import type en from '../en/stroke-pad.ts';
import type { Translation } from '../../types.ts';

export default {
  'strokePad.roleDescription': '画板',
  'strokePad.undo': '撤销一笔',
  'strokePad.clear': '清空画板',
  'strokePad.help': '键盘操作：方向键移动画笔（按住Shift每次多走几步），空格或回车键落笔或抬笔，Ctrl+Z撤销一笔。',
  'strokePad.label': '{label}可以用鼠标、手指或触控笔画，也可以用键盘画。',
  'strokePad.strokes': { other: '{count}笔' },
  'strokePad.isEmpty': '画板是空的。',
  'strokePad.holds': '画板上有{strokes}。',
  'strokePad.emptied': '画板已空。',
  'strokePad.undone': '已撤销最后一笔，还剩{strokes}。',
  'strokePad.cleared': '画板已清空。',
  'strokePad.where': '横向{x}%、纵向{y}%处',
  'strokePad.penDown': '在{where}落笔。',
  'strokePad.penUp': '在{where}抬笔，共{strokes}。',
  'strokePad.full': '这幅画已细致到极限：请撤销一笔或清空画板。',
} satisfies Translation<typeof en>;
