/**
 * A class's name as a reader sees it: the packed manifest names Fashion-MNIST's classes in English, and the
 * catalogue says them in the reader's language; MNIST's digits (and any name the catalogue lacks) stay as they are.
 */
import { msg, say } from '../i18n/t.ts';
import type { Lang } from '../i18n/locales.ts';
import type { Msg } from '../i18n/types.ts';

const FASHION: Record<string, Msg> = {
  'T-shirt/top': msg('datasets.fashion.tshirt'),
  Trouser: msg('datasets.fashion.trouser'),
  Pullover: msg('datasets.fashion.pullover'),
  Dress: msg('datasets.fashion.dress'),
  Coat: msg('datasets.fashion.coat'),
  Sandal: msg('datasets.fashion.sandal'),
  Shirt: msg('datasets.fashion.shirt'),
  Sneaker: msg('datasets.fashion.sneaker'),
  Bag: msg('datasets.fashion.bag'),
  'Ankle boot': msg('datasets.fashion.ankleBoot'),
};

/** The catalogue message for a manifest class name, or the name itself (a digit, a reader's own class). */
export function classNameMsg(name: string): Msg | string {
  return Object.hasOwn(FASHION, name) ? FASHION[name]! : name;
}

/** The class name in `lang`. */
export function className(lang: Lang, name: string): string {
  return say(lang, classNameMsg(name));
}

/** Class names as a list in running text: `a, b, c` in English, `a、b、c` in Chinese. */
export function classList(lang: Lang, names: readonly string[]): string {
  return names.map((n) => className(lang, n)).join(lang === 'zh-CN' ? '、' : ', ');
}
