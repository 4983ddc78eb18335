/** The reasons the reader's doodle classes cannot yet be the lab's task, in Simplified Chinese (English: ../en/doodle-task.ts). */
import type en from '../en/doodle-task.ts';
import type { Translation } from '../../types.ts';

export default {
  'doodleTask.noClasses': '你的涂鸦交互图里还没有类别：分类器至少需要2个类别。',
  'doodleTask.oneClass': '你的涂鸦交互图里只有1个类别：分类器至少需要2个类别。',
  'doodleTask.unnamed': '涂鸦交互图中的第{n}个类别还没有名字：请在那里给它命名。',
  'doodleTask.twice': '涂鸦交互图中有两个类别都叫“{name}”：请给每个类别起不同的名字。',
  'doodleTask.noDrawings': '“{name}”还没有手绘：每个类别至少需要{min}幅（一幅用来学习，一幅留作测试）。',
  'doodleTask.oneDrawing': '“{name}”只有1幅手绘：每个类别至少需要{min}幅（一幅用来学习，一幅留作测试）。',
} satisfies Translation<typeof en>;
