/** The sample photos' titles in Simplified Chinese (English: ../en/photos.ts). */
import type en from '../en/photos.ts';
import type { Translation } from '../../types.ts';

export default {
  'photos.chelsea': '猫咪Chelsea',
  'photos.astronaut': '宇航员Eileen Collins',
  'photos.camera': '摄影师',
  'photos.coins': '庞贝出土的希腊钱币',
  'photos.brick': '砖墙',
} satisfies Translation<typeof en>;
