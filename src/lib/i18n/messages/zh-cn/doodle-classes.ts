/** `<fm-doodle-classes>` in Simplified Chinese (English: ../en/doodle-classes.ts). */
import type en from '../en/doodle-classes.ts';
import type { Translation } from '../../types.ts';

export default {
  'doodleClasses.padLabel': '画板：为你的某个类别画一个样例。',
} satisfies Translation<typeof en>;
